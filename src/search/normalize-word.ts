import { foldText } from "../text/fold.ts";

/**
 * News style abbreviates months ("Jan. 10"); members write them out. ("May" is never shortened.)
 * A Map, because the key is whatever a member typed: a plain object would answer "constructor".
 */
const MONTHS: ReadonlyMap<string, string> = new Map([
  ["jan", "january"],
  ["feb", "february"],
  ["mar", "march"],
  ["apr", "april"],
  ["jun", "june"],
  ["jul", "july"],
  ["aug", "august"],
  ["sep", "september"],
  ["sept", "september"],
  ["oct", "october"],
  ["nov", "november"],
  ["dec", "december"],
]);

/** Chat shorthand for the word the articles would use ("ppl", "govt", "rn" for "right now"). */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ["ppl", "people"],
  ["govt", "government"],
  ["gov", "government"],
  ["prez", "president"],
  ["admin", "administration"],
  ["dept", "department"],
  ["spox", "spokesman"],
  ["vid", "video"],
  ["helis", "helicopters"],
  ["wk", "week"],
  ["wks", "weeks"],
  ["xmas", "christmas"],
  ["journo", "journalist"],
  ["journos", "journalists"],
  // "Ukraine's FM": the articles' "Foreign Minister Dmytro Kuleba" (a synonym of the phrase took
  // "foreign minister" questions to Lavrov's and Steinmeier's paragraphs).
  ["fm", "minister"],
  ["abt", "about"],
  ["bout", "about"],
  ["wat", "what"],
  ["wut", "what"],
  ["wot", "what"],
  ["wht", "what"],
  ["wen", "when"],
  ["whn", "when"],
  ["dat", "that"],
  ["dis", "this"],
  ["da", "the"],
  ["nd", "and"],
  ["smth", "something"],
  ["yall", "you"],
  ["bc", "because"],
  ["cuz", "because"],
  ["coz", "because"],
  ["cos", "because"],
  ["u", "you"],
  ["ur", "your"],
  ["rn", "now"],
  ["tho", "though"],
  ["thru", "through"],
  ["r", "are"],
  ["w", "with"],
  ["y", "why"],
  ["b4", "before"],
  ["yr", "year"],
  ["yrs", "years"],
  ["diff", "different"],
  ["rly", "really"],
  ["prolly", "probably"],
  ["wanna", "want"],
  ["any1", "anyone"],
  ["some1", "someone"],
  ["ukr", "ukraine"],
  ["ukrn", "ukrainian"],
  ["rus", "russia"],
  ["ru", "russia"],
  ["natos", "nato"],
]);

/** The articles write one to nine in words ("five waves", "second"); members type the digit. */
const DIGITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const ORDINALS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"];

/**
 * One written word → the folded form compared against stop words and fed to the stemmer:
 * "U.S." → "usa", "100,000" → "100000", "Russia’s" → "russia", "doesn't" → "doesnt", "Jan" → "january",
 * "ppl" → "people".
 * Returns "" when nothing searchable is left.
 */
export function normalizeWord(raw: string): string {
  // A word of plain ASCII letters is only lowercased and spelled out: no other rule applies to it,
  // and trying each rule's pattern on the knowledge's thousands of words slowed start-up.
  if (PLAIN_LETTERS.test(raw)) return asSpelledOut(raw.toLowerCase());
  let word = foldText(raw);
  if (/^\p{L}(?:\.\p{L})+\.?$/u.test(word)) return asCountry(word.replace(/\./g, ""));
  if (/^[1-9]$/.test(word)) return DIGITS[Number(word) - 1] as string;
  // "#1" is the main one (a synonym of "number one"), "#2" the second.
  if (word === "#1") return "main";
  if (/^#[2-9]$/.test(word)) return ORDINALS[Number(word[1]) - 1] as string;
  if (/^[1-9](st|nd|rd|th)$/.test(word)) return ORDINALS[Number(word[0]) - 1] as string;
  if (/^\p{N}/u.test(word)) return word.replace(/,/g, "");
  // Possessives name the same thing as the bare word; other apostrophes are just dropped.
  word = word.replace(/'s$/, "").replace(/'/g, "");
  return asSpelledOut(word);
}

const PLAIN_LETTERS = /^[A-Za-z]+$/;

/** A month or chat shorthand written out, and "us" read as the country. */
function asSpelledOut(word: string): string {
  return asCountry(MONTHS.get(word) ?? SHORTHAND.get(word) ?? word);
}

/**
 * "U.S.", "US" and "us" all become "usa": members type "us" for the country far more often than the
 * articles use the pronoun, and "us" itself would collide with the Porter stem of "use" and "used".
 */
function asCountry(word: string): string {
  return word === "us" ? "usa" : word;
}

/**
 * British spellings and the American ones the articles use: "characterise", "organisation",
 * "defence", "behaviour", "centre", "travelled", "analyse", "programme". Each rewrite needs three
 * letters before it, so "four" is not "for".
 */
const BRITISH_ENDINGS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(\p{L}{3,})is(e|ed|es|ing|ation|ations)$/u, "$1iz$2"],
  [/^(\p{L}{3,})ys(e|ed|es|ing)$/u, "$1yz$2"],
  [/^(\p{L}{3,})our(s|ed|ing|able)?$/u, "$1or$2"],
  [/^(\p{L}{2,}[^aeiou])re(s)?$/u, "$1er$2"],
  [/^(\p{L}{3,})ence(s)?$/u, "$1ense$2"],
  [/^(\p{L}{2,}[aeiou])ll(ed|ing|er|ers)$/u, "$1l$2"],
  [/^(\p{L}{3,}m)me(s)?$/u, "$1$2"],
  // And the other way: a word spelt -ise on both sides of the Atlantic, written -ize ("compromize").
  [/^(\p{L}{3,})iz(e|ed|es|ing)$/u, "$1is$2"],
];
const BRITISH_SHAPE =
  /(?:is|ys|iz)(?:e|ed|es|ing|ation|ations)$|our(?:s|ed|ing|able)?$|res?$|ences?$|ll(?:ed|ing|ers?)$|mmes?$/;

/**
 * A normalized word as American English spells it, when that is the commoner spelling by `rank`
 * (the word vectors' frequency rank, lower is commoner): a rewrite that makes no commoner word
 * ("promise", "exercise", "presence", "called") is no British spelling.
 */
export function americanSpelling(rank: (word: string) => number | undefined): (word: string) => string {
  return (word) => {
    if (!BRITISH_SHAPE.test(word)) return word;
    const own = rank(word) ?? Number.POSITIVE_INFINITY;
    for (const [ending, american] of BRITISH_ENDINGS) {
      if (!ending.test(word)) continue;
      const respelled = word.replace(ending, american);
      if ((rank(respelled) ?? Number.POSITIVE_INFINITY) < own) return respelled;
    }
    return word;
  };
}
