/**
 * What kind of answer a question asks for, when it says: "when" wants a date, "how many" a number,
 * "who" a person. A passage with the question's words but no date, number or name does not answer
 * it, however well it matches: that is the commonest confident wrong answer.
 */
export type AnswerType = "date" | "number" | "person";

const ASKS: ReadonlyArray<[AnswerType, RegExp]> = [
  ["date", /\b(when|what (year|date|month|day)|which (year|month|day)|since when|how long ago)\b/i],
  ["number", /\bhow (many|much)\b|\bwhat (number|percentage|share)\b/i],
  ["person", /\b(who|whom|whose)\b|\bwhat(?:'s| is| was)? (?:his|her|their|the) name\b|\bnamed?\b/i],
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
/** A capitalised word past the start of a sentence, other than a month or a day: most often a name. */
const PERSON = /(?<![.!?]\s|^|["“‘(]\s?)\b\p{Lu}\p{Ll}+(?:[\s-]\p{Lu}[\p{Ll}.]*)*/u;

/** Whether a piece of text can answer a question asking for `type`. */
export function hasAnswerType(text: string, type: AnswerType): boolean {
  if (type === "date") return DATE.test(text);
  if (type === "number") return NUMBER.test(text);
  return PERSON.test(text);
}
