import type { Analyzer } from "../../search/analyzer.ts";
import { hasNoWords, MAX_QUESTION_LENGTH } from "./read-question.ts";

/**
 * A follow-up to the member's previous question: it goes on from it ("and what did the US say",
 * "what else", "what about ukraine") or speaks of someone by a pronoun ("what did he say").
 */
const FOLLOW_UP =
  /^\W*(?:and|also|what about|how about)\b|\b(?:what|anything|who|where|how) else\b|\b(?:to|about|of|with|for|by|on|from) (?:that|this|it|those|these|them)\W*$/i;
/** Or asks of it with no word of its own ("why?", "why does it matter", "tell me more", "who said that"). */
const ASKS_OF_IT = /\b(?:why|how|who|when|where|which|what|more|explain|elaborate|details?)\b/i;
const PERSONAL_PRONOUN = /\b(?:he|she|him|her|his|hers)\b/i;
/** A follow-up says little of its own: more content words than this, and it is a question of its own. */
const FOLLOW_UP_WORDS = 2;

/** "What else did he say", "tell me more", "any other reasons": more than the last answer showed. */
const MORE_ASKED = /\b(?:else|more|other|another|further)\b/i;

export function asksForMore(question: string): boolean {
  return MORE_ASKED.test(question);
}

/** Asks for someone's words or views: a follow-up with its own subject asks them of another. */
const ASKS_WHAT_SOMEONE_SAID =
  /\b(?:say|says|said|think|thinks|thought|respond|responds|responded|reply|replies|replied|react|reacts|reacted|want|wants|wanted)\b/i;

/** The follow-up as the previous question makes it read, or undefined when it is no follow-up. */
export function followUpReading(analyzer: Analyzer, question: string, previous: string): string | undefined {
  const own = analyzer.query(question).words;
  const pronoun = PERSONAL_PRONOUN.test(question);
  if (own.some((word) => word.named) || own.length > FOLLOW_UP_WORDS) return undefined;
  const asksOfIt = own.length === 0 && ASKS_OF_IT.test(question);
  if (!pronoun && !asksOfIt && !FOLLOW_UP.test(question)) return undefined;
  const before = previous.trim().slice(0, MAX_QUESTION_LENGTH);
  if (hasNoWords(before)) return undefined;
  const named = new Set(analyzer.query(before).words.flatMap((word) => (word.named ? [word.stem] : [])));
  const words = analyzer.words(before);
  const asWritten = (keep: (word: (typeof words)[number]) => boolean) =>
    words
      .filter(keep)
      .map((word) => before.slice(word.start, word.end))
      .join(" ");
  const someone = asWritten((word) => named.has(word.stem));
  if (pronoun && someone !== "") return question.replace(new RegExp(PERSONAL_PRONOUN, "gi"), someone);
  // "And what did the US say" after "what did ryabkov say" asks the US, not about Ryabkov: whom the
  // last question asked (named before its "say") is left out, what it asked about kept ("what did
  // putin say about missiles": "… about missiles").
  const speakerEnds =
    own.length > 0 && ASKS_WHAT_SOMEONE_SAID.test(question)
      ? (ASKS_WHAT_SOMEONE_SAID.exec(before)?.index ?? 0)
      : 0;
  const about = asWritten((word) => !word.stop && !(word.end <= speakerEnds && named.has(word.stem)));
  return about === "" ? undefined : `${question} about ${about}`;
}
