import { type QaEntry, qaFileSchema } from "../knowledge/schema.ts";
import { uniqueId } from "./entry-id.ts";
import type { GuildQaEntry } from "./qa-records.ts";

/** A stored entry in the knowledge/qa.yaml shape, as the answer layer indexes it: nothing about who or when. */
export function toQaEntry(entry: GuildQaEntry): QaEntry {
  return {
    id: entry.id,
    question: entry.question,
    alternatives: entry.alternatives,
    answer: entry.answer,
    citations: entry.citations.map((c) => ({
      article: c.article,
      paragraph: c.paragraph,
      excerpt: c.excerpt,
    })),
  };
}

/**
 * Guild entries in the knowledge/qa.yaml format, ready to be promoted to every server. An id already
 * used in knowledge/qa.yaml (`reservedIds`) gets a suffix (`why-now` → `why-now-2`) rather than a
 * prefix, so promoted entries keep readable ids.
 */
export function toKnowledgeEntries(
  entries: ReadonlyArray<GuildQaEntry>,
  reservedIds: Iterable<string>,
): QaEntry[] {
  const taken = new Set(reservedIds);
  const exported = entries.map((entry) => {
    const id = uniqueId(entry.id, (candidate) => taken.has(candidate));
    taken.add(id);
    return { ...toQaEntry(entry), id };
  });
  // Entries were validated when written; this guards the promise that the export loads as qa.yaml.
  return qaFileSchema.parse(exported);
}
