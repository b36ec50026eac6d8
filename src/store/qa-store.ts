import { z } from "zod";
import type { QaEntry } from "../knowledge/schema.ts";
import type {
  EntryPage,
  FeedbackCounts,
  Gap,
  GuildQaEntry,
  ImportCounts,
  ListOptions,
  QaContent,
  Revision,
  Vote,
} from "./qa-records.ts";
import type { QuizRoundStore } from "./quiz-rounds.ts";
import type { QuizScoreStore } from "./quiz-scores.ts";

/** What every store engine checks at its boundary, the same way. */
export const idArgument = z.string().min(1);

export const listOptionsSchema = z.object({
  includeRemoved: z.boolean().default(false),
  offset: z.number().int().min(0),
  limit: z.number().int().min(1).max(100),
});

/** Asked questions are a log for spotting gaps, not a record: very long ones are cut. */
export const LOGGED_QUESTION_MAX = 1000;

/**
 * The moderators' Q&A store. Every method is asynchronous so that a server database can implement
 * the same contract later; the SQLite implementation answers from the same process.
 *
 * Writes validate first (see validate-entry.ts) and throw `EntryValidationError` (a `UserError`)
 * without writing anything; every change writes its revision in the same transaction.
 * `actor` is the Discord user id of the moderator. The store also keeps the servers' quiz scores
 * (quiz-scores.ts) and the state of the quizzes running (quiz-rounds.ts).
 */
export interface QaStore extends QuizScoreStore {
  /** Running quizzes' rounds, answers and reveals. */
  readonly quizRounds: QuizRoundStore;
  /** Adds an entry; its id is a slug of the question, made unique (`why-now`, `why-now-2`). */
  add(guildId: string, input: QaContent, actor: string): Promise<GuildQaEntry>;
  /** Replaces an entry's content (a removed entry stays removed); identical content adds no revision. */
  edit(guildId: string, id: string, input: QaContent, actor: string): Promise<GuildQaEntry>;
  /** Retires an entry: it stops being answered but keeps its history and can be restored. */
  remove(guildId: string, id: string, reason: string, actor: string): Promise<GuildQaEntry>;
  restore(guildId: string, id: string, actor: string): Promise<GuildQaEntry>;
  get(guildId: string, id: string): Promise<GuildQaEntry | undefined>;
  /** Entries in the order they were added, with the total for paging. */
  list(guildId: string, options: ListOptions): Promise<EntryPage>;
  /** Every version of an entry, oldest first; empty when there is no such entry. */
  history(guildId: string, id: string): Promise<Revision[]>;
  /** Active entries of one guild, or of every guild (for building the index at start). */
  allActive(guildId?: string): Promise<GuildQaEntry[]>;

  /** One vote per member, result and question: voting again replaces the earlier vote. */
  recordFeedback(
    guildId: string,
    resultId: string,
    questionText: string,
    vote: Vote,
    userId: string,
  ): Promise<void>;
  /** Votes on a result in every guild, or in one. */
  feedbackCounts(resultId: string, guildId?: string): Promise<FeedbackCounts>;
  /**
   * Logs an asked question, so that moderators can see what the articles and entries miss. It may be
   * written a moment later, in a batch; `gaps` and `close` write whatever is waiting first.
   */
  recordQuestion(guildId: string, question: string, confident: boolean): Promise<void>;
  /** Recent unconfident or voted-down questions, one per folded wording, most recent first. */
  gaps(guildId: string, options: { limit: number }): Promise<Gap[]>;

  /**
   * Brings entries in the knowledge format into a guild, all or nothing. An entry whose folded
   * question matches an existing one updates it only when the content differs; the incoming ids are
   * ignored. Running the same import twice changes nothing the second time.
   */
  importEntries(guildId: string, entries: ReadonlyArray<QaEntry>, actor: string): Promise<ImportCounts>;
  /**
   * Active entries in the knowledge/qa.yaml format. Ids are made unique against `reservedIds`
   * (pass the ids already in knowledge/qa.yaml) so that the export can be pasted in as it is.
   */
  exportEntries(guildId: string, options?: { reservedIds?: Iterable<string> }): Promise<QaEntry[]>;
  close(): Promise<void>;
}
