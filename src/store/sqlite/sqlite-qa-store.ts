import type Database from "better-sqlite3";
import { z } from "zod";
import type { Corpus } from "../../knowledge/corpus.ts";
import type { QaEntry } from "../../knowledge/schema.ts";
import { UserError } from "../../user-error.ts";
import { newEntry, removed, restored, sameContent, withContent } from "../entry-changes.ts";
import { slugOf, uniqueId } from "../entry-id.ts";
import { toKnowledgeEntries } from "../export-entries.ts";
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
} from "../qa-records.ts";
import type { QaStore } from "../qa-store.ts";
import { idArgument, listOptionsSchema } from "../qa-store.ts";
import { questionKey } from "../question-key.ts";
import {
  forLog,
  type LoggedQuestion,
  logHorizon,
  QUESTION_LOG,
  QuestionBatch,
  type QuestionLogBounds,
} from "../question-log.ts";
import {
  type QuizRank,
  type QuizRoundRecord,
  type QuizStanding,
  quizPeriodSchema,
  quizRoundRecordSchema,
} from "../quiz-scores.ts";
import { EntryValidationError, entryNotFound } from "../store-error.ts";
import { validateEntry, validateRemovalReason } from "../validate-entry.ts";
import { validateImport } from "../validate-import.ts";
import { backUp, integrityProblems, type StartCheck } from "./database-health.ts";
import { importItems } from "./import-entries.ts";
import { type QuizQueries, quizQueries } from "./quiz-queries.ts";
import { SqliteQuizRounds } from "./quiz-round-queries.ts";
import { type ActivityQueries, activityQueries } from "./sqlite-activity-queries.ts";
import { type EntryQueries, entryQueries } from "./sqlite-entry-queries.ts";

export class SqliteQaStore implements QaStore {
  private readonly entries: EntryQueries;
  private readonly activity: ActivityQueries;
  private readonly quiz: QuizQueries;
  readonly quizRounds: SqliteQuizRounds;
  private readonly questions = new QuestionBatch((batch) => this.writeQuestions(batch));

  constructor(
    private readonly db: Database.Database,
    private readonly corpus: Corpus,
    private readonly now: () => Date,
    /** What the open checked: the bot logs it, and backs up only a database that passed. */
    readonly startCheck: StartCheck,
    private readonly questionLog: QuestionLogBounds = QUESTION_LOG,
  ) {
    this.entries = entryQueries(db);
    this.activity = activityQueries(db);
    this.quiz = quizQueries(db);
    this.quizRounds = new SqliteQuizRounds(db);
  }

