import type pg from "pg";
import { z } from "zod";
import type { EntryStatus, GuildQaEntry, Revision, RevisionAction } from "../qa-records.ts";
import { snapshotOf, toEntry, toRevision, toTotal } from "../rows.ts";

/** A pool for one-off reads, or the client holding a transaction. */
export type Queryable = Pick<pg.ClientBase, "query">;

const keyRowSchema = z.object({ id: z.string(), status: z.enum(["active", "removed"]) });
const idRowSchema = z.object({ id: z.string() });

/** Columns in the shape ../rows.ts reads, without Postgres's own `added`. */
const ENTRY_COLUMNS = `guild_id, id, question, alternatives_json, answer, citations_json, status,
  removal_reason, version, created_by, created_at, updated_by, updated_at`;

/** The same queries as sqlite/sqlite-entry-queries.ts, over qa_entries and qa_revisions, in Postgres's dialect. */
export const entryQueries = {
  async get(db: Queryable, guildId: string, id: string): Promise<GuildQaEntry | undefined> {
    const { rows } = await db.query(
      `SELECT ${ENTRY_COLUMNS} FROM qa_entries WHERE guild_id = $1 AND id = $2`,
      [guildId, id],
    );
    return rows[0] === undefined ? undefined : toEntry(rows[0]);
  },

  async findByQuestionKey(
    db: Queryable,
    guildId: string,
    key: string,
  ): Promise<{ id: string; status: EntryStatus } | undefined> {
    const { rows } = await db.query(
      "SELECT id, status FROM qa_entries WHERE guild_id = $1 AND question_key = $2",
      [guildId, key],
    );
    return rows[0] === undefined ? undefined : keyRowSchema.parse(rows[0]);
  },

  /** Ids in the guild that are `base` or `base-…`: what a new id made from `base` must avoid. */
  async idsLike(db: Queryable, guildId: string, base: string): Promise<Set<string>> {
    const prefix = `${base.replace(/[\\%_]/g, (c) => `\\${c}`)}-%`;
    const { rows } = await db.query(
      "SELECT id FROM qa_entries WHERE guild_id = $1 AND (id = $2 OR id LIKE $3)",
      [guildId, base, prefix],
    );
    return new Set(rows.map((row) => idRowSchema.parse(row).id));
  },

  /** Writes the entry's new state and its revision; call inside the caller's transaction. */
  async saveWithRevision(
    db: Queryable,
    entry: GuildQaEntry,
    questionKey: string,
    action: RevisionAction,
  ): Promise<void> {
    await db.query(
      `INSERT INTO qa_entries (guild_id, id, question, question_key, alternatives_json, answer, citations_json,
         status, removal_reason, version, created_by, created_at, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (guild_id, id) DO UPDATE SET
         question = excluded.question, question_key = excluded.question_key,
         alternatives_json = excluded.alternatives_json, answer = excluded.answer,
         citations_json = excluded.citations_json, status = excluded.status,
         removal_reason = excluded.removal_reason, version = excluded.version,
         updated_by = excluded.updated_by, updated_at = excluded.updated_at`,
      [
        entry.guildId,
        entry.id,
        entry.question,
        questionKey,
        JSON.stringify(entry.alternatives),
        entry.answer,
        JSON.stringify(entry.citations),
        entry.status,
        entry.removalReason ?? null,
        entry.version,
        entry.createdBy,
        entry.createdAt,
        entry.updatedBy,
        entry.updatedAt,
      ],
    );
    await db.query(
      `INSERT INTO qa_revisions (guild_id, entry_id, version, action, actor, at, snapshot_json)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        entry.guildId,
        entry.id,
        entry.version,
        action,
        entry.updatedBy,
        entry.updatedAt,
        JSON.stringify(snapshotOf(entry)),
      ],
    );
  },

  async page(
    db: Queryable,
    guildId: string,
    includeRemoved: boolean,
    offset: number,
    limit: number,
  ): Promise<{ entries: GuildQaEntry[]; total: number }> {
    const filter = "guild_id = $1 AND ($2 OR status = 'active')";
    const [page, count] = await Promise.all([
      db.query(`SELECT ${ENTRY_COLUMNS} FROM qa_entries WHERE ${filter} ORDER BY added LIMIT $3 OFFSET $4`, [
        guildId,
        includeRemoved,
        limit,
        offset,
      ]),
      db.query(`SELECT COUNT(*)::int AS total FROM qa_entries WHERE ${filter}`, [guildId, includeRemoved]),
    ]);
    return { entries: page.rows.map(toEntry), total: toTotal(count.rows[0]) };
  },

  async active(db: Queryable, guildId?: string): Promise<GuildQaEntry[]> {
    const { rows } =
      guildId === undefined
        ? await db.query(
            `SELECT ${ENTRY_COLUMNS} FROM qa_entries WHERE status = 'active' ORDER BY guild_id COLLATE "C", added`,
          )
        : await db.query(
            `SELECT ${ENTRY_COLUMNS} FROM qa_entries WHERE guild_id = $1 AND status = 'active' ORDER BY added`,
            [guildId],
          );
    return rows.map(toEntry);
  },

  async history(db: Queryable, guildId: string, id: string): Promise<Revision[]> {
    const { rows } = await db.query(
      "SELECT * FROM qa_revisions WHERE guild_id = $1 AND entry_id = $2 ORDER BY version",
      [guildId, id],
    );
    return rows.map(toRevision);
  },
};
