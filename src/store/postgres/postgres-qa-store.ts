import type pg from "pg";
import { z } from "zod";
import type { Corpus } from "../../knowledge/corpus.ts";
import type { QaEntry } from "../../knowledge/schema.ts";
import { UserError } from "../../user-error.ts";
import { newEntry, removed, restored, sameContent, withContent } from "../entry-changes.ts";
import { slugOf, uniqueId } from "../entry-id.ts";
import { toKnowledgeEntries } from "../export-entries.ts";
import type {
  EntryPage,
  EntryStatus,
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
import { activityQueries } from "./activity-queries.ts";
import { EntryFeed, type EntryFeedHandlers } from "./entry-feed.ts";
import { entryQueries as entries, type Queryable } from "./entry-queries.ts";
import { PostgresQuizRounds } from "./quiz-round-queries.ts";
import { SharedValues } from "./shared-values.ts";
import { isConnectionFailure, StoreUnavailableError } from "./unavailable.ts";

/** The first key of the two-key advisory locks that serialise each guild's writes (the second: the guild). */
const GUILD_WRITE_LOCK = 0x0d055e2;

/**
 * The Q&A store on Postgres, for replicas that share one database. It keeps SQLite's contract
 * (tests/store/contract runs on both): each guild's writes take a transaction-scoped advisory lock on
 * the guild, so two replicas adding at once queue instead of choosing the same id; a refused or
 * interrupted write rolls back whole; and a server out of reach is a `StoreUnavailableError`, a
 * sentence for the member, never a half-written entry.
 */
export class PostgresQaStore implements QaStore {
  readonly #feeds = new Set<EntryFeed>();
  readonly quizRounds = new PostgresQuizRounds({
    read: (work) => this.read(work),
    write: (work) => this.write(undefined, work),
  });
  readonly #questions = new QuestionBatch((batch) => this.writeQuestions(batch));

  constructor(
    readonly pool: pg.Pool,
    /** DATABASE_URL, for the entry feed's own connection. */
    private readonly url: string,
    private readonly corpus: Corpus,
    private readonly now: () => Date,
    private readonly questionLog: QuestionLogBounds = QUESTION_LOG,
  ) {}

  /** What buttons stand for and the signatures seen, shared by replicas; expiry by `now` (ms). */
  sharedValues(now: () => number): SharedValues {
    return new SharedValues(this.pool, now);
  }

  /**
   * Hears every committed change to an entry, from any replica or from `dossier qa import`, so each
   * replica's answer index can follow the database (see entry-feed.ts). Stopped by `close()`.
   */
  async followEntries(handlers: EntryFeedHandlers): Promise<EntryFeed> {
    const feed = await EntryFeed.start(this.url, handlers);
    this.#feeds.add(feed);
    return feed;
  }

  /** A read on any pooled connection, with connection failures turned into the member's sentence. */
  private async read<T>(work: (db: Queryable) => Promise<T>): Promise<T> {
    try {
      return await work(this.pool);
    } catch (error) {
      throw isConnectionFailure(error) ? new StoreUnavailableError({ cause: error }) : error;
    }
  }

  /** A write in one transaction, holding the guild's lock when it allocates ids or checks questions. */
  private async write<T>(guildId: string | undefined, work: (db: pg.PoolClient) => Promise<T>): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw isConnectionFailure(error) ? new StoreUnavailableError({ cause: error }) : error;
    }
    let broken = false;
    // A checked-out connection has no listener of the pool's: without this one, the server going
    // away mid-transaction would be an uncaught error as well as the failed query it already is.
    const ignoreLost = () => undefined;
    client.on("error", ignoreLost);
    try {
      await client.query("BEGIN");
      if (guildId !== undefined)
        await client.query("SELECT pg_advisory_xact_lock($1, hashtext($2))", [GUILD_WRITE_LOCK, guildId]);
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      broken = isConnectionFailure(error);
      if (!broken) await client.query("ROLLBACK").catch(() => undefined);
      throw broken ? new StoreUnavailableError({ cause: error }) : error;
    } finally {
      // A connection that failed mid-transaction is thrown away rather than handed to the next caller.
      client.off("error", ignoreLost);
      client.release(broken);
    }
  }

  private stamp(): string {
    return this.now().toISOString();
  }

  /**
   * validateEntry asks synchronously whether the guild has the question already. The first pass
   * learns which folded question it asks about; the second answers it from the database, read under
   * the guild's lock, so the answer holds until the commit.
   */
  private async validated(db: Queryable, guildId: string, input: QaContent, editingId?: string) {
    const asked = new Set<string>();
    const editing = editingId === undefined ? {} : { editingId };
    validateEntry(input, {
      corpus: this.corpus,
      findGuildQuestion: (key) => void asked.add(key),
      ...editing,
    });
    const found = new Map<string, { id: string; status: EntryStatus } | undefined>();
    for (const key of asked) found.set(key, await entries.findByQuestionKey(db, guildId, key));
    const result = validateEntry(input, {
      corpus: this.corpus,
      findGuildQuestion: (key) => found.get(key),
      ...editing,
    });
    if (!result.ok) throw new EntryValidationError(result.problems);
    return result;
  }

  private async existing(db: Queryable, guildId: string, id: string): Promise<GuildQaEntry> {
    const entry = await entries.get(db, guildId, id);
    if (!entry) throw entryNotFound(id);
    return entry;
  }

  /** A fresh id: unique in the guild and never one of knowledge/qa.yaml's, so search results never clash. */
  private async newId(db: Queryable, guildId: string, question: string, alsoTaken: ReadonlySet<string>) {
    const base = slugOf(question);
    const taken = await entries.idsLike(db, guildId, base);
    const global = new Set(this.corpus.qa.map((entry) => entry.id));
    return uniqueId(base, (id) => global.has(id) || taken.has(id) || alsoTaken.has(id));
  }

  async add(guildId: string, input: QaContent, actor: string): Promise<GuildQaEntry> {
    idArgument.parse(guildId);
    idArgument.parse(actor);
    return this.write(guildId, async (db) => {
      const { content, questionKey: key } = await this.validated(db, guildId, input);
      const id = await this.newId(db, guildId, content.question, new Set());
      const entry = newEntry(guildId, id, content, actor, this.stamp());
      await entries.saveWithRevision(db, entry, key, "add");
      return entry;
    });
  }

  async edit(guildId: string, id: string, input: QaContent, actor: string): Promise<GuildQaEntry> {
    idArgument.parse(actor);
    return this.write(guildId, async (db) => {
      const current = await this.existing(db, guildId, id);
      const { content, questionKey: key } = await this.validated(db, guildId, input, id);
      if (sameContent(current, content)) return current;
      const entry = withContent(current, content, actor, this.stamp());
      await entries.saveWithRevision(db, entry, key, "edit");
      return entry;
    });
  }

  async remove(guildId: string, id: string, reason: string, actor: string): Promise<GuildQaEntry> {
    idArgument.parse(actor);
    return this.write(guildId, async (db) => {
      const current = await this.existing(db, guildId, id);
      const checked = validateRemovalReason(reason);
      if (!checked.ok) throw new EntryValidationError(checked.problems);
      if (current.status === "removed") {
        throw new UserError("qa-already-removed", `Entry "${id}" is already removed.`);
      }
      const entry = removed(current, checked.reason, actor, this.stamp());
      await entries.saveWithRevision(db, entry, questionKey(entry.question), "remove");
      return entry;
    });
  }

  async restore(guildId: string, id: string, actor: string): Promise<GuildQaEntry> {
    idArgument.parse(actor);
    return this.write(guildId, async (db) => {
      const current = await this.existing(db, guildId, id);
      if (current.status === "active") {
        throw new UserError("qa-not-removed", `Entry "${id}" is not removed: there is nothing to restore.`);
      }
      const entry = restored(current, actor, this.stamp());
      await entries.saveWithRevision(db, entry, questionKey(entry.question), "restore");
      return entry;
    });
  }

  get(guildId: string, id: string): Promise<GuildQaEntry | undefined> {
    return this.read((db) => entries.get(db, guildId, id));
  }

  async list(guildId: string, options: ListOptions): Promise<EntryPage> {
    const { includeRemoved, offset, limit } = listOptionsSchema.parse(options);
    return this.read((db) => entries.page(db, guildId, includeRemoved, offset, limit));
  }

  history(guildId: string, id: string): Promise<Revision[]> {
    return this.read((db) => entries.history(db, guildId, id));
  }

  allActive(guildId?: string): Promise<GuildQaEntry[]> {
    return this.read((db) => entries.active(db, guildId));
  }

  async recordFeedback(guildId: string, resultId: string, questionText: string, vote: Vote, userId: string) {
    idArgument.parse(resultId);
    idArgument.parse(userId);
    const choice = z.enum(["up", "down"]).parse(vote);
    const question = forLog(questionText);
    await this.read((db) =>
      activityQueries.vote(db, guildId, resultId, question, choice, userId, this.stamp()),
    );
  }

  feedbackCounts(resultId: string, guildId?: string): Promise<FeedbackCounts> {
    return this.read((db) => activityQueries.counts(db, resultId, guildId));
  }

  async recordQuestion(guildId: string, question: string, confident: boolean): Promise<void> {
    await this.#questions.add({ guildId, question: forLog(question), confident, at: this.stamp() });
  }

  /**
   * Writes a batch of questions in one statement, then trims the log of each server they came from,
   * as SQLite does: every replica bounds the servers it wrote for.
   */
  private async writeQuestions(batch: LoggedQuestion[]): Promise<void> {
    const newest = batch.at(-1);
    if (newest === undefined || this.pool.ended) return;
    const since = logHorizon(newest, this.questionLog);
    await this.write(undefined, async (db) => {
      await activityQueries.ask(db, batch);
      for (const guildId of new Set(batch.map((question) => question.guildId))) {
        await activityQueries.forgetOldQuestions(db, guildId, since, this.questionLog.perServer);
      }
    });
  }

  async gaps(guildId: string, options: { limit: number }): Promise<Gap[]> {
    const limit = z.number().int().min(1).max(100).parse(options.limit);
    await this.#questions.flush();
    return this.read((db) => activityQueries.gaps(db, guildId, limit));
  }

  async importEntries(
    guildId: string,
    incoming: ReadonlyArray<QaEntry>,
    actor: string,
  ): Promise<ImportCounts> {
    idArgument.parse(guildId);
    idArgument.parse(actor);
    const checked = validateImport(incoming, this.corpus);
    if (!checked.ok) throw new EntryValidationError(checked.problems);
    // As sqlite/import-entries.ts: matched by folded question, updated only when the content differs.
    return this.write(guildId, async (db) => {
      const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
      const added = new Set<string>();
      for (const { content, questionKey: key } of checked.items) {
        const match = await entries.findByQuestionKey(db, guildId, key);
        const current = match && (await entries.get(db, guildId, match.id));
        if (!current) {
          const id = await this.newId(db, guildId, content.question, added);
          added.add(id);
          await entries.saveWithRevision(
            db,
            newEntry(guildId, id, content, actor, this.stamp()),
            key,
            "import",
          );
          counts.added++;
        } else if (sameContent(current, content)) {
          counts.unchanged++;
        } else {
          await entries.saveWithRevision(
            db,
            withContent(current, content, actor, this.stamp()),
            key,
            "import",
          );
          counts.updated++;
        }
      }
      return counts;
    });
  }

  async exportEntries(guildId: string, options: { reservedIds?: Iterable<string> } = {}): Promise<QaEntry[]> {
    const reserved = [...this.corpus.qa.map((entry) => entry.id), ...(options.reservedIds ?? [])];
    return toKnowledgeEntries(await this.allActive(guildId), reserved);
  }

  async recordQuizRound(guildId: string, round: QuizRoundRecord): Promise<void> {
    idArgument.parse(guildId);
    const checked = quizRoundRecordSchema.parse(round);
    await this.write(undefined, (db) => activityQueries.recordQuizRound(db, guildId, checked, this.stamp()));
  }

  async quizLeaderboard(guildId: string, options: { days?: number; limit: number }): Promise<QuizStanding[]> {
    const { days, limit = 10 } = quizPeriodSchema.parse(options);
    return this.read((db) => activityQueries.leaderboard(db, guildId, this.since(days), limit));
  }

  async quizRecord(
    guildId: string,
    userId: string,
    options: { days?: number },
  ): Promise<QuizRank | undefined> {
    const { days } = quizPeriodSchema.parse(options);
    return this.read((db) => activityQueries.rank(db, guildId, userId, this.since(days)));
  }

  /** The ISO time `days` ago by the store's clock; "" (before every time) for all time. */
  private since(days: number | undefined): string {
    return days === undefined ? "" : new Date(this.now().getTime() - days * 86_400_000).toISOString();
  }

  async close(): Promise<void> {
    await this.#questions.flush().catch(() => undefined);
    await Promise.all([...this.#feeds].map((feed) => feed.stop()));
    this.#feeds.clear();
    if (!this.pool.ended) await this.pool.end();
  }
}
