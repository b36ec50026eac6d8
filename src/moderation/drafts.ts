import type { Clock } from "../bot/clock.ts";
import { RecentCache } from "../bot/recent-cache.ts";
import type { FormValues } from "./entry-form.ts";
import { shortKey } from "./short-key.ts";

/** What a submitted form was for: a new entry, or an edit of the version the moderator saw. */
export type FormMode = { kind: "add" } | { kind: "edit"; id: string; version: number };

/** A refused submission, kept so the moderator can reopen the form with their text instead of retyping it. */
export interface EntryDraft {
  userId: string;
  guildId: string;
  mode: FormMode;
  values: FormValues;
}

/**
 * Refused forms by short key, for the "Fix and resubmit" button. Discord cannot answer a modal with
 * another modal, so the text survives here between the refusal and the click. 30 minutes and 200
 * drafts of at most ~6 kB bound the memory to about a megabyte.
 */
export class Drafts {
  readonly #cache: RecentCache<EntryDraft>;

  constructor(clock: Clock, options: { ttlMs?: number; maxEntries?: number } = {}) {
    this.#cache = new RecentCache({
      clock,
      ttlMs: options.ttlMs ?? 30 * 60_000,
      maxEntries: options.maxEntries ?? 200,
    });
  }

  remember(draft: EntryDraft): string {
    const key = shortKey();
    this.#cache.set(key, draft);
    return key;
  }

  recall(key: string): EntryDraft | undefined {
    return this.#cache.get(key);
  }
}
