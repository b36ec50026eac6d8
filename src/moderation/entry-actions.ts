import type { Dossier } from "../answer/dossier.ts";
import { type GuildQaEntry, type QaContent, type QaStore, toQaEntry } from "../store/index.ts";
import { UserError } from "../user-error.ts";

/**
 * The four changes a moderator makes, each written to the store first and then pushed into the answer
 * core, so /ask in that server sees it at once. If the store refuses (validation, unknown id) the
 * answer core is never touched; the store is the source of truth the bot reloads from at start.
 */

type Parts = { store: QaStore; dossier: Dossier };

function showInAnswers(dossier: Dossier, entry: GuildQaEntry): void {
  if (entry.status === "active") dossier.upsertGuildQa(entry.guildId, toQaEntry(entry));
  else dossier.removeGuildQa(entry.guildId, entry.id);
}

export async function addEntry(parts: Parts, guildId: string, content: QaContent, actor: string) {
  const entry = await parts.store.add(guildId, content, actor);
  showInAnswers(parts.dossier, entry);
  return entry;
}

/** Someone else changed the entry after the form was opened: saving would silently undo their change. */
export class EditConflictError extends UserError {
  constructor(readonly current: GuildQaEntry) {
    super(
      "qa-edit-conflict",
      `Entry "${current.id}" was changed while you were editing it (it is now version ${current.version}). Nothing was saved: press "Fix and resubmit" to review your text against the new version.`,
    );
    this.name = "EditConflictError";
  }
}

/** `seenVersion` is the version the form was opened on; a different current version is a conflict. */
export async function editEntry(
  parts: Parts,
  guildId: string,
  id: string,
  content: QaContent,
  actor: string,
  seenVersion?: number,
): Promise<{ entry: GuildQaEntry; changed: boolean }> {
  const current = await parts.store.get(guildId, id);
  if (current !== undefined && seenVersion !== undefined && current.version !== seenVersion) {
    throw new EditConflictError(current);
  }
  const entry = await parts.store.edit(guildId, id, content, actor);
  const changed = current === undefined || entry.version !== current.version;
  if (changed) showInAnswers(parts.dossier, entry);
  return { entry, changed };
}

export async function removeEntry(parts: Parts, guildId: string, id: string, reason: string, actor: string) {
  const entry = await parts.store.remove(guildId, id, reason, actor);
  showInAnswers(parts.dossier, entry);
  return entry;
}

export async function restoreEntry(parts: Parts, guildId: string, id: string, actor: string) {
  const entry = await parts.store.restore(guildId, id, actor);
  showInAnswers(parts.dossier, entry);
  return entry;
}
