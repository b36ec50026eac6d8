import type { Corpus } from "../../knowledge/corpus.ts";
import type { QueryPlan } from "../../search/query-plan.ts";
import type { SearchHit, SearchIndex } from "../../search/search-index.ts";
import { isPlausibleCorrection } from "../../search/typos.ts";
import { splitSentences } from "../excerpts/sentences.ts";

/**
 * What kind of answer a question asks for, when it says: "when" wants a date, "how many" a number,
 * "who" a person. A passage with the question's words but no date, number or name does not answer
 * it, however well it matches: that is the commonest confident wrong answer.
 */
export type AnswerType = "date" | "number" | "person";

const ASKS: ReadonlyArray<[AnswerType, RegExp]> = [
  ["date", /\b(when|what (year|date|month|day)|which (year|month|day)|since when|how long ago)\b/i],
  ["number", /\bhow (many|much)\b|\bwhat (number|percentage|share)\b/i],
  // A unit named in the question asks for a figure in it ("what's the range in km").
  ["number", /\b(percent|percentage|km|kilomet(er|re)s|miles)\b|%/i],
  // "Who" alone often asks for a country or an alliance; these ask for someone.
  [
    "person",
    /\bwhat(?:'s|s| is| was)? (?:his|her|their|the) name\b|\bwhose name\b|\bwho(?:'s|s| is| was| were) (?:the|\p{L}+'s)\s|\bwhich (?:\p{L}+ )?(?:journalist|reporter|official|diplomat|envoy|negotiator|ambassador|minister|spokes(?:man|woman|person)|general|analyst)\b|\bwho (?:led|won|wrote|heads?|leads?|runs?|chairs?|chaired|represents?|represented|negotiated|signed)\b/iu,
  ],
];

export function askedAnswerType(question: string): AnswerType | undefined {
  return ASKS.find(([, pattern]) => pattern.test(question))?.[0];
}

const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.";
const DATE = new RegExp(
  `\\b(1[89]\\d\\d|20\\d\\d)s?\\b|\\b(${MONTHS})|\\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b|\\b(last|next|this) (year|month|week|spring|summer|fall|autumn|winter)\\b|\\b(years?|decades?|months?|weeks?|days?) (ago|later|earlier|before)\\b`,
);
const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|double|twice";
const NUMBER = new RegExp(`\\d|\\b(${NUMBER_WORDS})\\b`, "i");

/** "How much … cost", "how much money": an amount of money, not any number. */
const MONEY_ASKED = /\bhow much\b.*\b(cost|money|spend|spent|worth|pay|paid|dollars?|aid|funding)\b/i;
const MONEY = /\$\s?\d|\b(dollars|million|billion)\b/i;
/** Units a question may ask a figure in, and how a text gives a figure in each. */
const UNITS: ReadonlyArray<[asked: RegExp, given: RegExp]> = [
  [/\bper ?cent(age)?\b|%/i, /\d\s?%|\bper ?cent\b/i],
  [/\b(km|kilomet(er|re)s)\b/i, /\d\s?(km|kilomet(er|re)s)\b/i],
  [/\bmiles\b/i, /\d\s?miles\b/i],
];
/** A word that is a count: "180", "100,000", "five"; not a name with digits ("Mi-17"). */
const COUNT = new RegExp(`^([$€£~]?\\d[\\d.]*|${NUMBER_WORDS})$`, "i");
/** Words between a number and what it counts ("100,000 Russian troops"). */
const COUNTED_WITHIN = 3;

/**
 * Reads "how many X" in a question and returns a test of whether a written word is X, or undefined
 * when the question names nothing countable (the test then wants any number).
 */
export type CountedThing = (question: string) => ((word: string) => boolean) | undefined;

/** Two capitalised words; the second is looked ahead at, so "Secretary of State Wendy Sherman" yields every pair. */
const TWO_CAPITALISED = /\b(\p{Lu}\p{Ll}+) (?=(\p{Lu}\p{Ll}+))/gu;
const NOT_A_NAME = new RegExp(
  `^(${MONTHS.replaceAll("\\.", "")}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|A|An|The|In|On|At|As|By|For|From|To|Of|And|But|Or|If|When|While|After|Before|Since|During|Under|Over|With|Without|This|That|These|Those|It|He|She|We|They|His|Her|Their|Our|Its|Some|Many|Most|All|Both|Even|Yet|So|Still|Then|Now|Last|Next|What|Who|Why|How|Where|Western|Eastern|Northern|Southern|Central|Russian|American|Ukrainian|European|British|French|German|Chinese|Soviet|United|North|South|New|White|Foreign|Security|Deputy|Secretary|State|Defense|Prime)$`,
);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A test for the kind of answer a question asks for, or undefined when it asks for none. A person
 * is one the knowledge knows (people.yaml, with aliases): a capital letter alone says too little.
 */
export function answerTypeTest(
  question: string,
  people: ReadonlyArray<{ name: string; aliases: ReadonlyArray<string> }>,
  /** For "how many X": whether a word of a text counts as X (its stem, a synonym, a near word). */
  countedThing?: CountedThing,
): ((text: string) => boolean) | undefined {
  const type = askedAnswerType(question);
  if (type === "date") return (text) => DATE.test(text);
  if (type === "number") {
    if (MONEY_ASKED.test(question)) return (text) => MONEY.test(text);
    const unit = UNITS.find(([asked]) => asked.test(question));
    if (unit) return (text) => unit[1].test(text);
    const thing = countedThing?.(question);
    if (!thing) return (text) => NUMBER.test(text);
    // "How many hours": a number of hours, not any number the passage gives.
    return (text) => {
      const words = text.split(/[\s,;:()]+/);
      return words.some(
        (word, i) =>
          COUNT.test(word) && words.slice(i + 1, i + 1 + COUNTED_WITHIN).some((next) => thing(next)),
      );
    };
  }
  if (type === undefined) return undefined;
  // The answer is someone the question does not name already: "which journalist did Putin tell"
  // is not answered by Putin.
  const asked = question.toLowerCase();
  const inQuestion = (name: string) => new RegExp(`\\b${escapeRegExp(name.toLowerCase())}\\b`).test(asked);
  const names = people
    .flatMap((person) => [person.name, ...person.aliases])
    .filter((name) => !inQuestion(name))
    .map(escapeRegExp);
  const person = names.length > 0 ? new RegExp(`\\b(${names.join("|")})\\b`, "i") : undefined;
  // Or someone it does not list, written as a name: two capitalised words ("Wendy Sherman"), the
  // first not a sentence's opening word, a month or a title ("In June", "The Kremlin", "United States").
  return (text) =>
    person?.test(text) === true ||
    [...text.matchAll(TWO_CAPITALISED)].some(
      ([, first = "", second = ""]) => !NOT_A_NAME.test(first) && !(inQuestion(first) && inQuestion(second)),
    );
}

type TextTest = (text: string) => boolean;

/** Words ending in s after "how many X" that are verbs, not what is counted ("how many troops does"). */
const NOT_COUNTED = /^(is|was|has|does|says|wants|thinks|its|this|thus|as|us|those|these|yes|less)$/i;

/** A question about how something turned out, later than what it names. */
const OUTCOME_ASKED =
  /\b(end(?:ed|s)? up|in the end|turn(?:ed|s)? out|outcome|c[oa]me out of|actually (?:happen(?:ed)?|hold|held|go|went|work(?:ed)?)|eventually|afterwards|since then)\b/i;
/** "What did X say / think / make of", "how did X react / respond" (X is in the match). */
const SPEECH_ASKED =
  /\b(?:what|how) (?:did|does|do|has|have|is|was) ([\p{L}' -]{2,40}?) (?:say|said|saying|think|thinks|respond|responded|react|reacted|claim|argue|tell|told|call|called|feel)\b/iu;
/** A sentence about what has not happened (yet): a plan, a hope, a forecast, a possibility or a condition. */
const NOT_YET =
  /\b(will|would|could|might|may|must|should|going to|set to|scheduled|planned|plans? to|expected to|hop(?:e|es|ing) to|wants? to|seeks? to|next week|upcoming|if|whether|fears?|threat(?:en)?s?)\b|\b\w+'ll\b/i;

/** "The name of the Russian ambassador to…", "who was Russia's rep at…", "which western journalist". */
const ROLE =
  /\b(?:name of (?:the|that|this|a|an)|who(?:'s|s| is| was| were) (?:the|\p{L}+'s)|which)\s+([\p{L}-]+)(?:\s+([\p{L}-]+))?/iu;
/** "Who led the US delegation": the deed stands for the role. */
const ROLE_DEED =
  /\bwho (led|leads|heads|headed|chairs|chaired|represents|represented|negotiated|signed|wrote)\b/i;
/** Words that end the role's noun phrase ("ambassador to the US", "rep at the OSCE"). */
const AFTER_ROLE = /^(to|at|in|of|for|from|on|who|that|which|was|is|were|did|does|quoted|it)$/i;

/** The role a "who" question asks the holder of: the last word of the phrase naming it. */
function roleAsked(question: string): string | undefined {
  const deed = ROLE_DEED.exec(question)?.[1];
  if (deed) return deed;
  const [, first, second] = ROLE.exec(question) ?? [];
  if (!first || AFTER_ROLE.test(first)) return undefined;
  return second && !AFTER_ROLE.test(second) ? second : first;
}

/** The kind of answer a question asks for, as tests of what a result must have to give it. */
export interface TypedAnswer {
  /** Whether a text gives the answer: the date, number or name, beside what the question names. */
  wants: TextTest;
  /** Whether a hit matched every named thing of the question (in any field, its bank included). */
  matchesNames(matchedTerms: ReadonlyArray<string>): boolean;
}

/**
 * What answers a question that asks for a date, a number or a name, read with its search: the
 * counted thing stands for its synonyms and for what the search corrected it to, and the answer must
 * sit beside what the question names. "What year did Montenegro join" is not answered by "joined
 * after 1997" one sentence before the list that names Montenegro, nor by a passage without it.
 */
export function typedAnswer(
  question: string,
  plan: QueryPlan,
  { analyzer, statistics }: Pick<SearchIndex, "analyzer" | "statistics">,
  knowledge: Pick<Corpus, "people" | "articles">,
  /** The best hits, whose matched terms show what a misspelt word was read as. */
  hits: ReadonlyArray<SearchHit>,
): TypedAnswer | undefined {
  const { people } = knowledge;
  const termsOf = (wordIndex: number) =>
    new Set(plan.terms.filter((term) => term.words.includes(wordIndex)).map((term) => term.term));
  const typed = answerTypeTest(question, people, (asked) => {
    // The thing counted is the noun: "how many NATO troops", "how many ex-Eastern Bloc countries";
    // and in "how many rounds of NATO growth", what they are rounds of ("five waves of NATO's…").
    const following = /\bhow many\s+(?:of\s+the\s+|more\s+)?((?:[\p{L}\p{N}'-]+\s*){1,5})/iu.exec(asked)?.[1];
    const words = following?.trim().split(/\s+/) ?? [];
    const noun = words.slice(0, 4).findIndex((word) => /s$/i.test(word) && !NOT_COUNTED.test(word));
    const counted = words[Math.max(0, noun)];
    const of = noun >= 0 && words[noun + 1]?.toLowerCase() === "of" ? words[noun + 2] : undefined;
    const standIns = new Set<string>();
    for (const [i, written] of [counted, of].entries()) {
      if (!written) continue;
      // What stands for the word in the search: its stem, synonyms and near words.
      const [word] = analyzer.words(written);
      const index = plan.words.findIndex((distinct) => distinct.stem === word?.stem);
      if (index < 0) {
        if (i === 0) return undefined;
        continue;
      }
      for (const term of termsOf(index)) standIns.add(term);
      // And what the search read a misspelt one as ("javelin" for "javlin").
      const stem = word?.stem ?? "";
      if (!statistics.known(stem))
        for (const hit of hits)
          for (const term of hit.matchedTerms) if (isPlausibleCorrection(stem, term)) standIns.add(term);
    }
    return (written) => analyzer.words(written).some((w) => standIns.has(w.stem));
  });
  // "How did the Vienna talks turn out": only a passage telling what happened answers, not one
  // saying what may, will or could.
  const outcome = OUTCOME_ASKED.exec(question)?.[0];
  // A date, number or name from a year after the articles were written is one they could not report:
  // "who won the 2024 election" is not answered by "in 2024, when Putin would be up for re-election".
  const written = Math.max(
    ...knowledge.articles.map((article) => Number(article.published?.slice(0, 4) ?? 0)),
  );
  const later = [...question.matchAll(/\b(?:19|20)\d\d\b/g)].some(([year]) => Number(year) > written);
  const named = plan.words.flatMap((word, index) => (word.named ? [termsOf(index)] : []));
  // "What did Sherman say about the missile ban": what someone named said on that subject, so the
  // subject is in the sentence that names them. Any sentence of the kind will do, but only there.
  const speech = named.length > 0 ? SPEECH_ASKED.exec(question) : null;
  const kind = typed ?? (speech ? () => true : undefined);
  const test: TextTest | undefined =
    outcome || (later && kind) ? (text) => !NOT_YET.test(text) && (kind?.(text) ?? true) : kind;
  if (!test) return undefined;
  // "Who was the Pentagon spokesman": the name must be the spokesman's, so the role is named too.
  const role = askedAnswerType(question) === "person" ? roleAsked(question) : undefined;
  const [roleWord] = role ? analyzer.words(role) : [];
  const roleIndex = plan.words.findIndex((word) => word.stem === roleWord?.stem);
  if (roleIndex >= 0 && !plan.words[roleIndex]?.named) named.push(termsOf(roleIndex));
  /** Whether a written term is one of a named thing's terms, or a likely spelling of a misspelt one. */
  const mentions = (terms: Set<string>, written: string) =>
    terms.has(written) ||
    [...terms].some((term) => !statistics.known(term) && isPlausibleCorrection(term, written));
  // The words asking for an outcome ("end up") are not what it is about.
  // Nor, in "what did Sherman say about…", are the speaker and the saying.
  const asking = new Set(analyzer.indexTerms(`${outcome ?? ""} ${speech?.[0] ?? ""}`));
  const questionTerms = new Set(plan.terms.map((term) => term.term).filter((term) => !asking.has(term)));
  const misspelt = [...questionTerms].filter((term) => !statistics.known(term));
  const wants: TextTest = (text) => {
    const sentences = splitSentences(text).map(({ start, end }) => {
      const sentence = text.slice(start, end);
      const terms = analyzer.indexTerms(sentence);
      return {
        sentence,
        related: terms.some(
          (term) =>
            questionTerms.has(term) || [...misspelt].some((typo) => isPlausibleCorrection(typo, term)),
        ),
        names: named.map((thing) => terms.some((term) => mentions(thing, term))),
      };
    });
    // A named thing the text never writes was matched through its passage's bank or aliases: it
    // cannot be beside anything (but what became of it is told only where it is written). Either
    // way, the answer is beside some word of the question.
    const written = named.map((_, i) => sentences.some(({ names }) => names[i]));
    // What someone said may run over the sentences of a quotation: anywhere in the excerpt will do.
    if (!typed && speech) return written.some(Boolean) && sentences.some(({ related }) => related);
    return sentences.some(
      ({ sentence, related, names }) =>
        test(sentence) && related && names.every((has, i) => has || (!written[i] && !outcome)),
    );
  };
  return {
    wants,
    matchesNames: (matchedTerms) =>
      named.every((thing) => matchedTerms.some((term) => mentions(thing, term))),
  };
}
