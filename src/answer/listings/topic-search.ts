import type { SearchKind } from "../../search/search-documents.ts";
import type { AnswerContext } from "../answer-context.ts";
import { CONFIDENT_COVERAGE, type RankedHit, rankHits } from "../ask/ranking.ts";
import { readQuestion } from "../ask/read-question.ts";
import { type RelevantTerms, relevantTerms } from "../excerpts/relevant-terms.ts";

export interface TopicHits {
  /** Hits that cover the topic well, best first. */
  matches: RankedHit[];
  /** The best of the rest, offered when nothing matches. */
  near: RankedHit[];
  terms: RelevantTerms;
}

/** The entries of one kind about a topic typed by a member ("missiles", "Minsk", "no-nato-enlargement"). */
export function searchTopic(context: AnswerContext, topic: string, kind: SearchKind): TopicHits {
  const { analyzer, statistics } = context.index;
  const plan = analyzer.query(readQuestion(topic));
  const hits = rankHits(context.index.search(plan, { kinds: [kind] }));
  return {
    matches: hits.filter((hit) => hit.coverage >= CONFIDENT_COVERAGE),
    near: hits.slice(0, 3),
    terms: relevantTerms(plan, hits, statistics),
  };
}

export { NO_TERMS } from "../excerpts/relevant-terms.ts";
