import { ButtonMemory, type KeyedMemory } from "../interaction/button-memory.ts";
import type { Clock } from "../interaction/clock.ts";

/** What a 👍/👎 under an /ask answer is about: the best result shown for that question, in that server. */
export interface VoteTarget {
  guildId: string;
  question: string;
  resultId: string;
}

export type VoteTargets = KeyedMemory<VoteTarget>;

/**
 * Answers that can still be voted on, by short key. The question (up to 300 characters) does not fit a
 * custom id, and the store groups votes by question so that /qa gaps can show what was voted down.
 * A day and 10,000 answers of about half a kilobyte each bound the memory to five megabytes; a vote
 * on an older answer, or one from before a restart, is answered with "ask again".
 */
export function createVoteTargets(clock: Clock): VoteTargets {
  return new ButtonMemory({ clock, ttlMs: 24 * 60 * 60_000, maxEntries: 10_000 });
}
