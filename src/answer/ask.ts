import { UserError } from "../errors.ts";
import type { AnswerContext } from "./answer-context.ts";
import { checkArticleFilter } from "./article-filter.ts";
import { ClaimedPassages } from "./claimed-passages.ts";
import type { AskOptions } from "./dossier.ts";
import { passageResult } from "./entry-results.ts";
import { resultOfHit } from "./hit-result.ts";
import { orderExcerpts } from "./order-excerpts.ts";
import {
  CONFIDENT_COVERAGE,
  QA_FIRST_COVERAGE,
  type RankedHit,
  RELATIVE_COVERAGE_FLOOR,
  rankHits,
} from "./ranking.ts";
import { hasNoWords, readQuestion } from "./read-question.ts";
import { relevantTerms } from "./relevant-terms.ts";
import type { Answer, AnswerResult } from "./types.ts";

const DEFAULT_LIMIT = 5;
const MAX_LIMIT = 25;
/** Suggestions offered when the articles do not cover a question. */
const SUGGESTIONS = 3;
/**
 * A curated answer keeps its (few) citations; a demand or event cited by many passages shows only
 * its most relevant ones, leaving room for the other results.
 */
const MAX_EXCERPTS = { qa: 3, other: 2 };
/** Hits looked at for matched terms; the rest are too weak to matter. */
const HITS_FOR_TERMS = 20;

function limitOf(limit: number | undefined): number {
  if (limit === undefined || !Number.isFinite(limit)) return DEFAULT_LIMIT;
  return Math.min(MAX_LIMIT, Math.max(1, Math.floor(limit)));
}

/** The best Q&A entry first when it covers the question well; then everything else by relevance. */
function answerOrder(hits: RankedHit[]): RankedHit[] {
  const curated = hits.find((hit) => hit.kind === "qa" && hit.coverage >= QA_FIRST_COVERAGE);
  return curated ? [curated, ...hits.filter((hit) => hit !== curated)] : hits;
}

export function ask(context: AnswerContext, question: string, options: AskOptions = {}): Answer {
  const text = readQuestion(question);
  if (hasNoWords(text)) {
    throw new UserError("no-words", "Ask in words, for example: Why does Russia oppose NATO expansion?");
  }
  const article = checkArticleFilter(context.corpus, options.article);
  const limit = limitOf(options.limit);
  const { analyzer, statistics } = context.index;
  const plan = analyzer.query(text, { prefixLastWord: true });
  const found = context.index.search(plan, { guildId: options.guildId, article });
  // The best covering hit decides, even when a looser one outranks it on raw score.
  const bestCoverage = found.reduce((best, hit) => Math.max(best, hit.coverage), 0);
  const confident = bestCoverage >= CONFIDENT_COVERAGE;
  // A confident answer shows only hits near the best coverage; suggestions are passages only.
  const hits = rankHits(
    found.filter((hit) =>
      confident ? hit.coverage >= bestCoverage * RELATIVE_COVERAGE_FLOOR : hit.kind === "passage",
    ),
  );
  const terms = relevantTerms(plan, hits.slice(0, HITS_FOR_TERMS), statistics);
  const analyzeWord = (word: string) => analyzer.indexTerms(word);
  const inArticle = (result: AnswerResult): AnswerResult =>
    article === undefined
      ? result
      : { ...result, excerpts: result.excerpts.filter((excerpt) => excerpt.citation.article === article) };

  const claimed = new ClaimedPassages();
  const results: AnswerResult[] = [];
  if (!confident) {
    for (const hit of hits) {
      const passage = claimed.has(hit.ref) ? undefined : context.library.get(hit.ref);
      const result = passage && claimed.take(passageResult(passage, terms, hit.relevance));
      if (result) results.push(result);
      if (results.length >= Math.min(limit, SUGGESTIONS)) break;
    }
    return { confident: false, results };
  }
  for (const hit of answerOrder(hits)) {
    if (hit.kind === "passage" && claimed.has(hit.ref)) continue;
    const built = resultOfHit(context, hit, terms);
    if (!built) continue;
    const max = built.kind === "qa" ? MAX_EXCERPTS.qa : MAX_EXCERPTS.other;
    const result = claimed.take(orderExcerpts(inArticle(built), terms, analyzeWord, max));
    if (result) results.push(result);
    if (results.length >= limit) break;
  }
  return { confident: true, results };
}
