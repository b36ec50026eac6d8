import { findArticle } from "../../knowledge/corpus.ts";
import type { Person } from "../../knowledge/schema.ts";
import type { QueryPlan } from "../../search/query-plan.ts";
import { passageRef } from "../../search/search-documents.ts";
import type { HitKeep, SearchMatches } from "../../search/search-matches.ts";
import { stemWord } from "../../search/stem.ts";
import { foldedWords } from "../../text/fold.ts";
import { UserError } from "../../user-error.ts";
import { type Answer, type AnswerResult, type Excerpt, paragraphOf } from "../answer.ts";
import type { AskOptions } from "../dossier.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { passageResult, personResult, qaEntryOf, resultOfHit } from "../excerpts/entry-results.ts";
import { quotesParagraph } from "../excerpts/excerpt.ts";
import { excerptWeigher } from "../excerpts/order-excerpts.ts";
import type { PassageLibrary } from "../excerpts/passages.ts";
import { NO_TERMS, relevantTerms, withClosestWay } from "../excerpts/relevant-terms.ts";
import { personCard } from "../listings/curated-listings.ts";
import { personNames } from "../listings/find-person.ts";
import { bestMatches, rankNameMatch } from "../listings/name-match.ts";
import {
  askedAnswerType,
  asksForParticulars,
  givenNames,
  hasBetweenBoundaries,
  quotedAndAskedBeyond,
  quotedWords,
} from "./answer-type.ts";
import {
  askedOfTheArticle,
  asksOnlyOfTheArticle,
  checkArticleFilter,
  itemAskedFirst,
  listingAsked,
} from "./article.ts";
import { CONFIDENT_PROBABILITY, type ConfidenceSignals, confidenceOf } from "./confidence.ts";
import { asksForMore, followUpReading } from "./follow-up.ts";
import {
  confidentCoverage,
  QA_FIRST_COVERAGE,
  type RankedHit,
  type RankedHits,
  RELATIVE_COVERAGE_FLOOR,
  rankMatches,
  relevanceOf,
  SPECIFICS_COVERAGE,
  WORDED_ALIKE,
  withRelevance,
} from "./ranking.ts";
import { hasNoWords, readQuestion } from "./read-question.ts";
import { typedAnswer } from "./typed-answer.ts";

const DEFAULT_LIMIT = 5;
export const SMALL_TALK_REPLY =
  "I answer questions about the articles; ask one, for example: Why does Russia oppose NATO expansion?";
/**
 * Words that address the bot rather than ask about the articles: chat when nothing else is said
 * ("thanks bot", "help", "thx that helps", "ur the best", "good morning"). Not chat fillers: "is
 * this bot slow today" still asks something the articles do not answer, "how did the us help
 * ukraine" what they say, and "what's the best outcome" is about an outcome.
 */
const THE_BOT = new Set(
  [
    "bot",
    "dossier",
    "help",
    "best",
    "great",
    "good",
    "love",
    "legend",
    "goat",
    "genius",
    "morning",
    "night",
  ].map(stemWord),
);
const MAX_LIMIT = 25;
const REASON_ASKED = /\b(?:why|how come|reasons?)\b/iu;
/** The first results, one of which must have the kind of answer asked for (see answer-type.ts). */
const TYPED_RESULTS = 3;
/** Suggestions offered when the articles do not cover a question. */
const SUGGESTIONS = 3;
/** Fewer content words than this (numbers aside) make a question short (see ConfidenceSignals.short). */
const SHORT_QUESTION_WORDS = 3;
/** The best hits the nearest not-covered question is measured against. */
const UNANSWERED_RIVALS = 5;
/** Hits looked at for matched terms; the rest are too weak to matter. */
const HITS_FOR_TERMS = 20;

