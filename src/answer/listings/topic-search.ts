import type { SearchKind } from "../../search/search-documents.ts";
import { CONFIDENT_COVERAGE, type RankedHit, rankHits } from "../ask/ranking.ts";
import { readQuestion } from "../ask/read-question.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { type RelevantTerms, relevantTerms } from "../excerpts/relevant-terms.ts";

export interface TopicHits {
  /** Hits that cover the topic well, best first. */
  matches: RankedHit[];
  /** The best of the rest, offered when nothing matches. */
  near: RankedHit[];
  terms: RelevantTerms;
}

/** The entries of one kind about a topic typed by a member ("missiles", "Minsk", "no-nato-enlargement"). */
export function searchTopic(indexes: DossierIndexes, topic: string, kind: SearchKind): TopicHits {
  const { analyzer, statistics } = indexes.index;
  const plan = analyzer.query(readQuestion(topic));
  const hits = rankHits(indexes.index.search(plan, { kinds: [kind] }));
  return {
    matches: hits.filter((hit) => hit.coverage >= CONFIDENT_COVERAGE),
    near: hits.slice(0, 3),
    terms: relevantTerms(plan, hits, statistics),
  };
}

export { NO_TERMS } from "../excerpts/relevant-terms.ts";
