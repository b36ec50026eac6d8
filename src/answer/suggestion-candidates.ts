import { primaryArticles } from "../knowledge/corpus.ts";
import type { SuggestField } from "./dossier.ts";
import type { DossierIndexes } from "./dossier-indexes.ts";
import { personNames, roleOf } from "./listings/find-person.ts";
import { foldName } from "./listings/name-match.ts";

/** Something autocomplete may offer, with the names it answers to and its place when nothing is typed. */
export interface Candidate {
  name: string;
  value: string;
  names: string[];
  /** Higher first when nothing is typed (and to break ties). */
  popularity: number;
}

function countBy<T>(items: ReadonlyArray<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

/** Topics members can filter on: the quotations' topics and the demands' keywords, most used first. */
function topicCandidates(indexes: DossierIndexes): Candidate[] {
  const topics = new Map<string, Candidate>();
  const words = [
    ...indexes.corpus.quotes.flatMap((quote) => quote.topics),
    ...indexes.corpus.demands.flatMap((demand) => demand.keywords),
  ];
  for (const topic of words) {
    const key = foldName(topic);
    const existing = topics.get(key);
    if (existing) existing.popularity += 1;
    else topics.set(key, { name: topic, value: topic, names: [topic], popularity: 1 });
  }
  return [...topics.values()];
}

/** Discord's longest choice value; a longer question cannot be offered whole. */
const MAX_QUESTION_CHOICE = 100;

/**
 * Questions members may pick while typing /ask: this server's moderators' questions first, then the
 * curated ones in their file order. A question longer than a choice may be is left out, not cut.
 */
function questionCandidates(indexes: DossierIndexes, guildId: string | undefined): Candidate[] {
  const guildEntries = guildId === undefined ? [] : [...(indexes.guildQa.get(guildId)?.values() ?? [])];
  const entries = [...guildEntries, ...indexes.corpus.qa].filter(
    (entry) => entry.question.length <= MAX_QUESTION_CHOICE,
  );
  return entries.map((entry, index) => ({
    name: entry.question,
    value: entry.question,
    names: [entry.question, ...entry.alternatives],
    popularity: -index,
  }));
}

export function candidatesFor(indexes: DossierIndexes, field: SuggestField, guildId?: string): Candidate[] {
  const { corpus } = indexes;
  const quoteCounts = countBy(corpus.quotes, (quote) => quote.speaker);
  const listed = <T>(items: ReadonlyArray<T>, make: (item: T, index: number) => Candidate) => items.map(make);
  switch (field) {
    case "topic":
      return topicCandidates(indexes);
    case "question":
      return questionCandidates(indexes, guildId);
    case "demand":
      return listed(corpus.demands, (demand, index) => ({
        name: demand.title,
        value: demand.id,
        names: [demand.title, demand.id, ...demand.keywords],
        popularity: -index,
      }));
    case "speaker":
    case "person":
      return corpus.people
        .filter((person) => field === "person" || quoteCounts.has(person.id))
        .map((person) => ({
          name: `${person.name} — ${person.role}`,
          value: person.id,
          // Typed as what they do too ("foreign min…"), as /who reads it.
          names: [...personNames(person), roleOf(person)],
          popularity: (quoteCounts.get(person.id) ?? 0) * 10 + person.citations.length,
        }));
    case "article":
      return listed(primaryArticles(corpus), (article, index) => ({
        name: [article.title, article.outlet].filter(Boolean).join(" — "),
        value: article.id,
        names: [article.id, article.title, ...(article.outlet ? [article.outlet] : []), ...article.authors],
        popularity: -index,
      }));
    case "year": {
      const years = countBy(corpus.timeline, (event) => event.date.slice(0, 4));
      return [...years].map(([year, count]) => ({
        name: `${year} (${count} ${count === 1 ? "event" : "events"})`,
        value: year,
        names: [year],
        popularity: -Number(year),
      }));
    }
  }
}
