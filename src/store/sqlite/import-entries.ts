import { newEntry, sameContent, withContent } from "../entry-changes.ts";
import type { ImportCounts, QaContent } from "../qa-records.ts";
import type { EntryQueries } from "./sqlite-entry-queries.ts";

export interface ImportContext {
  entries: EntryQueries;
  stamp: () => string;
  newId: (guildId: string, question: string) => string;
}

/**
 * Writes validated import items into a guild; run inside the caller's transaction. An item whose
 * folded question matches an entry updates it only when the content differs, so importing the same
 * file twice changes nothing the second time. Status is never changed: a removed entry stays removed.
 */
export function importItems(
  context: ImportContext,
  guildId: string,
  items: ReadonlyArray<{ content: QaContent; questionKey: string }>,
  actor: string,
): ImportCounts {
  const counts: ImportCounts = { added: 0, updated: 0, unchanged: 0 };
  for (const { content, questionKey } of items) {
    const match = context.entries.findByQuestionKey(guildId, questionKey);
    const current = match && context.entries.get(guildId, match.id);
    if (!current) {
      const id = context.newId(guildId, content.question);
      context.entries.saveWithRevision(
        newEntry(guildId, id, content, actor, context.stamp()),
        questionKey,
        "import",
      );
      counts.added++;
    } else if (sameContent(current, content)) {
      counts.unchanged++;
    } else {
      context.entries.saveWithRevision(
        withContent(current, content, actor, context.stamp()),
        questionKey,
        "import",
      );
      counts.updated++;
    }
  }
  return counts;
}
