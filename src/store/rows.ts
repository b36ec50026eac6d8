import { z } from "zod";
import type { Citation } from "../knowledge/schema.ts";
import type { EntrySnapshot, FeedbackCounts, Gap, GuildQaEntry, Revision } from "./qa-records.ts";

/**
 * Rows as either database returns them (SQLite and Postgres share the column names), checked before
 * they become domain objects: a column renamed by a migration or a JSON value written by hand fails
 * here, loudly, instead of deep inside a command.
 */

const storedCitationSchema = z.strictObject({
  article: z.string(),
  paragraph: z.number().int(),
  excerpt: z.string(),
});
const alternativesSchema = z.array(z.string());
const citationsSchema = z.array(storedCitationSchema);
const statusSchema = z.enum(["active", "removed"]);

const snapshotSchema = z.strictObject({
  question: z.string(),
  alternatives: alternativesSchema,
  answer: z.string(),
  citations: citationsSchema,
  status: statusSchema,
  removalReason: z.string().optional(),
});

const entryRowSchema = z.object({
  guild_id: z.string(),
  id: z.string(),
  question: z.string(),
  alternatives_json: z.string(),
  answer: z.string(),
  citations_json: z.string(),
  status: statusSchema,
  removal_reason: z.string().nullable(),
  version: z.number().int(),
  created_by: z.string(),
  created_at: z.string(),
  updated_by: z.string(),
  updated_at: z.string(),
});

const revisionRowSchema = z.object({
  guild_id: z.string(),
  entry_id: z.string(),
  version: z.number().int(),
  action: z.enum(["add", "edit", "remove", "restore", "import"]),
  actor: z.string(),
  at: z.string(),
  snapshot_json: z.string(),
});

const countsRowSchema = z.object({ up: z.number().int(), down: z.number().int() });
const gapRowSchema = z.object({
  question: z.string(),
  last_at: z.string(),
  unconfident: z.number().int(),
  downvotes: z.number().int(),
});
const totalRowSchema = z.object({ total: z.number().int() });

function parseJsonColumn<T>(schema: z.ZodType<T>, text: string, column: string): T {
  const parsed = schema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new Error(`Stored ${column} does not match its schema: ${parsed.error.message}`);
  return parsed.data;
}

export function toEntry(row: unknown): GuildQaEntry {
  const r = entryRowSchema.parse(row);
  const entry: GuildQaEntry = {
    guildId: r.guild_id,
    id: r.id,
    question: r.question,
    alternatives: parseJsonColumn(alternativesSchema, r.alternatives_json, "alternatives_json"),
    answer: r.answer,
    citations: parseJsonColumn(citationsSchema, r.citations_json, "citations_json"),
    status: r.status,
    version: r.version,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedBy: r.updated_by,
    updatedAt: r.updated_at,
  };
  if (r.removal_reason !== null) entry.removalReason = r.removal_reason;
  return entry;
}

export function toRevision(row: unknown): Revision {
  const r = revisionRowSchema.parse(row);
  return {
    guildId: r.guild_id,
    entryId: r.entry_id,
    version: r.version,
    action: r.action,
    actor: r.actor,
    at: r.at,
    snapshot: parseJsonColumn(snapshotSchema, r.snapshot_json, "snapshot_json"),
  };
}

export function snapshotOf(entry: GuildQaEntry): EntrySnapshot {
  const snapshot: EntrySnapshot = {
    question: entry.question,
    alternatives: entry.alternatives,
    answer: entry.answer,
    citations: entry.citations.map(
      (c): Citation => ({ article: c.article, paragraph: c.paragraph, excerpt: c.excerpt }),
    ),
    status: entry.status,
  };
  if (entry.removalReason !== undefined) snapshot.removalReason = entry.removalReason;
  return snapshot;
}

export const toCounts = (row: unknown): FeedbackCounts => countsRowSchema.parse(row);
export const toTotal = (row: unknown): number => totalRowSchema.parse(row).total;

export function toGap(row: unknown): Gap {
  const r = gapRowSchema.parse(row);
  return { question: r.question, lastAskedAt: r.last_at, unconfident: r.unconfident, downvotes: r.downvotes };
}
