import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/answer.ts";
import { demandResult, eventResult, qaResult } from "../../src/answer/excerpts/entry-results.ts";
import {
  type ExcerptWeigher,
  excerptWeigher,
  orderExcerpts,
} from "../../src/answer/excerpts/order-excerpts.ts";
import { buildPassageLibrary } from "../../src/answer/excerpts/passages.ts";
import { readEvaluationFile } from "../../src/eval/questions-file.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { createAnalyzer } from "../../src/search/analyzer.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);
const analyzer = createAnalyzer(corpus.synonyms);
const library = buildPassageLibrary(corpus, analyzer);
const questions = readEvaluationFile(new URL("../eval/dev.json", import.meta.url).pathname);

describe("the one excerpt an answer shows of an entry citing several paragraphs", () => {
  it("is the one cutting all its citations and ordering them finds", () => {
    let compared = 0;
    let tied = 0;
    for (const { question } of questions) {
      // Weights whose sums depend on the order they are added in, as the answer's own do: two
      // excerpts showing the same terms then weigh equal only up to their last bits.
      const terms = new Map(
        analyzer
          .query(question)
          .terms.map((term) => [term.term, term.weight * ([0.1, 0.2, 0.3, 0.7][term.term.length % 4] ?? 1)]),
      );
      const weigher = excerptWeigher(terms, analyzer.indexTerms);
      const builds: Array<(weigher?: ExcerptWeigher) => AnswerResult> = [
        ...corpus.qa.map((entry) => (w?: ExcerptWeigher) => qaResult(library, entry, terms, 1, undefined, w)),
        ...corpus.timeline.map((event) => (w?: ExcerptWeigher) => eventResult(library, event, terms, 1, w)),
        ...corpus.demands.map(
          (demand) => (w?: ExcerptWeigher) => demandResult(library, demand, terms, 1, false, w),
        ),
      ];
      for (const build of builds) {
        const every = build();
        if (every.excerpts.length < 2) continue;
        const weights = every.excerpts.map(weigher.weigh).sort((a, b) => b - a);
        if (Math.abs((weights[0] as number) - (weights[1] as number)) < 1e-9) tied++;
        expect(build(weigher).excerpts).toEqual(orderExcerpts(every, terms, analyzer.indexTerms, 1).excerpts);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(1000);
    expect(tied).toBeGreaterThan(100);
  });
});
