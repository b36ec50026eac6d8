import { ButtonMemory, type KeyedMemory } from "../interaction/button-memory.ts";
import type { Clock } from "../interaction/clock.ts";
import type { AnswerView } from "../render/discord/answer-view.ts";
import type { ButtonRow } from "../render/discord/payload.ts";

/** An answer whose pages can still be turned. */
export interface StoredAnswer {
  view: AnswerView;
  /** Rows that stay under every page (the feedback buttons). */
  extraRows: ButtonRow[];
}

export interface AnswerPagesOptions {
  clock: Clock;
  maxEntries?: number;
  ttlMs?: number;
}

export type AnswerPages = KeyedMemory<StoredAnswer>;

/**
 * Recent answers by short key, for the "More" / "Previous" buttons: a question (up to 300 characters)
 * cannot ride in a 100-character custom id, and re-running a search on every click could give a
 * different page than the one the member is reading if knowledge changed meanwhile.
 *
 * 15 minutes matches how long Discord lets the bot edit an answer through its interaction token;
 * 500 answers of a few kilobytes each bound the memory to a few megabytes.
 */
export function createAnswerPages(options: AnswerPagesOptions): AnswerPages {
  return new ButtonMemory({
    clock: options.clock,
    maxEntries: options.maxEntries ?? 500,
    ttlMs: options.ttlMs ?? 15 * 60_000,
  });
}
