import { ButtonMemory, type KeyedMemory } from "../interaction/button-memory.ts";
import type { Clock } from "../interaction/clock.ts";
import type { FormValues } from "./entry-form.ts";

/** What a submitted form was for: a new entry, or an edit of the version the moderator saw. */
export type FormMode = { kind: "add" } | { kind: "edit"; id: string; version: number };

/** A refused submission, kept so the moderator can reopen the form with their text instead of retyping it. */
export interface EntryDraft {
  userId: string;
  guildId: string;
  mode: FormMode;
  values: FormValues;
}

export type Drafts = KeyedMemory<EntryDraft>;

/**
 * Refused forms by short key, for the "Fix and resubmit" button. Discord cannot answer a modal with
 * another modal, so the text survives here between the refusal and the click. 30 minutes and 200
 * drafts of at most ~6 kB bound the memory to about a megabyte.
 */
export function createDrafts(clock: Clock): Drafts {
  return new ButtonMemory({ clock, ttlMs: 30 * 60_000, maxEntries: 200 });
}
