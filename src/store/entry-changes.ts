import type { GuildQaEntry, QaContent } from "./qa-records.ts";

/**
 * How an entry's state moves from one version to the next, apart from any database: every change
 * bumps the version and records who made it and when.
 */

/** The content alone, in a fixed key order, so that two versions compare by value. */
function contentJson(content: QaContent): string {
  return JSON.stringify({
    question: content.question,
    alternatives: content.alternatives,
    answer: content.answer,
    citations: content.citations.map((c) => ({
      article: c.article,
      paragraph: c.paragraph,
      excerpt: c.excerpt,
    })),
  });
}

export function sameContent(a: QaContent, b: QaContent): boolean {
  return contentJson(a) === contentJson(b);
}

export function newEntry(
  guildId: string,
  id: string,
  content: QaContent,
  actor: string,
  at: string,
): GuildQaEntry {
  return {
    guildId,
    id,
    question: content.question,
    alternatives: content.alternatives,
    answer: content.answer,
    citations: content.citations,
    status: "active",
    version: 1,
    createdBy: actor,
    createdAt: at,
    updatedBy: actor,
    updatedAt: at,
  };
}

export function withContent(
  entry: GuildQaEntry,
  content: QaContent,
  actor: string,
  at: string,
): GuildQaEntry {
  return { ...next(entry, actor, at), ...content };
}

export function removed(entry: GuildQaEntry, reason: string, actor: string, at: string): GuildQaEntry {
  return { ...next(entry, actor, at), status: "removed", removalReason: reason };
}

export function restored(entry: GuildQaEntry, actor: string, at: string): GuildQaEntry {
  const { removalReason: _dropped, ...rest } = next(entry, actor, at);
  return { ...rest, status: "active" };
}

function next(entry: GuildQaEntry, actor: string, at: string): GuildQaEntry {
  return { ...entry, version: entry.version + 1, updatedBy: actor, updatedAt: at };
}
