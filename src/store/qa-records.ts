import type { Citation } from "../knowledge/schema.ts";

/**
 * The shapes the Q&A store hands out. Engine-free: the SQLite implementation and any later server
 * database map their rows to these.
 */

/** What a moderator writes: the content of a knowledge/qa.yaml entry, without its id. */
export interface QaContent {
  question: string;
  alternatives: string[];
  answer: string;
  citations: Citation[];
}

export type EntryStatus = "active" | "removed";

/** A moderator-made entry, scoped to the guild (Discord server) where it was made. */
export interface GuildQaEntry extends QaContent {
  guildId: string;
  /** Kebab slug of the question, unique within the guild and never equal to a knowledge/qa.yaml id. */
  id: string;
  status: EntryStatus;
  removalReason?: string;
  /** 1 after the add, +1 for every change; equals the number of revisions. */
  version: number;
  createdBy: string;
  createdAt: string;
  updatedBy: string;
  updatedAt: string;
}

export type RevisionAction = "add" | "edit" | "remove" | "restore" | "import";

/** The whole state of an entry after one change, so that any two versions can be diffed. */
export interface EntrySnapshot extends QaContent {
  status: EntryStatus;
  removalReason?: string;
}

export interface Revision {
  guildId: string;
  entryId: string;
  version: number;
  action: RevisionAction;
  /** Discord user id of the moderator who made the change. */
  actor: string;
  at: string;
  snapshot: EntrySnapshot;
}

export interface ListOptions {
  includeRemoved?: boolean;
  offset: number;
  limit: number;
}

export interface EntryPage {
  entries: GuildQaEntry[];
  /** How many entries match in all, for "page 2 of 5". */
  total: number;
}

export type Vote = "up" | "down";

export interface FeedbackCounts {
  up: number;
  down: number;
}

/** A question the bot answered badly: not confident, or voted down. */
export interface Gap {
  /** The most recent wording of the question. */
  question: string;
  lastAskedAt: string;
  /** How many times it was asked without a confident answer. */
  unconfident: number;
  /** How many members voted an answer to it down. */
  downvotes: number;
}

export interface ImportCounts {
  added: number;
  updated: number;
  unchanged: number;
}
