import type Database from "better-sqlite3";
import { z } from "zod";
import type { EntryStatus, GuildQaEntry, Revision, RevisionAction } from "../qa-records.ts";
import { snapshotOf, toEntry, toRevision, toTotal } from "../rows.ts";

const keyRowSchema = z.object({ id: z.string(), status: z.enum(["active", "removed"]) });

/** Prepared statements over qa_entries and qa_revisions, with rows mapped to domain objects. */
export function entryQueries(db: Database.Database) {
  const byId = db.prepare<[string, string]>("SELECT * FROM qa_entries WHERE guild_id = ? AND id = ?");
  const byKey = db.prepare<[string, string]>(
    "SELECT id, status FROM qa_entries WHERE guild_id = ? AND question_key = ?",
  );
  const save = db.prepare(`
    INSERT INTO qa_entries (guild_id, id, question, question_key, alternatives_json, answer, citations_json,
      status, removal_reason, version, created_by, created_at, updated_by, updated_at)
    VALUES (@guild_id, @id, @question, @question_key, @alternatives_json, @answer, @citations_json,
      @status, @removal_reason, @version, @created_by, @created_at, @updated_by, @updated_at)
    ON CONFLICT (guild_id, id) DO UPDATE SET
      question = excluded.question, question_key = excluded.question_key,
      alternatives_json = excluded.alternatives_json, answer = excluded.answer,
      citations_json = excluded.citations_json, status = excluded.status,
      removal_reason = excluded.removal_reason, version = excluded.version,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
  const insertRevision = db.prepare(`
    INSERT INTO qa_revisions (guild_id, entry_id, version, action, actor, at, snapshot_json)
    VALUES (?, ?, ?, ?, ?, ?, ?)`);
  const page = db.prepare<[string, number, number, number]>(
    "SELECT * FROM qa_entries WHERE guild_id = ? AND (? OR status = 'active') ORDER BY rowid LIMIT ? OFFSET ?",
  );
  const count = db.prepare<[string, number]>(
    "SELECT COUNT(*) AS total FROM qa_entries WHERE guild_id = ? AND (? OR status = 'active')",
  );
  const activeInGuild = db.prepare<[string]>(
    "SELECT * FROM qa_entries WHERE guild_id = ? AND status = 'active' ORDER BY rowid",
  );
  const activeEverywhere = db.prepare<[]>(
    "SELECT * FROM qa_entries WHERE status = 'active' ORDER BY guild_id, rowid",
  );
  const revisions = db.prepare<[string, string]>(
    "SELECT * FROM qa_revisions WHERE guild_id = ? AND entry_id = ? ORDER BY version",
  );

  return {
    get(guildId: string, id: string): GuildQaEntry | undefined {
      const row = byId.get(guildId, id);
      return row === undefined ? undefined : toEntry(row);
    },
    findByQuestionKey(guildId: string, key: string): { id: string; status: EntryStatus } | undefined {
      const row = byKey.get(guildId, key);
      return row === undefined ? undefined : keyRowSchema.parse(row);
    },
    /** Writes the entry's new state and its revision; call inside the caller's transaction. */
    saveWithRevision(entry: GuildQaEntry, questionKey: string, action: RevisionAction): void {
      save.run({
        guild_id: entry.guildId,
        id: entry.id,
        question: entry.question,
        question_key: questionKey,
        alternatives_json: JSON.stringify(entry.alternatives),
        answer: entry.answer,
        citations_json: JSON.stringify(entry.citations),
        status: entry.status,
        removal_reason: entry.removalReason ?? null,
        version: entry.version,
        created_by: entry.createdBy,
        created_at: entry.createdAt,
        updated_by: entry.updatedBy,
        updated_at: entry.updatedAt,
      });
      insertRevision.run(
        entry.guildId,
        entry.id,
        entry.version,
        action,
        entry.updatedBy,
        entry.updatedAt,
        JSON.stringify(snapshotOf(entry)),
      );
    },
    page(guildId: string, includeRemoved: boolean, offset: number, limit: number): GuildQaEntry[] {
      return page.all(guildId, includeRemoved ? 1 : 0, limit, offset).map(toEntry);
    },
    count(guildId: string, includeRemoved: boolean): number {
      return toTotal(count.get(guildId, includeRemoved ? 1 : 0));
    },
    active(guildId?: string): GuildQaEntry[] {
      return (guildId === undefined ? activeEverywhere.all() : activeInGuild.all(guildId)).map(toEntry);
    },
    history(guildId: string, id: string): Revision[] {
      return revisions.all(guildId, id).map(toRevision);
    },
  };
}

export type EntryQueries = ReturnType<typeof entryQueries>;
