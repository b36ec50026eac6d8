import type { QaEntry } from "../knowledge/schema.ts";
import type { GuildQaEntry } from "../store/index.ts";

/** A stored entry as the answer layer indexes it: the knowledge/qa.yaml shape, nothing about who or when. */
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
