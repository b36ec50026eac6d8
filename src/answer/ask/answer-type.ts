import { isPlausibleCorrection } from "../../search/typos.ts";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../../text/partial-date.ts";
import type { Highlight } from "../answer.ts";

/**
 * What kind of answer a question asks for, when it says: "when" wants a date, "how long" a while,
 * "how many" a number, "who" a person. A passage with the question's words but no date, while,
 * number or name does not answer it, however well it matches: that is the commonest confident wrong
 * answer.
 */
export type AnswerType = "date" | "duration" | "number" | "person";

/**
 * "When" asking for a time: near the start, before a verb ("when did", "when is"), beside "and"
 * ("where and when"), or at the end ("until when?"). Not "what is NATO's answer when Russia says…".
 */
const WHEN_ASKED =
  /^\W*(?:\S+\s+){0,2}when\b|\bwhen(?:'s|\s+(?:did|was|were|is|are|will|would|does|do|has|have|had|could|can|should|r|and)\b)|\band\s+when\b|\bwhen\W*$/i;

/**
 * Not the name of a thing ("what's the name of the peace deal from 2015", "…of that playbook"): a deal,
 * a doctrine or a group has a name, but not a person's. (A ship's name is still asked as one: the
 * articles name none, and a card with other names in it is no answer.)
 */
const NOT_OF_A_THING = String.raw`(?!(?:\s+(?:of|for))?(?:\s+(?:the|that|this|those|these|a|an))?(?:\s+[\p{L}\d-]+){0,2}?\s+(?:deal|deals|agreements?|accords?|treat(?:y|ies)|doctrine|playbook|polic(?:y|ies)|plan|strategy|programm?e?|summit|council|group|organi[sz]ation|alliance|institute|think tank|region|republics?)\b)`;

const ASKS: ReadonlyArray<[AnswerType, RegExp]> = [
  ["date", WHEN_ASKED],
  [
    "date",
    /\b(what (exact )?(year|date|month|day)|which (year|month|day)|since when|how long ago|exact (date|day)|date of)\b/i,
  ],
  // "How long did the West get to reply": a while ("just a month"), not a date; nor is "how long ago".
  ["duration", /\bhow long\b(?!\s+ago\b)|\bhow much time\b/i],
  // Not "how much time": a while, as "how long" asks; nor how much someone cares or
  // has at stake ("how much the US cares"): a judgement, not a figure.
  [
    "number",
    /\bhow (many|much(?!\s+time\b)(?!(?:\s+\S+){0,3}?\s+(?:cares?|cared|matters?|mattered|at stake)\b)|big|large|far)\b|\bwhat (number|percentage|share)\b/i,
  ],
  // A unit named in the question asks for a figure in it ("what's the range in km").
  ["number", /\b(percent|percentage|km|kilomet(er|re)s|miles)\b|%/i],
  // "Who" alone often asks for a country or an alliance; these ask for someone. Not "who's the
  // source": often an agency ("according to U.S. intelligence services") or someone unnamed.
  [
    "person",
    new RegExp(
      [
        String.raw`\bwhat(?:'s|s| is| was| are| were)? (?:his|her|their|the) names?\b${NOT_OF_A_THING}`,
        String.raw`\bwhose name\b`,
        String.raw`\bby name\b`,
        String.raw`\b(?:does|do|did) (?:it|he|she|they|the \p{L}+|\p{L}+) (?:ever )?name (?:them|him|her|any|anyone|names)\b`,
        String.raw`\bnames? of (?:the|that|this|those|these|a|an)\b${NOT_OF_A_THING}`,
        String.raw`\b(?:any|their|the) names\b`,
        String.raw`\b(?:actually |officially )?called\b\s*\??\s*$`,
        String.raw`\bwhat(?:'s|s| is| are| was| were) (?:it|they|those|these|that|this) (?:actually |officially )?called\b`,
        String.raw`\bwho(?:'s|s| is| was) (?:the|\p{L}+'s)\s(?!sources?\b)`,
        String.raw`\bwhich (?:\p{L}+ )?(?:journalist|reporter|official|diplomat|envoy|negotiator|ambassador|minister|spokes(?:man|woman|person)|general|analyst)\b`,
        String.raw`\bwho (?:led|won|wrote|heads?|headed|leads?|runs?|ran|chairs?|chaired|represents?|represented|negotiated|signed)\b`,
      ].join("|"),
      "iu",
    ),
  ],
];

/** The question last read, with its kind of answer: one answer reads it three times, and the patterns are slow. */
let lastRead: { question: string; type: AnswerType | undefined } | undefined;

export function askedAnswerType(question: string): AnswerType | undefined {
  if (lastRead?.question !== question) {
    const asked = question.replace(WHEN_CLAUSE, "");
    lastRead = { question, type: ASKS.find(([, pattern]) => pattern.test(asked))?.[0] };
  }
  return lastRead.type;
}

/**
 * A clause opening with "when" before the question it sets up ("When Trenin says the old setup left
 * Russia 'as a rule-taker,' what does he mean?"): the question follows it.
 */
const WHEN_CLAUSE =
  /^\W*when\s+(?!(?:did|was|were|is|are|will|would|does|do|has|have|had|could|can|should|r|and)\b)[^,?]*,\W*(?=(?:what|why|how|who|whom|which|whose|where|is|are|does|do|did|was|were)\b)/iu;

/**
 * "Which obligations specifically", "can someone list them": a member asking for the particulars of
 * something the articles name without giving (the reforms, the sanctions, the five waves). Such a
 * question is answered only by a passage covering nearly all of it, not half.
 */
const PARTICULARS_ASKED =
  /\b(specifically|(?:which|what) specific|list (them|the|all)|can (someone|anyone|u|you) list|which ones|in detail|the details)\b/i;

/**
 * The article's words a question quotes ('all the prior sanctions', "five waves of nato eastward
 * expansion") while it asks for what they leave out: "which sanctions… can someone list them",
 * "what are the five waves, which years", "what requirements exactly". Three words at least: a
 * member quoting "get lost" asks about the quotation itself.
 */
const QUOTED = /(?:^|[\s(])['"“‘]([^'"“”‘’]+?)['"”’](?=[\s,.?!:;)-]|$)/g;
const BEYOND_ASKED =
  /\b(?:specifically|who (?:was|is) (?:that|it|he|she) exactly|(?:which|what) \w+ exactly|list (?:them|the|all|any)|can (?:someone|anyone|u|you) list|which (?:ones|years|countries|sanctions|activities|treaties|reforms)|who joined|what were the|does (?:he|she|it|they|the \w+) (?:list|name|define|say which)|actually called|whats? in them)\b/i;

export function quotedAndAskedBeyond(question: string): string[] {
  return BEYOND_ASKED.test(question) ? quotedWords(question) : [];
}

/** The article's words a question quotes, three words or more (see QUOTED). */
export function quotedWords(question: string): string[] {
  return Array.from(question.matchAll(QUOTED), ([, quoted = ""]) => quoted.trim()).filter(
    (quoted) => quoted.split(/\s+/).length >= 3,
  );
}

/** "Why is Ukraine such a big deal for Putin specifically" asks for a reason, not for particulars. */
export function asksForParticulars(question: string): boolean {
  return PARTICULARS_ASKED.test(question) && !/\bwhy\b/i.test(question);
}

const WEEKDAYS = WEEKDAY_NAMES.join("|");
const MONTHS = `${MONTH_NAMES.join("|")}|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.`;
/**
 * A date, or a time as the articles give one: "last year", "years later", a named period ("during
 * the Trump administration" answers when the US began sending Ukraine defensive weapons), or
 * "immediately" (when Ryabkov wanted talks to begin).
 */
const DATE = new RegExp(
  `\\bduring (?:the )?[A-Z][\\w-]+|\\b(1[89]\\d\\d|20\\d\\d)s?\\b|\\b(${MONTHS})|\\b(${WEEKDAYS})\\b|\\b(last|next|this) (year|month|week|spring|summer|fall|autumn|winter)\\b|\\b(years?|decades?|months?|weeks?|days?) (ago|later|earlier|before)\\b|\\b(immediately|without delays?|right away|at once)\\b`,
);
const NUMBER_WORDS =
  "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|billions|dozen|dozens|half|double|twice";
const NUMBER = new RegExp(`\\d|\\b(${NUMBER_WORDS})\\b`, "i");

/** "How much … cost", "how big was the aid package", "in euros": an amount of money, not any number. */
const MONEY_ASKED =
  /\bhow (?:much|big|large)\b.*\b(cost|money|spend|spent|worth|pay|paid|dollars?|euros?|aid|funding|package)\b/i;
const MONEY = /[$€£]\s?\d|\b(dollars|euros|million|billion)\b/i;
/** Units a question may ask a figure in, and how a text gives a figure in each. */
const UNITS: ReadonlyArray<[asked: RegExp, given: RegExp]> = [
  [/\bper ?cent(age)?\b|%/i, /\d\s?%|\bper ?cent\b/i],
  // A distance asked in one unit is answered in the other: "how close did the bomber get in km" by
  // "within 13 miles".
  [/\b(km|kilomet(er|re)s|miles|how far)\b/i, /\d\s?(miles|km|kilomet(er|re)s)\b/i],
];
/** A figure written in digits, maybe in thousands ("100,000", "100k", "13"). */
const FIGURE = /\d[\d,.]*(?:\s?k\b)?/gi;
/** The value of a figure: "100,000" and "100k" are both 100000; NaN for what is not one. */
function figureValue(figure: string): number {
  const thousands = /k$/i.test(figure.trim());
  const value = Number(figure.replace(/[^\d.]/g, "").replace(/\.$/, ""));
  return thousands ? value * 1000 : value;
}
function figuresIn(question: string): Set<number> {
  return new Set(Array.from(question.matchAll(FIGURE), ([figure]) => figureValue(figure)));
}
/** A word that is a count: "180", "100,000", "five"; not a name with digits ("Mi-17"). */
const COUNT = new RegExp(`^([$€£~]?\\d[\\d.,]*|${NUMBER_WORDS})$`, "i");
/**
 * Words from a number to what it counts ("100,000 Russian troops"; "four waves of NATO enlargement"
 * answers how many enlargements). At 4 rather than 3: on the tuned sets one answerable question
 * fewer flagged wrongly, nothing else changed.
 */
const COUNTED_WITHIN = 4;

/** A text's words, split at spaces, not commas ("100,000" is one figure), without the stop after them. */
function wordsOf(text: string): string[] {
  return text
    .split(/[\s;:()]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.replace(/[,.]+$/, ""));
}

/**
 * Whether a figure counts the thing asked for: it is written within a few words after the figure,
 * or, for a verb ("has killed some 15,000"), before it.
 */
function counts(
  thing: NonNullable<ReturnType<CountedThing>>,
  after: readonly string[],
  before: readonly string[],
): boolean {
  return (
    after.slice(0, COUNTED_WITHIN).some(thing.isCounted) ||
    (thing.verb && before.slice(-COUNTED_WITHIN).some(thing.isCounted))
  );
}

/**
 * Reads "how many X" in a question and returns a test of whether a written word is X, or undefined
 * when the question names nothing countable (the test then wants any number). A verb counted
 * ("how many died") is written before the number as often as after it: "has killed some 15,000 people".
 */
export type CountedThing = (
  question: string,
) => { isCounted: (word: string) => boolean; verb: boolean } | undefined;

/** Two capitalised words; the second is looked ahead at, so "Secretary of State Wendy Sherman" yields every pair. */
const TWO_CAPITALISED = /\b(\p{Lu}\p{Ll}+) (?=(\p{Lu}\p{Ll}+))/gu;
const NOT_A_NAME = new RegExp(
  `^(${MONTHS.replaceAll("\\.", "")}|${WEEKDAYS}|A|An|The|In|On|At|As|By|For|From|To|Of|And|But|Or|If|When|While|After|Before|Since|During|Under|Over|With|Without|This|That|These|Those|It|He|She|We|They|His|Her|Their|Our|Its|Some|Many|Most|All|Both|Even|Yet|So|Still|Then|Now|Last|Next|What|Who|Why|How|Where|Western|Eastern|Northern|Southern|Central|Russian|American|Ukrainian|European|British|French|German|Chinese|Soviet|United|North|South|New|White|Foreign|Security|Deputy|Secretary|State|Defense|Prime)$`,
);

/** "Vienna Thursday", "Geneva in January": a place and a time, not a name. */
const WHEN = new RegExp(`^(${MONTHS.replaceAll("\\.", "")}|${WEEKDAYS})$`);
/** The months and weekdays, written out: what a question may name as when something was. */
export const WHEN_NAMES = [...MONTH_NAMES, ...WEEKDAY_NAMES].join(" ");

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** "What date", "the exact date", "which day": a day, not a month or a year. */
const DAY_ASKED = /\b(?:exact|what|which) (?:date|day)\b|\bdate of\b|\bon what day\b|\bwhen exactly\b/i;
/** "Which month": a month, not the year alone. */
const MONTH_ASKED = /\b(?:what|which) month\b/i;
const MONTH = new RegExp(`\\b(?:${MONTHS})`);
const DAY = new RegExp(
  `\\b(?:${MONTHS})\\s+\\d{1,2}\\b|\\b\\d{1,2}\\s+(?:${MONTHS})|\\b(?:${WEEKDAYS}|yesterday|today)\\b`,
);

const isWordCharacter = (code: number) =>
  (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95;

/**
 * Whether `text` has `phrase` between word boundaries, as /\bphrase\b/ finds it: without building
 * and compiling a regular expression for each of the many names an answer's excerpts are read for.
 */
export function hasBetweenBoundaries(text: string, phrase: string): boolean {
  if (phrase.length === 0) return false;
  const boundaryAt = (at: number) =>
    (at > 0 && isWordCharacter(text.charCodeAt(at - 1))) !==
    (at < text.length && isWordCharacter(text.charCodeAt(at)));
  for (let at = text.indexOf(phrase); at >= 0; at = text.indexOf(phrase, at + 1))
    if (boundaryAt(at) && boundaryAt(at + phrase.length)) return true;
  return false;
}

/** The names a text writes, whoever asks: what a question's test of a person reads of it. */
interface NamesWritten {
  /** Each name or alias of the knowledge's people it writes, as written and where (one inside another too). */
  listed: ReadonlyArray<{ name: string; start: number }>;
  /**
   * Two capitalised words that may be a name ("Wendy Sherman"): the first not a sentence's opening
   * word, a month or a title ("In June", "The Kremlin", "United States"), the second not a time.
   */
  pairs: ReadonlyArray<readonly [string, string]>;
}

/** Texts whose names are remembered, per knowledge: its sentences, read for every person asked for. */
const NAMES_REMEMBERED = 20_000;

/**
 * Every name and alias of the knowledge's people as one pattern compiled once (one of only those a
 * question does not name, compiled for each question, took milliseconds each time), and the names
 * each text read writes: the answer to every "who" question reads the same sentences with it again,
 * and a pattern of some hundred names is slow to run.
 */
const namesOfPeople = new WeakMap<object, (text: string) => NamesWritten>();
function namesReader(
  people: ReadonlyArray<{ name: string; aliases: ReadonlyArray<string> }>,
): (text: string) => NamesWritten {
  let reader = namesOfPeople.get(people);
  if (reader === undefined) {
    const names = people.flatMap((person) => [person.name, ...person.aliases]).map(escapeRegExp);
    const pattern = new RegExp(`\\b(${names.join("|")})\\b`, "gi");
    const remembered = new Map<string, NamesWritten>();
    reader = (text) => {
      const known = remembered.get(text);
      if (known) return known;
      const listed: Array<{ name: string; start: number }> = [];
      pattern.lastIndex = 0;
      for (let found = pattern.exec(text); found !== null; found = pattern.exec(text)) {
        listed.push({ name: found[1] ?? "", start: found.index });
        pattern.lastIndex = found.index + 1;
      }
      const pairs = Array.from(
        text.matchAll(TWO_CAPITALISED),
        ([, first = "", second = ""]) => [first, second] as const,
      ).filter(([first, second]) => !NOT_A_NAME.test(first) && !WHEN.test(second));
      if (remembered.size >= NAMES_REMEMBERED) remembered.clear();
      const written = { listed, pairs };
      remembered.set(text, written);
      return written;
    };
    namesOfPeople.set(people, reader);
  }
  return reader;
}

type People = ReadonlyArray<{ name: string; aliases: ReadonlyArray<string> }>;

/**
 * Every full name of the people, as one pattern, with the surname each is also written as alone;
 * and the given names, each followed by any word, with the surnames written after them.
 */
const fullNamesOf = new WeakMap<
  object,
  { pattern: RegExp; surnames: Map<string, string>; given: RegExp; surnamesAfter: Map<string, string[]> }
>();

/**
 * The words of a question's full names that come before the one word the articles also name that
 * person by ("Jake" of "what did Jake Sullivan say"): a passage writing "Sullivan said" names him,
 * and a first name it does not write is no second name it misses. So too before a misspelt surname
 * ("Jake Sulivan"), as the search corrects it.
 */
export function givenNames(question: string, people: People): string {
  let known = fullNamesOf.get(people);
  if (known === undefined) {
    const surnames = new Map<string, string>();
    const surnamesAfter = new Map<string, string[]>();
    for (const person of people) {
      const names = [person.name, ...person.aliases];
      const alone = new Set(names.filter((name) => !/\s/.test(name)).map((name) => name.toLowerCase()));
      for (const name of names) {
        const last = name.split(/\s+/).at(-1) ?? "";
        if (!/\s/.test(name) || !alone.has(last.toLowerCase())) continue;
        surnames.set(name.toLowerCase(), last);
        const given = name
          .slice(0, name.length - last.length)
          .trim()
          .toLowerCase();
        surnamesAfter.set(given, [...(surnamesAfter.get(given) ?? []), last.toLowerCase()]);
      }
    }
    const alternatives = (keys: Iterable<string>) =>
      [...keys]
        .sort((a, b) => b.length - a.length)
        .map(escapeRegExp)
        .join("|");
    known = {
      pattern: new RegExp(`\\b(?:${alternatives(surnames.keys())})\\b`, "gi"),
      surnames,
      given: new RegExp(`\\b(${alternatives(surnamesAfter.keys())})\\s+(\\p{L}+)\\b`, "giu"),
      surnamesAfter,
    };
    fullNamesOf.set(people, known);
  }
  const { pattern, surnames, given, surnamesAfter } = known;
  if (surnames.size === 0) return "";
  const written = Array.from(question.matchAll(pattern), ([name]) => {
    const surname = surnames.get(name.toLowerCase()) ?? "";
    return name.slice(0, name.length - surname.length);
  });
  const misspelt = Array.from(question.matchAll(given), ([, first = "", last = ""]) =>
    (surnamesAfter.get(first.toLowerCase()) ?? []).some((surname) =>
      isPlausibleCorrection(last.toLowerCase(), surname, true),
    )
      ? first
      : "",
  );
  return [...written, ...misspelt].join(" ");
}

/**
 * The end of a word, as `\b` after a letter or digit. Written as a lookahead, the patterns below
 * compile to a third to a half of the code: V8 drops a pattern's code two collections after its last
 * use and compiles it again at the next, so the rarely asked-for kinds (a while, a figure) paid that
 * compilation in the answer (the pattern of a while, once about a millisecond).
 */
const WORD_END = "(?![A-Za-z0-9_])";
/** A date as a card shows it in bold: a month with its day and year, a year, a weekday. */
const DATE_SHOWN = new RegExp(
  `\\b(?:${MONTHS})(?:\\s+\\d{1,2}${WORD_END})?(?:,?\\s+(?:1[89]|20)\\d\\d${WORD_END})?|\\b(?:1[89]|20)\\d\\ds?${WORD_END}|\\b(?:${WEEKDAYS})${WORD_END}`,
  "g",
);
/**
 * A while, as the articles write one: "just a month", "in five minutes", "for the last couple of
 * years", "in the next decade", "since 2014", "since he took office", "has long chafed", "dating back
 * decades", "year after year", "an eight-year war". Global, for the bold; `lastIndex` is reset
 * wherever it is only tested.
 */
const UNITS_OF_TIME = "(?:second|minute|hour|day|night|week|month|year|decade)s?|centur(?:y|ies)";
const DURATION_SHOWN = new RegExp(
  [
    `\\b(?:\\d[\\d,.]*|${NUMBER_WORDS.replace(/^one\|/, "")}|several|few|many|some|a couple of)\\s+(?:(?:more|full)\\s+)?(?:${UNITS_OF_TIME})${WORD_END}`,
    // Not "a day" nor "one day": "to one day admit Ukraine", "envisions a day … when".
    `\\b(?:a|an|one)\\s+(?:full\\s+)?(?:second|minute|hour|week|month|year|decade|century)${WORD_END}`,
    `\\b(?:for|within|in|over|after|during)\\s+(?:(?:the|its)\\s+)?(?:(?:past|last|next|coming|recent)\\s+)?(?:(?:couple of|few)\\s+)?(?:${UNITS_OF_TIME})${WORD_END}`,
    `\\bsince\\s+(?:(?:(?:${MONTHS})\\s+)?(?:1[89]|20)\\d\\d|the|he|she|they|it|then)${WORD_END}`,
    `\\b(?:has|have|had)\\s+long${WORD_END}|\\b(?:back|over)\\s+(?:decades|years|centuries)${WORD_END}|\\byear after year${WORD_END}`,
    `\\b\\w+-(?:year|month|week|day|hour|minute)(?:-long|-old)?${WORD_END}|\\b(?:years?|decades?|months?|weeks?)-long${WORD_END}`,
  ].join("|"),
  "gi",
);
/** A figure as a card shows it in bold: "some 100,000", "$450 million", "58%", "four" (not "one"). */
const FIGURE_SHOWN = new RegExp(
  `[$€£]?\\d(?:[\\d,.]*\\d)?(?:\\s?%|\\s(?:million|billion)${WORD_END}|k${WORD_END})?|\\b(?:${NUMBER_WORDS.replace(/^one\|/, "")})${WORD_END}`,
  "gi",
);

/**
 * Where a text gives what a question asks for, to show in bold: for a date its dates, for a number
 * its figures (not one the question gives), for someone the names of people the question does not
 * name; undefined for any other question. Only for showing: whether a text answers is answerTypeTest's.
 */
export function askedForIn(
  question: string,
  people: ReadonlyArray<{ name: string; aliases: ReadonlyArray<string> }>,
  /** For "how many X": only the figures counting X ("180" of "180 Javelin missiles"), as answerTypeTest reads them. */
  countedThing?: CountedThing,
): ((text: string) => Highlight[]) | undefined {
  const type = askedAnswerType(question);
  const spans = (text: string, pattern: RegExp) =>
    Array.from(text.matchAll(pattern), (found) => ({
      start: found.index,
      end: found.index + found[0].length,
    }));
  if (type === "date") return (text) => spans(text, DATE_SHOWN);
  if (type === "duration") return (text) => spans(text, DURATION_SHOWN);
  if (type === "number") {
    const given = figuresIn(question);
    const thing = MONEY_ASKED.test(question) ? undefined : countedThing?.(question);
    return (text) =>
      spans(text, FIGURE_SHOWN).filter(
        ({ start, end }) =>
          !given.has(figureValue(text.slice(start, end))) &&
          (thing === undefined || counts(thing, wordsOf(text.slice(end)), wordsOf(text.slice(0, start)))),
      );
  }
  if (type !== "person") return undefined;
  const asked = question.toLowerCase();
  // Not the names of someone the question names by one of them (not by a description the knowledge
  // also knows them by: "the pentagon spokesman" asks for Anton T. Semelroth's name).
  const named = new Set(
    people
      .map((person) => [person.name, ...person.aliases])
      .filter((names) =>
        names.some((name) => properName(name) && hasBetweenBoundaries(asked, name.toLowerCase())),
      )
      .flat()
      .map((name) => name.toLowerCase()),
  );
  const namesIn = namesReader(people);
  // Proper names: not a description the knowledge knows someone by ("a senior Biden official").
  return (text) =>
    namesIn(text)
      .listed.filter(({ name }) => properName(name) && !named.has(name.toLowerCase()))
      .map(({ name, start }) => ({ start, end: start + name.length }))
      // A surname inside the full name found before it is that name again.
      .filter(
        (span, i, found) =>
          !found.some((other, j) => j < i && other.start <= span.start && other.end >= span.end),
      );
}

/** A name, not a description ("a senior Biden official"): each word a capital's. */
function properName(name: string): boolean {
  return name.split(/\s+/).every((word) => /^\p{Lu}/u.test(word));
}

/** "What's the name of…", "any names?", "what is it called": a name, not who. */
const NAME_ASKED = /\bnames?\b|\bcalled\b/i;

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
  if (type === "date") {
    const date = DAY_ASKED.test(question) ? DAY : MONTH_ASKED.test(question) ? MONTH : DATE;
    return (text) => date.test(text);
  }
  if (type === "duration")
    return (text) => {
      DURATION_SHOWN.lastIndex = 0;
      return DURATION_SHOWN.test(text);
    };
  if (type === "number") {
    if (MONEY_ASKED.test(question)) return (text) => MONEY.test(text);
    const unit = UNITS.find(([asked]) => asked.test(question));
    if (unit) return (text) => unit[1].test(text);
    // "How many troops does Ukraine have vs Russia's 100k": not answered by the 100,000 it gives.
    const given = figuresIn(question);
    const thing = countedThing?.(question);
    if (!thing)
      return (text) =>
        NUMBER.test(text.replace(FIGURE, (figure) => (given.has(figureValue(figure)) ? "" : figure)));
    // "How many hours": a number of hours, not any number the passage gives.
    return (text) => {
      const words = wordsOf(text);
      return words.some(
        (word, i) =>
          COUNT.test(word) &&
          !given.has(figureValue(word)) &&
          counts(thing, words.slice(i + 1), words.slice(0, i)),
      );
    };
  }
  if (type === undefined) return undefined;
  // The answer is someone the question does not name already: "which journalist did Putin tell"
  // is not answered by Putin.
  const asked = question.toLowerCase();
  const inQuestion = (name: string) => hasBetweenBoundaries(asked, name.toLowerCase());
  // Nor by the full name of someone it names by one of theirs ("the one Lavrov wrote to": not Sergei Lavrov).
  const named = new Set(
    people
      .map((person) => [person.name, ...person.aliases])
      .filter((allNames) => allNames.some(inQuestion))
      .flat()
      .map((name) => name.toLowerCase()),
  );
  const namesIn = namesReader(people);
  // Asked for a name, someone the knowledge knows only by a description ("a senior Biden
  // administration official") is no answer: the description is what the member has already.
  const nameAsked = NAME_ASKED.test(question);
  // Nor is anything else, when the one whose name is asked is known by descriptions only ("what's
  // the name of the senior Biden administration official the Post quotes?"): no article gives it.
  const unnamedAsked =
    nameAsked &&
    people.some((person) => {
      const allNames = [person.name, ...person.aliases];
      return !allNames.some(properName) && allNames.some(inQuestion);
    });
  if (unnamedAsked) return () => false;
  // Someone the knowledge lists whom the question does not name, or someone it does not list,
  // written as a name.
  return (text) => {
    const { listed, pairs } = namesIn(text);
    return (
      listed.some(
        ({ name }) => !named.has(name.toLowerCase()) && !(nameAsked && /(?:^|\s)\p{Ll}/u.test(name)),
      ) || pairs.some(([first, second]) => !inQuestion(first) && !inQuestion(second))
    );
  };
}
