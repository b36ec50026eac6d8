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
    /\bwhat(?:'s|s| is| was)? (?:his|her|their|the) name\b|\bwhose name\b|\bwho(?:'s| is| was) the\b|\bwho (?:led|won|wrote|heads?|leads?|runs?|chairs?|chaired|represents?|represented|negotiated|signed)\b/i,
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
const NUMBER =
  /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|double|twice)\b/i;

/** "How much … cost", "how much money": an amount of money, not any number. */
const MONEY_ASKED = /\bhow much\b.*\b(cost|money|spend|spent|worth|pay|paid|dollars?|aid|funding)\b/i;
const MONEY = /\$\s?\d|\b(dollars|million|billion)\b/i;
/** Units a question may ask a figure in, and how a text gives a figure in each. */
const UNITS: ReadonlyArray<[asked: RegExp, given: RegExp]> = [
  [/\bper ?cent(age)?\b|%/i, /\d\s?%|\bper ?cent\b/i],
  [/\b(km|kilomet(er|re)s)\b/i, /\d\s?(km|kilomet(er|re)s)\b/i],
  [/\bmiles\b/i, /\d\s?miles\b/i],
];
/** Words between a number and what it counts ("100,000 Russian troops"). */
const COUNTED_WITHIN = 3;

/**
 * Reads "how many X" in a question and returns a test of whether a written word is X, or undefined
 * when the question names nothing countable (the test then wants any number).
 */
export type CountedThing = (question: string) => ((word: string) => boolean) | undefined;

const TWO_CAPITALISED = /\b(\p{Lu}\p{Ll}+) \p{Lu}\p{Ll}+/gu;
const NOT_A_NAME = new RegExp(
  `^(${MONTHS.replaceAll("\\.", "")}|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|A|An|The|In|On|At|As|By|For|From|To|Of|And|But|Or|If|When|While|After|Before|Since|During|Under|Over|With|Without|This|That|These|Those|It|He|She|We|They|His|Her|Their|Our|Its|Some|Many|Most|All|Both|Even|Yet|So|Still|Then|Now|Last|Next|What|Who|Why|How|Where|Western|Eastern|Northern|Southern|Central|Russian|American|Ukrainian|European|British|French|German|Chinese|Soviet)$`,
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
          NUMBER.test(word) && words.slice(i + 1, i + 1 + COUNTED_WITHIN).some((next) => thing(next)),
      );
    };
  }
  if (type === undefined) return undefined;
  const names = people.flatMap((person) => [person.name, ...person.aliases]).map(escapeRegExp);
  const person = new RegExp(`\\b(${names.join("|")})\\b`, "i");
  // Or someone it does not list, written as a name: two capitalised words ("Wendy Sherman"), the
  // first not a sentence's opening word or a month ("In June", "The Kremlin").
  return (text) =>
    person.test(text) ||
    [...text.matchAll(TWO_CAPITALISED)].some(([, first]) => !NOT_A_NAME.test(first ?? ""));
}

type TextTest = (text: string) => boolean;

/** `read`, remembering what it said of each text (for one question: the memory goes with it). */
function remembered<T>(read: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = read(text);
    known.set(text, value);
    return value;
  };
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
  people: ReadonlyArray<{ name: string; aliases: ReadonlyArray<string> }>,
  /** The best hits, whose matched terms show what a misspelt word was read as. */
  hits: ReadonlyArray<SearchHit>,
): TypedAnswer | undefined {
  const termsOf = (wordIndex: number) =>
    new Set(plan.terms.filter((term) => term.words.includes(wordIndex)).map((term) => term.term));
  const test = answerTypeTest(question, people, (asked) => {
    const counted = /\bhow many\s+(?:of\s+the\s+|more\s+)?([\p{L}'-]+)/iu.exec(asked)?.[1];
    if (!counted) return undefined;
    // What stands for the counted word in the search: its stem, synonyms and near words.
    const [word] = analyzer.words(counted);
    const index = plan.words.findIndex((distinct) => distinct.stem === word?.stem);
    if (index < 0) return undefined;
    const standIns = termsOf(index);
    // And what the search read a misspelt one as ("javelin" for "javlin").
    const stem = word?.stem ?? "";
    if (!statistics.known(stem))
      for (const hit of hits)
        for (const term of hit.matchedTerms) if (isPlausibleCorrection(stem, term)) standIns.add(term);
    return (written) => analyzer.words(written).some((w) => standIns.has(w.stem));
  });
  if (!test) return undefined;
  const named = plan.words.flatMap((word, index) => (word.named ? [termsOf(index)] : []));
  /** Whether a written term is one of a named thing's terms, or a likely spelling of a misspelt one. */
  const mentions = (terms: Set<string>, written: string) =>
    terms.has(written) ||
    [...terms].some((term) => !statistics.known(term) && isPlausibleCorrection(term, written));
  // The windows of one paragraph share sentences: each is read once per question.
  const namesIn = remembered((sentence) => {
    const terms = analyzer.indexTerms(sentence);
    return named.map((thing) => terms.some((term) => mentions(thing, term)));
  });
  const gives = remembered(test);
  const wants: TextTest =
    named.length === 0
      ? gives
      : (text) => {
          const sentences = splitSentences(text).map(({ start, end }) => {
            const sentence = text.slice(start, end);
            return { sentence, names: namesIn(sentence) };
          });
          // A named thing the text never writes was matched through its passage's bank or aliases:
          // it cannot be beside anything.
          const written = named.map((_, i) => sentences.some(({ names }) => names[i]));
          return sentences.some(
            ({ sentence, names }) => gives(sentence) && names.every((has, i) => has || !written[i]),
          );
        };
  return {
    wants,
    matchesNames: (matchedTerms) =>
      named.every((thing) => matchedTerms.some((term) => mentions(thing, term))),
  };
}
