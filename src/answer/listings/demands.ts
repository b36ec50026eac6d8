import type { Answer } from "../answer.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { demandResult } from "../excerpts/entry-results.ts";
import { foldName } from "./name-match.ts";
import { NO_TERMS, searchTopic } from "./topic-search.ts";

/** All demands in their curated order, or those about a topic or with that id. */
export function listDemands(indexes: DossierIndexes, topic?: string): Answer {
  const { library, corpus } = indexes;
  if (topic === undefined || topic.trim() === "") {
    return { confident: true, results: corpus.demands.map((d) => demandResult(library, d, NO_TERMS, 1)) };
  }
  const byId = corpus.demands.find((demand) => foldName(demand.id) === foldName(topic));
  if (byId) return { confident: true, results: [demandResult(library, byId, NO_TERMS, 1)] };
  const { matches, near, terms } = searchTopic(indexes, topic, "demand");
  const confident = matches.length > 0;
  const results = (confident ? matches : near).flatMap((hit) => {
    const demand = indexes.demands.get(hit.ref);
    return demand ? [demandResult(library, demand, terms, hit.relevance)] : [];
  });
  return { confident, results };
}