function limitOf(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/** Reads hits in turn: each call gives the next, undefined after the last. */
type NextHit = () => RankedHit | undefined;

function inTurn(hits: RankedHits): NextHit {
  let next = 0;
  return () => hits.at(next++);
}

/**
 * The best Q&A entry first when it covers the question well; then everything else by relevance.
 * Not when the first hit is a passage with a way of asking worded nearly as the question is, and
 * closer than the entry's, that the entry does not cite: "how long did the west get to answer the
 * demands" is how the bank asks for Trenin ¶3 ("just a month to respond"), and the open-door entry
 * only has its words. An entry citing that paragraph stays first: its curated excerpt is the point.
 * On the tuned sets: hit@1 +2 questions, none lost.
 */
function answerOrder(
  context: DossierIndexes,
  matches: SearchMatches,
  hits: RankedHits,
  keep: HitKeep,
): NextHit {
  const [best] = matches.best(1, relevanceOf, (kind, coverage) =>
    kind === "qa" && coverage >= QA_FIRST_COVERAGE ? keep(kind, coverage) : false,
  );
  const first = hits.at(0);
  const firstAskedCloser =
    best !== undefined &&
    first !== undefined &&
    first !== best &&
    first.kind === "passage" &&
    !(qaEntryOf(context, best)?.citations ?? []).some(
      (citation) => passageRef(citation.article, citation.paragraph) === first.ref,
    ) &&
    matches.wordingOf(first) >= WORDED_ALIKE &&
    matches.wordingOf(first) > matches.wordingOf(best);
  const curated = best && !firstAskedCloser ? withRelevance(best) : undefined;
  const rest = inTurn(hits);
  let curatedShown = curated === undefined;
  return () => {
    if (!curatedShown) {
      curatedShown = true;
      return curated;
    }
    const hit = rest();
    return hit !== undefined && hit === curated ? rest() : hit;
  };
}

/** What the search measured of the question's best matches, for confidenceOf. */
function confidenceSignals(
  matches: SearchMatches,
  hits: RankedHits,
  plan: QueryPlan,
  asked: {
    coverageNeeded: number;
    particulars: boolean;
    offTopic: boolean;
    ofOneArticle: boolean;
    characters: number;
  },
): ConfidenceSignals {
  const first = hits.at(0);
  const rivals = hits.first(UNANSWERED_RIVALS);
  const unanswered = matches.nearestUnanswered();
  return {
    coverage: matches.bestCoverage,
    coverageNeeded: asked.coverageNeeded,
    firstWording: first === undefined || asked.particulars ? 0 : matches.wordingOf(first),
    meaningMeasured: plan.vector !== undefined,
    unansweredSimilarity: unanswered.similarity,
    unansweredWording: unanswered.wording,
    hitSimilarity: Math.max(0, ...rivals.map((hit) => hit.similarity)),
    hitWording: Math.max(0, ...rivals.map((hit) => matches.wordingOf(hit))),
    short: plan.words.filter((word) => !/^\p{N}/u.test(word.stem)).length < SHORT_QUESTION_WORDS,
    offTopic: asked.offTopic,
    ofOneArticle: asked.ofOneArticle,
    words: plan.words.length,
    characters: asked.characters,
  };
}

/**
 * Whether no word of the question is what the articles are about ("yo what time r we meeting
 * thursday again", "whats a good show to binge rn": see Semantic.isTopical). Whatever it shares with
 * a passage is then a coincidence: the confidence model weighs it, and such chat is shown no passages.
 */
function isOffTopic(context: DossierIndexes, text: string): boolean {
  const { analyzer } = context.index;
  const { semantic } = analyzer;
  return (
    semantic !== undefined &&
    analyzer.words(text).every((word) => word.stop || !semantic.isTopical(word.word))
  );
}

/**
 * A follow-up that names no one itself is read with the member's previous question, when that
 * reading answers it: its pronoun stands for whom the previous question named ("what else did he
 * say" after "what did ryabkov say" is "what else did ryabkov say"), or it is asked about what the
 * previous question asked ("and what did the US say" after "what is russia demanding about
 * missiles" is "… about russia demanding missiles"). Any other question is asked alone.
 */
export function ask(context: DossierIndexes, question: string, options: AskOptions = {}): Answer {
  const { previous, shown, ...alone } = options;
  const readWith =
    previous === undefined ? undefined : followUpReading(context.index.analyzer, question, previous);
  if (readWith === undefined) return askAlone(context, question, alone);
  const together = askAlone(context, readWith, alone);
  const read = { readWith: previous?.trim() ?? "" };
  // Alone, a follow-up without a word of its own ("when did he say it") asks nothing: read with the
  // last question, its closest passages are still the member's best lead.
  if (!together.confident)
    return together.results.length > 0 && context.index.analyzer.query(question).words.length === 0
      ? { ...together, ...read }
      : askAlone(context, question, alone);
  if (shown === undefined || shown.length === 0 || !asksForMore(question)) return { ...together, ...read };
  // "What else did he say", "tell me more": what the last answer did not show, confident or not.
  return { ...askAlone(context, readWith, alone, shown), ...read };
}

/** `leaveOut`: paragraphs ("article#n") no result may show. */
function askAlone(
  context: DossierIndexes,
  question: string,
  options: AskOptions,
  leaveOut: ReadonlyArray<string> = [],
): Answer {
  const text = context.index.analyzer.asMeant(readQuestion(question));
  if (hasNoWords(text)) {
    throw new UserError("no-words", "Ask in words, for example: Why does Russia oppose NATO expansion?");
  }
  // A question naming an article ("in the NPR piece") is asked of that article, without those words.
  const mention = options.article === undefined ? context.findArticleMention(text) : undefined;
  const asked = mention && !hasNoWords(mention.rest) ? mention : undefined;
  const article =
    asked?.article ?? checkArticleFilter(context.corpus, context.findArticleMention, options.article);
  const limit = limitOf(options.limit);
  const { analyzer } = context.index;
  // "What's the tl;dr of the foreign affairs piece": how it opens and where each section starts.
  const ofTheArticle = askedOfTheArticle(context, text, options.article);
  if (ofTheArticle?.asks === "gist") return openingOf(context, ofTheArticle.article.id, text, limit, "gist");
  // Nothing asked but the article itself ("what does the npr article say", "who wrote the wapo
  // piece", "trenin?"): how it opens.
  const whole = mention?.article ?? article;
  if (whole !== undefined && asksOnlyOfTheArticle(analyzer, mention?.rest ?? text))
    return openingOf(context, whole, text, limit);
  const searched = asked?.rest ?? text;
  const plan = searchPlan(context, searched);
  // "hi", "thanks!!", "anyone done the reading?", "ty bot": chat, not a question about the articles.
  if (plan.words.every((word) => THE_BOT.has(word.stem))) throw new UserError("small-talk", SMALL_TALK_REPLY);
  // "What are the 4 things russia wants": the list a numbered headline promises.
  const listing = listingAsked(context.corpus, analyzer, plan.words, whole);
  if (listing !== undefined) return openingOf(context, listing, text, limit, "sections");
  const asking: Asking = {
    text,
    words: searched,
    plan,
    limit,
    guildId: options.guildId,
    leaveOut,
    observe: options.observe,
  };
  // "Compare trenin and mackinnon on why russia is doing this": each article's answer in turn.
  const compared = options.article === undefined ? context.findArticleMention.compared(text) : undefined;
  const inTurn =
    compared &&
    eachInTurn(
      context,
      { ...asking, words: compared.rest, plan: searchPlan(context, compared.rest) },
      compared.articles,
    );
  if (inTurn !== undefined) return inTurn;
  const answer = answerOf(context, asking, article);
  const person = leaveOut.length === 0 ? personAsked(context, text) : undefined;
  if (person !== undefined) return withPersonFirst(context, person, answer, limit);
  return answer.confident || article === undefined
    ? answer
    : orFromTheOthers(context, asking, article, answer);
}

/**
 * "Who is Kuleba", "who's dmytro kuleba", "what's nuland's job", "nuland title?", "sonne first
 * name?": who someone the knowledge lists is, by name (not "who is the anonymous official", whom it
 * lists by a description).
 */
const WHO_IS =
  /^\W*(?:who(?:['’]?s|\s+is|\s+was)\s+(.+?)|(?:what(?:['’]?s|\s+is|\s+was)\s+)?(.+?)(?:['’]s?)?\s+(?:job|title|role|position|(first|full|given)\s+name))\W*$/iu;
const NAME_WORDS = 4;
/** What goes before the name: "the", "this man", "that guy". */
const SOMEONE_CALLED =
  /^(?:(?:the|a|an|this|that)\s+)?(?:(?:man|guy|woman|lady|person|dude|fellow|gentleman|official)\s+)?(?=\S)/iu;

interface PersonAsked {
  person: Person;
  /** Whether their full name is asked for, which the knowledge may not give ("Sonne": a byline's surname). */
  fullNameAsked: boolean;
}

function personAsked(context: DossierIndexes, text: string): PersonAsked | undefined {
  // Asked first, then said why ("whats sonne's first name? the byline only has the last name"), or
  // then asked more ("who is this man kuleba, what is his job?").
  const first = text.split(/\?\s+|,\s+(?=(?:what|who|whats|and)\b)/iu)[0] ?? "";
  for (const asked of first === text ? [text] : [text, first]) {
    const found = WHO_IS.exec(asked);
    const name = (found?.[1] ?? found?.[2])?.replace(SOMEONE_CALLED, "");
    if (name === undefined || name.split(/\s+/u).length > NAME_WORDS) continue;
    const people = bestMatches(context.corpus.people, (person) => rankNameMatch(name, personNames(person)));
    const [person, ...others] = people;
    if (person !== undefined && others.length === 0 && NAMED.test(person.name))
      return { person, fullNameAsked: found?.[3] !== undefined };
  }
  return undefined;
}
/** A name, not a description ("Russia's ambassador to the United States"): each word a capital's. */
const NAMED = /^(?:\p{Lu}[\p{L}.'’-]*(?:\s+|$))+$/u;

/**
 * Their card first (/who's: their role, and the passage introducing them), then what else answers,
 * each paragraph shown once. Asked for a full name the knowledge does not give (a byline's surname),
 * not covered: the card, which says so, leads the suggestions.
 */
function withPersonFirst(context: DossierIndexes, asked: PersonAsked, answer: Answer, limit: number): Answer {
  const { person, fullNameAsked } = asked;
  const card = personCard(context, person);
  const claimed = new ClaimedPassages();
  const results = [card, ...answer.results].flatMap((result) => claimed.takeCard(result) ?? []);
  const confident = !fullNameAsked || /\s/u.test(person.name);
  return { confident, results: results.slice(0, confident ? limit : Math.min(limit, SUGGESTIONS)) };
}

/**
 * What a question is searched for. A first name of a full name is no name of its own ("what did
 * Jake Sullivan say" is answered by "Sullivan said"; see givenNames).
 */
function searchPlan(context: DossierIndexes, words: string): QueryPlan {
  const { analyzer } = context.index;
  // "Is it true that Oliker works at Brookings", "NPR says 150,000 troops, right?": a member checking
  // a claim, whose names may be the very detail that is wrong: the passage giving the right one
  // answers. The claim is searched for, without "is it true". (The analyzer already reads the names
  // of a claim told back with a tag as guesses, unless a question word opens it: see doubtsItself.)
  const claim = words.replace(CLAIM_ASKED, "").replace(CLAIM_CHECKED, "");
  const checking = claim !== words && /[\p{L}\p{N}]/u.test(claim);
  const plan = analyzer.query(checking ? claim : words, { prefixLastWord: true });
  const given = new Set(analyzer.words(givenNames(words, context.corpus.people)).map((word) => word.stem));
  for (const word of plan.words) if (checking || given.has(word.stem)) word.named = false;
  return plan;
}

const CLAIM_ASKED = /^\W*(?:is\s+it\s+(?:true|correct|right|accurate)(?:\s+that)?|true\s+or\s+false\W)\s*/iu;
const CLAIM_CHECKED = /[\s,;-]*(?:right|correct|is\s+that\s+(?:right|true|so))\s*\?+\s*$/iu;

/** A question as read: its whole text, as searched for (without an article's name), options. */
interface Asking {
  text: string;
  /** The words searched for, and their plan. */
  words: string;
  plan: QueryPlan;
  limit: number;
  guildId: string | undefined;
  leaveOut: ReadonlyArray<string>;
  observe: AskOptions["observe"];
}

/**
 * A question asked of one article that it does not answer and the others do ("in the foreign policy
 * piece, what did nuland say": NPR quotes her; "what does it say about the deadline" of Foreign
 * Policy: the Post's "We do not set any deadlines"): their answer, marked as theirs, and still not
 * covered for the article asked of. It once was only for someone or something the article never names:
 * members asking of Foreign Policy about the deadline were shown its closest passages. (An article's
 * gist, "trenin's main argument", is asked of it alone: see askedOfTheArticle.) That article's own
 * closest passages when the others do not answer either, or when their answer cites it after all.
 */
function orFromTheOthers(
  context: DossierIndexes,
  asking: Asking,
  article: string,
  inArticle: Answer,
): Answer {
  const everywhere = answerOf(context, asking, undefined, "if confident");
  const asked = findArticle(context.corpus, article);
  const citesAsked = everywhere.results.some((result) =>
    result.excerpts.some((excerpt) => excerpt.citation.article === article),
  );
  if (!everywhere.confident || citesAsked || asked === undefined) return inArticle;
  const { title, outlet } = asked;
  return {
    confident: false,
    results: everywhere.results,
    notCoveredBy: { article, title, ...(outlet === undefined ? {} : { outlet }) },
  };
}

/**
 * `resultsWanted`: "if confident" when the caller drops the results of an answer that is not: then they
 * are not built (a question asked of one or two articles is answered two to four times over).
 */
function answerOf(
  context: DossierIndexes,
  asking: Asking,
  article: string | undefined,
  resultsWanted: "always" | "if confident" = "always",
): Answer {
  const { text, limit, plan } = asking;
  const { analyzer, statistics } = context.index;
  const matches = context.index.match(plan, { guildId: asking.guildId, article });
  // Hits near the best coverage of a hit with every named thing of the question are shown, or without
  // one covering enough of it, hits near the top coverage.
  const { bestCoverage } = matches;
  const particulars = asksForParticulars(text);
  const coverageNeeded = particulars ? SPECIFICS_COVERAGE : confidentCoverage(plan, article !== undefined);
  const covered = bestCoverage >= coverageNeeded;
  const floor = (covered ? bestCoverage : matches.topCoverage) * RELATIVE_COVERAGE_FLOOR;
  const keep: HitKeep = (_kind, coverage) => coverage >= floor;
  const hits = rankMatches(matches, keep);
  const offTopic = isOffTopic(context, text);
  const signals = confidenceSignals(matches, hits, plan, {
    coverageNeeded,
    particulars,
    offTopic,
    ofOneArticle: article !== undefined,
    characters: text.length,
  });
  const confident = confidenceOf(signals) >= CONFIDENT_PROBABILITY;
  // Observed (to fit the model), the checks below run whatever it decides, as with no model at all.
  if (!confident && resultsWanted === "if confident" && asking.observe === undefined)
    return { confident, results: [] };
  const typed = typedAnswer(text, plan, context.index, context.corpus, hits.first(HITS_FOR_TERMS));
  const terms = relevantTerms(
    plan,
    hits.first(HITS_FOR_TERMS),
    statistics,
    typed?.wants,
    typed?.answers,
    REASON_ASKED.test(text),
    quotedWords(text).map(foldedWords),
  );

  const claimed = new ClaimedPassages(asking.leaveOut);
  const results: AnswerResult[] = [];
  /** Whether each result's hit matched every named thing of the question (in any field). */
  const namesMatched: boolean[] = [];
  // Asked for more than an answer showed ("what else did he say"), the confidence of the matches
  // is no longer the results': one of the first must still have whom or what the question names.
  const named = plan.words.flatMap((word, i) =>
    word.named ? [new Set(plan.terms.filter((term) => term.words.includes(i)).map((term) => term.term))] : [],
  );
  const namesAll = (matched: ReadonlyArray<string>) =>
    asking.leaveOut.length === 0 || named.every((terms) => matched.some((term) => terms.has(term)));
  const wanted = confident ? limit : Math.min(limit, SUGGESTIONS);
  // A card names the speaker its excerpt does not ("He added that…": see speakerShown), so what
  // someone said is given by the excerpt with that name; who someone is, not by whoever speaks.
  const speakerCounts = askedAnswerType(text) !== "person";
  /** Whether a result's excerpts give the date, number or name asked for (any, when none is). */
  const givesAskedFor = (result: AnswerResult) =>
    !typed ||
    result.excerpts.some((excerpt) =>
      typed.wants(result.speaker && speakerCounts ? `${result.speaker.name}: ${excerpt.text}` : excerpt.text),
    );
  const nextHit = answerOrder(context, matches, hits, keep);
  const weigher = excerptWeigher(terms, analyzer.indexTerms);
  for (let hit = nextHit(); hit !== undefined; hit = nextHit()) {
    // Asked of one article, the search matched only what cites it, and only those citations are shown.
    const ordered = resultOfHit(
      context,
      hit,
      withClosestWay(terms, hit, statistics),
      weigher,
      (paragraph) => claimed.has(paragraph),
      article,
    );
    if (!ordered) continue;
    // A curated entry whose excerpt lacks the date, number or name asked for does not take its
    // paragraph from the passage whose own sentences give it ("when did Moscow publish Lavrov's
    // letters": the entry on France and Germany cites another sentence of the paragraph that does).
    if (hit.kind === "qa" && !givesAskedFor(ordered)) continue;
    const result = claimed.take(ordered);
    if (result) {
      results.push(result);
      namesMatched.push(typed?.matchesNames(hit.matchedTerms) ?? namesAll(hit.matchedTerms));
    }
    if (results.length >= wanted) break;
  }
  // "When", "how many" and "who" are answered only by an excerpt with a date, a number or a name.
  const answered = results
    .slice(0, TYPED_RESULTS)
    .some((result, i) => namesMatched[i] === true && givesAskedFor(result));
  const checked = answered && !quotesBeyond(context.library, text, results[0]);
  asking.observe?.(signals, checked);
  if (confident && checked) return { confident, results };
  // Chat about something else ("whats a good pizza place near campus") is told that nothing in the
  // articles matches: passages sharing its everyday words are no lead to anything.
  return { confident: false, results: offTopic ? [] : results.slice(0, SUGGESTIONS) };
}

/**
 * Whether the question quotes the first result's paragraph and asks what it leaves out ("kofman says
 * russia withstood 'all the prior sanctions' - which sanctions"): the member read it there already.
 */
function quotesBeyond(library: PassageLibrary, question: string, first: AnswerResult | undefined): boolean {
  const quoted = quotedAndAskedBeyond(question).map(foldedWords);
  if (quoted.length === 0 || first === undefined) return false;
  return first.excerpts.some((excerpt) => {
    const passage = library.get(passageRef(excerpt.citation.article, excerpt.citation.paragraph));
    return quotesParagraph(passage?.paragraph.text ?? "", quoted);
  });
}

/** The paragraphs an article asked about as a whole is answered with. */
const OPENING_PARAGRAPHS = 3;
/** A writer's name said of their article: "the trenin article", "trenin's piece". */
const ARTICLE_NAMED_BY = /\S+?(?:['’]s)?\s+(?:article|piece|essay|op-ed|story|one)\b/g;
/** "Who wrote the npr article", "the wapo piece's authors". */
const WHO_WROTE = /\b(?:who|wr[io]te|written|writers?|authors?|byline)\b/;

/**
 * An article's opening paragraphs, whole: news writing puts its summary first, and each card's
 * citation gives the article's title, outlet, authors, date and link. Its writers the knowledge knows
 * come first when the question names them or asks who wrote it ("who is trenin", "who wrote the npr
 * article": its byline is empty, Michele Kelemen contributed), and no paragraph is shown twice.
 */
function openingOf(
  context: DossierIndexes,
  articleId: string,
  question: string,
  limit: number,
  /**
   * Or the first paragraph of each section, under its heading: a numbered headline's list; or its
   * gist: the first paragraph and then each section's (the opening, without sections).
   */
  paragraphs: "opening" | "sections" | "gist" = "opening",
): Answer {
  const article = findArticle(context.corpus, articleId);
  if (article === undefined) return { confident: false, results: [] };
  const writers = [...article.authors, ...(article.contributors ?? [])];
  const asked = question.toLowerCase();
  const asksWho = WHO_WROTE.test(asked);
  const authors = context.corpus.people
    .filter((person) => personNames(person).some((name) => writers.includes(name)))
    .filter(
      (person) =>
        asksWho ||
        personNames(person).some((name) => {
          const named = name.toLowerCase();
          // "The trenin article" names the article, not the man.
          return hasBetweenBoundaries(asked.replace(ARTICLE_NAMED_BY, " "), named);
        }),
    )
    .map((person) => personResult(context.library, person, NO_TERMS));
  const sectionLeads = article.paragraphs.filter(
    (p, i) => p.section !== undefined && p.section !== article.paragraphs[i - 1]?.section,
  );
  const leads =
    paragraphs === "sections"
      ? itemAskedFirst(sectionLeads, question)
      : paragraphs === "gist" && sectionLeads.length > 0
        ? [...article.paragraphs.slice(0, 1), ...sectionLeads]
        : article.paragraphs.slice(0, OPENING_PARAGRAPHS);
  const opening = leads.flatMap((paragraph) => {
    const passage = context.library.get(passageRef(articleId, paragraph.n));
    return passage ? [passageResult(passage, NO_TERMS, 0, true)] : [];
  });
  const claimed = new ClaimedPassages();
  const results = [...authors, ...opening]
    .flatMap((result) => claimed.takeCard(result) ?? [])
    .slice(0, limit);
  return { confident: opening.length > 0, results };
}

/**
 * The answers of the articles a question compares, one result of each in turn (in the order it
 * names them): asked of all of them at once, one article's passages filled the first cards. Only
 * when each of them answers; otherwise the question is asked of all, as any other.
 */
function eachInTurn(
  context: DossierIndexes,
  asking: Asking,
  articles: ReadonlyArray<string>,
): Answer | undefined {
  // Each article's answer in turn, none after the first that is not confident.
  const answers: Answer[] = [];
  for (const article of articles) {
    const answer = answerOf(context, asking, article, "if confident");
    if (!answer.confident) return undefined;
    answers.push(answer);
  }
  const claimed = new ClaimedPassages();
  const results: AnswerResult[] = [];
  const longest = Math.max(...answers.map((answer) => answer.results.length));
  for (let turn = 0; turn < longest && results.length < asking.limit; turn++)
    for (const answer of answers) {
      const result = answer.results[turn] && claimed.take(answer.results[turn] as AnswerResult);
      if (result && results.length < asking.limit) results.push(result);
    }
  return { confident: true, results };
}

/**
 * Keeps one answer from showing the same paragraph twice: a result keeps only excerpts from
 * paragraphs no earlier result has shown, and is dropped when none are left.
 */
export class ClaimedPassages {
  private readonly claimed: Set<string>;

  /** `shown`: passages ("article#n") already shown, by an earlier answer. */
  constructor(shown: Iterable<string> = []) {
    this.claimed = new Set(shown);
  }

  /** Whether the passage "article#n" has been shown already (checked before building a result). */
  has(ref: string): boolean {
    return this.claimed.has(ref);
  }

  /** As `take`, but a person's card without excerpts (an author the articles never mention) is kept, as /who shows it. */
  takeCard(result: AnswerResult): AnswerResult | undefined {
    return result.excerpts.length === 0 ? result : this.take(result);
  }

  take(result: AnswerResult): AnswerResult | undefined {
    const fresh = (excerpts: Excerpt[]) =>
      excerpts.filter((excerpt) => !this.claimed.has(paragraphOf(excerpt)));
    const excerpts = fresh(result.excerpts);
    if (excerpts.length === 0) return undefined;
    const sections = result.sections
      ?.map((section) => ({ ...section, excerpts: fresh(section.excerpts) }))
      .filter((section) => section.excerpts.length > 0);
    for (const excerpt of excerpts) this.claimed.add(paragraphOf(excerpt));
    for (const section of sections ?? [])
      for (const excerpt of section.excerpts) this.claimed.add(paragraphOf(excerpt));
    const { sections: _dropped, ...rest } = result;
    return sections && sections.length > 0 ? { ...rest, excerpts, sections } : { ...rest, excerpts };
  }
}
