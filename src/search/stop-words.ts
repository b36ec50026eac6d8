/**
 * Words too common to say what a question is about. A fixed list, so that ranking never changes
 * with the corpus.
 *
 * Question words ("why", "who", "how") are dropped: every curated question starts with one, so they
 * would pull Q&A entries up on form rather than topic. Negations ("not", "no", "never") are dropped
 * too: a bag of words cannot tell what they negate, and they occur in most passages and in demand
 * titles ("No NATO enlargement"), so keeping them only adds noise.
 *
 * "Say" and "said" are dropped as the form of a question ("What did Kofman say?"), and they
 * occur in most quoted passages.
 *
 * "now" stays: "why now?" is a question the articles answer.
 *
 * "us" is deliberately absent: members type "us" for the United States far more often than the
 * articles use the pronoun (normalize-word.ts reads "us", "US" and "U.S." alike as "usa").
 */
const WORDS = `
a about above after again against all am an and any are aren arent as at be because been before
being below between both but by can cannot cant could couldn couldnt did didn didnt do does doesn
doesnt doing don dont down during each few for from further had hadn hadnt has hasn hasnt have
haven havent having he hed hell hes her here heres hers herself him himself his how hows i id ill im
ive if in into is isn isnt it its itself just let lets me might mightn more most mustn mustnt my
myself never no nor not of off on once only or other ought our ours ourselves out over own
same shan shant she shed shell shes should shouldn shouldnt so some such than that thats the their
theirs them themselves then there theres these they theyd theyll theyre theyve this those through
to too under until up very was wasn wasnt we wed well were weren werent weve what whats when whens
where wheres which while who whom whos why whys will with won wont would wouldn wouldnt you youd
youll youre youve your yours yourself yourselves also may shall yet ever tell please
whatre whatd whatll whyd whyre howd howre whod whered else
say says said saying many much
`;

/**
 * How members talk in a chat around the question itself ("hey all, can someone explain…", "I keep
 * reading…", "what does X think", "is Ukraine going to join", "anyone done the reading", "is this on
 * the exam", "fr", "per npr"), and in the formal register ("kindly", "regarding", "Mr."): words
 * that say nothing about which passage answers it. They are rare enough in the articles that, kept,
 * they would weigh like topic words, and members' phrasings in the question bank use them freely.
 */
const CHAT_FILLER = `
hey hi hello ok okay guy guys folks thanks thank pls anyone anybody someone somebody everyone
everybody something anything everything explain explained think thinks thought mean means meant
really actually basically just get gets got getting thing things stuff like look looks looking
kind sort trying try tried figure find found keep read reading readings happen happens happened
happening please wondering wonder confused tbh imo imho ngl idk lol smh fyi btw pls plz thx
going gonna though although exactly matter matters mention mentions mentioned bit sorry already
weird annoying roughly honestly literally seriously totally pretty quite legit super kinda sorta
seem seems seemed angle shouldve wouldve couldve mustve itd thatd supposed
done exam exams homework hw cool nice awesome ty tysm thnx lmao haha hahaha yay wow bruh bro
dude gg appreciate appreciated helpful summarize summarise summary tldr overview
specific specifically specifics mr mrs ms dr kindly regarding concerning per fr
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(
  `${WORDS} ${CHAT_FILLER}`.split(/\s+/).filter(Boolean),
);

export function isStopWord(foldedWord: string): boolean {
  return STOP_WORDS.has(foldedWord);
}
