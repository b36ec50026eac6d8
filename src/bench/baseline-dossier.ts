import MiniSearch from "minisearch";
import type { Citation } from "../answer/answer.ts";
import type { Dossier } from "../answer/dossier.ts";
import type { Corpus } from "../knowledge/corpus.ts";
import { primaryArticles } from "../knowledge/corpus.ts";

const SHOWN = 5;

/**
 * The benchmark's baseline: MiniSearch with its default options over the same passages (whole
 * paragraphs, so its "excerpts" are generous), behind the Dossier interface so the evaluation's own
 * scoring judges it by the same hit rule. It has no notion of "not covered": any hit is confident.
 */
export function baselineDossier(corpus: Corpus): Dossier {
  const passages = primaryArticles(corpus).flatMap((article) =>
    article.paragraphs.map((p) => ({
      id: `${article.id}#${p.n}`,
      text: p.text,
      citation: {
        article: article.id,
        title: article.title,
        outlet: article.outlet,
        authors: article.authors,
        paragraph: p.n,
      } satisfies Citation,
    })),
  );
  const index = new MiniSearch<{ id: string; text: string }>({ fields: ["text"] });
  index.addAll(passages.map(({ id, text }) => ({ id, text })));
  const byId = new Map(passages.map((p) => [p.id, p]));
  const unsupported = (): never => {
    throw new Error("The MiniSearch baseline only answers ask().");
  };
  return {
    ask(question) {
      const hits = index.search(question).slice(0, SHOWN);
      const results = hits.flatMap((hit) => {
        const passage = byId.get(String(hit.id));
        if (passage === undefined) return [];
        const excerpt = { text: passage.text, highlights: [], citation: passage.citation };
        return [{ kind: "passage" as const, id: passage.id, excerpts: [excerpt], score: hit.score }];
      });
      return { confident: results.length > 0, results };
    },
    demands: unsupported,
    quotes: unsupported,
    timeline: unsupported,
    who: unsupported,
    sources: unsupported,
    source: unsupported,
    detailsAsked: () => undefined,
    evidence: unsupported,
    suggest: unsupported,
    upsertGuildQa: unsupported,
    removeGuildQa: unsupported,
    warmUp: async () => 0,
  };
}
