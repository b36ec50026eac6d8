import { LOGGED_QUESTION_MAX } from "./qa-store.ts";
import { questionKey } from "./question-key.ts";

/**
 * The log of asked questions, as both engines keep it. It grows with every /ask, so it keeps each
 * server's newest questions from the last 90 days: plenty for /qa gaps, which shows 25. Trimmed
 * whenever questions are written, so a server may briefly hold a batch more than `perServer`.
 */
export interface QuestionLogBounds {
  perServer: number;
  maxAgeMs: number;
}
export const QUESTION_LOG: QuestionLogBounds = { perServer: 10_000, maxAgeMs: 90 * 24 * 60 * 60_000 };

/**
 * Asked questions are written in batches: one write per /ask would make the database's pace (a
 * synced disk, a round trip to Postgres) the bot's under load. A log for spotting gaps can lose its
 * last second to a crash; moderators' entries and votes are still written one by one.
 */
const QUESTION_BATCH = { size: 100, waitMs: 1_000 };

export interface LoggedQuestion {
  guildId: string;
  question: { text: string; key: string };
  confident: boolean;
  at: string;
}

/** A question as the log keeps it: cut to LOGGED_QUESTION_MAX, with its folded key. */
export function forLog(question: string): { text: string; key: string } {
  let text = question.slice(0, LOGGED_QUESTION_MAX);
  // Never keep half of a surrogate pair (an emoji cut in two).
  if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1);
  return { text, key: questionKey(question) };
}

/** The ISO time before which a batch ending at `newest` forgets questions. */
export function logHorizon(newest: LoggedQuestion, bounds: QuestionLogBounds): string {
  return new Date(Date.parse(newest.at) - bounds.maxAgeMs).toISOString();
}

/**
 * Questions waiting to be written: a full batch is written at once, a partial one a second later,
 * and `flush` (before reading gaps, at close) writes whatever waits. `write` stores a batch and
 * trims the log of each server in it; batches are written one after another.
 */
export class QuestionBatch {
  #pending: LoggedQuestion[] = [];
  #timer: NodeJS.Timeout | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(private readonly write: (batch: LoggedQuestion[]) => void | Promise<void>) {}

  async add(question: LoggedQuestion): Promise<void> {
    this.#pending.push(question);
    if (this.#pending.length >= QUESTION_BATCH.size) await this.flush();
    else this.#timer ??= setTimeout(() => this.#flushLater(), QUESTION_BATCH.waitMs).unref();
  }

  flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    const batch = this.#pending;
    this.#pending = [];
    const written = this.#writing.then(() => (batch.length === 0 ? undefined : this.write(batch)));
    this.#writing = written.catch(() => undefined);
    return written;
  }

  #flushLater(): void {
    // Nobody awaits a timer: the batch is dropped (a log, not a record), and the next write or read
    // meets the same problem where it is reported.
    this.flush().catch(() => undefined);
  }
}
