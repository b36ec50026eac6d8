import { citationProblem } from "../knowledge/check-references.ts";
import { type QaEntry, qaEntrySchema } from "../knowledge/schema.ts";
import { UserError } from "../user-error.ts";
import type { DossierIndexes } from "./dossier-indexes.ts";

/**
 * A moderator's entry, visible at once to `ask` in that guild only. Checked like the curated files
 * (schema, then every excerpt verbatim in a primary article), so nothing unverified is ever shown.
 */
export function upsertGuildQa(indexes: DossierIndexes, guildId: string, entry: QaEntry): void {
  const parsed = qaEntrySchema.safeParse(entry);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join(".") ?? "";
    throw new UserError(
      "invalid-qa",
      `That Q&A entry is not valid${where ? ` (${where})` : ""}: ${issue?.message ?? "check its fields"}.`,
    );
  }
  for (const citation of parsed.data.citations) {
    const problem = citationProblem(indexes.corpus, citation);
    if (problem) throw new UserError("invalid-citation", `Q&A entry "${entry.id}" ${problem}.`);
  }
  const entries = indexes.guildQa.get(guildId) ?? new Map<string, QaEntry>();
  entries.set(parsed.data.id, parsed.data);
  indexes.guildQa.set(guildId, entries);
  indexes.index.upsertGuildQa(guildId, parsed.data);
}

export function removeGuildQa(indexes: DossierIndexes, guildId: string, entryId: string): void {
  indexes.guildQa.get(guildId)?.delete(entryId);
  indexes.index.removeGuildQa(guildId, entryId);
}
