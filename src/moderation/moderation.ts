import type { Logger } from "pino";
import type { Dossier } from "../answer/dossier.ts";
import { type Clock, systemClock } from "../interaction/clock.ts";
import type { Corpus } from "../knowledge/corpus.ts";
import type { QaStore } from "../store/index.ts";
import { createDrafts, type Drafts } from "./drafts.ts";
import { createVoteTargets, type VoteTargets } from "./vote-targets.ts";

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
