import type { Logger } from "pino";
import type { Dossier } from "../answer/dossier.ts";
import { type Clock, systemClock } from "../interaction/clock.ts";
import { ButtonMemory, type KeyedMemory } from "../interaction/recent-cache.ts";
import type { Corpus } from "../knowledge/corpus.ts";
import type { QaStore } from "../store/index.ts";
import type { FormValues } from "./entry-form.ts";

/**
 * Everything /qa, its forms and buttons, and the feedback under /ask answers need. Present only when
 * the bot has a store (DATA_DIR); without one, /ask still answers from the curated knowledge.
 */
export interface Moderation {
  store: QaStore;
  /** The same answer core /ask uses: every change is pushed into it as soon as the store has it. */
  dossier: Dossier;
  /** For reading citations typed into the form and for /qa cite. */
  corpus: Corpus;
  /** MODERATOR_ROLE_IDS: members with one of these roles may change entries without Manage Messages. */
  moderatorRoleIds: readonly string[];
  logger: Logger;
  drafts: Drafts;
  votes: VoteTargets;
}

export interface ModerationOptions {
  store: QaStore;
  dossier: Dossier;
  corpus: Corpus;
  moderatorRoleIds: readonly string[];
  logger: Logger;
  clock?: Clock;
}

export function createModeration(options: ModerationOptions): Moderation {
  const clock = options.clock ?? systemClock;
  return {
    store: options.store,
    dossier: options.dossier,
    corpus: options.corpus,
    moderatorRoleIds: options.moderatorRoleIds,
    logger: options.logger,
    drafts: createDrafts(clock),
    votes: createVoteTargets(clock),
  };
}

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