  /**
   * Runs a change in an IMMEDIATE transaction: the write lock is taken first, so a second process
   * waits (busy_timeout) instead of failing later when a read would have to become a write.
   */
  private write<T>(change: () => T): T {
    return this.db.transaction(change).immediate();
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  private validated(guildId: string, input: QaContent, editingId?: string) {
    const result = validateEntry(input, {
      corpus: this.corpus,
      findGuildQuestion: (key) => this.entries.findByQuestionKey(guildId, key),
      ...(editingId === undefined ? {} : { editingId }),
    });
    if (!result.ok) throw new EntryValidationError(result.problems);
    return result;
  }

  private existing(guildId: string, id: string): GuildQaEntry {
    const entry = this.entries.get(guildId, id);
    if (!entry) throw entryNotFound(id);
    return entry;
  }

  /** A fresh id: unique in the guild and never one of knowledge/qa.yaml's, so search results never clash. */
  private newId(guildId: string, question: string): string {
    const global = new Set(this.corpus.qa.map((entry) => entry.id));
    return uniqueId(slugOf(question), (id) => global.has(id) || this.entries.get(guildId, id) !== undefined);
  }

  async add(guildId: string, input: QaContent, actor: string): Promise<GuildQaEntry> {
    idArgument.parse(guildId);
    idArgument.parse(actor);
    return this.write(() => {
      const { content, questionKey: key } = this.validated(guildId, input);
      const entry = newEntry(guildId, this.newId(guildId, content.question), content, actor, this.stamp());
      this.entries.saveWithRevision(entry, key, "add");
      return entry;
    });
  }

  async edit(guildId: string, id: string, input: QaContent, actor: string): Promise<GuildQaEntry> {
    idArgument.parse(actor);
    return this.write(() => {
      const current = this.existing(guildId, id);
      const { content, questionKey: key } = this.validated(guildId, input, id);
      if (sameContent(current, content)) return current;
      const entry = withContent(current, content, actor, this.stamp());
      this.entries.saveWithRevision(entry, key, "edit");
      return entry;
    });
  }

  async remove(guildId: string, id: string, reason: string, actor: string): Promise<GuildQaEntry> {
    idArgument.parse(actor);
    return this.write(() => {
      const current = this.existing(guildId, id);
      const checked = validateRemovalReason(reason);
      if (!checked.ok) throw new EntryValidationError(checked.problems);
      if (current.status === "removed") {
        throw new UserError("qa-already-removed", `Entry "${id}" is already removed.`);
      }
      const entry = removed(current, checked.reason, actor, this.stamp());
      this.entries.saveWithRevision(entry, questionKey(entry.question), "remove");
      return entry;
    });
  }

  async restore(guildId: string, id: string, actor: string): Promise<GuildQaEntry> {
    idArgument.parse(actor);
    return this.write(() => {
      const current = this.existing(guildId, id);
      if (current.status === "active") {
        throw new UserError("qa-not-removed", `Entry "${id}" is not removed: there is nothing to restore.`);
      }
      const entry = restored(current, actor, this.stamp());
      this.entries.saveWithRevision(entry, questionKey(entry.question), "restore");
      return entry;
    });
  }

  async get(guildId: string, id: string): Promise<GuildQaEntry | undefined> {
    return this.entries.get(guildId, id);
  }

  async list(guildId: string, options: ListOptions): Promise<EntryPage> {
    const { includeRemoved, offset, limit } = listOptionsSchema.parse(options);
    return {
      entries: this.entries.page(guildId, includeRemoved, offset, limit),
      total: this.entries.count(guildId, includeRemoved),
    };
  }

  async history(guildId: string, id: string): Promise<Revision[]> {
    return this.entries.history(guildId, id);
  }

  async allActive(guildId?: string): Promise<GuildQaEntry[]> {
    return this.entries.active(guildId);
  }

  async recordFeedback(guildId: string, resultId: string, questionText: string, vote: Vote, userId: string) {
    idArgument.parse(resultId);
    idArgument.parse(userId);
    const choice = z.enum(["up", "down"]).parse(vote);
    this.activity.vote(guildId, resultId, forLog(questionText), choice, userId, this.stamp());
  }

  async feedbackCounts(resultId: string, guildId?: string): Promise<FeedbackCounts> {
    return this.activity.counts(resultId, guildId);
  }

  async recordQuestion(guildId: string, question: string, confident: boolean): Promise<void> {
    await this.questions.add({ guildId, question: forLog(question), confident, at: this.stamp() });
  }

  /** Writes a batch of questions in one transaction, then trims the log of each server they came from. */
  private writeQuestions(batch: LoggedQuestion[]): void {
    const newest = batch.at(-1);
    if (newest === undefined || !this.db.open) return;
    const since = logHorizon(newest, this.questionLog);
    this.write(() => {
      for (const { guildId, question, confident, at } of batch)
        this.activity.ask(guildId, question, confident, at);
      for (const guildId of new Set(batch.map((pending) => pending.guildId))) {
        this.activity.forgetOldQuestions(guildId, since, this.questionLog.perServer);
      }
    });
  }

  async gaps(guildId: string, options: { limit: number }): Promise<Gap[]> {
    await this.questions.flush();
    return this.activity.gaps(guildId, z.number().int().min(1).max(100).parse(options.limit));
  }

  async importEntries(
    guildId: string,
    entries: ReadonlyArray<QaEntry>,
    actor: string,
  ): Promise<ImportCounts> {
    idArgument.parse(guildId);
    idArgument.parse(actor);
    const checked = validateImport(entries, this.corpus);
    if (!checked.ok) throw new EntryValidationError(checked.problems);
    const context = { entries: this.entries, stamp: () => this.stamp(), newId: this.newId.bind(this) };
    return this.write(() => importItems(context, guildId, checked.items, actor));
  }

  async exportEntries(guildId: string, options: { reservedIds?: Iterable<string> } = {}): Promise<QaEntry[]> {
    const reserved = [...this.corpus.qa.map((entry) => entry.id), ...(options.reservedIds ?? [])];
    return toKnowledgeEntries(this.entries.active(guildId), reserved);
  }

  async recordQuizRound(guildId: string, round: QuizRoundRecord): Promise<void> {
    idArgument.parse(guildId);
    const checked = quizRoundRecordSchema.parse(round);
    this.write(() => this.quiz.record(guildId, checked, this.stamp()));
  }

  async quizLeaderboard(guildId: string, options: { days?: number; limit: number }): Promise<QuizStanding[]> {
    const { days, limit = 10 } = quizPeriodSchema.parse(options);
    return this.quiz.leaderboard(guildId, this.since(days), limit);
  }

  async quizRecord(
    guildId: string,
    userId: string,
    options: { days?: number },
  ): Promise<QuizRank | undefined> {
    const { days } = quizPeriodSchema.parse(options);
    return this.quiz.rank(guildId, userId, this.since(days));
  }

  /** The ISO time `days` ago by the store's clock; "" (before every time) for all time. */
  private since(days: number | undefined): string {
    return days === undefined ? "" : new Date(this.now().getTime() - days * 86_400_000).toISOString();
  }

  /** The file's path, for sentences that name it. */
  get file(): string {
    return this.db.name;
  }

  /** integrity_check's problems, none when whole: every page, and every index against its table. */
  checkIntegrity(): string[] {
    return integrityProblems(this.db);
  }

  /** Copies the database beside itself (dossier-backup.db) while it stays open; returns the copy's path. */
  backUp(): Promise<string> {
    return backUp(this.db, this.db.name);
  }

  async close(): Promise<void> {
    await this.questions.flush();
    if (this.db.open) this.db.close();
  }
}
