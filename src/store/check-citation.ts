import { type Corpus, findArticle, primaryArticles } from "../knowledge/corpus.ts";
import type { Citation } from "../knowledge/schema.ts";
import { isVerbatimIn } from "../text/fold.ts";
import { formatLocation, locateExcerpt, preview } from "./locate-excerpt.ts";
import { visibleText } from "./question-key.ts";

function primaryIds(corpus: Corpus): string {
  return primaryArticles(corpus)
    .map((article) => article.id)
    .join(", ");
}

/**
 * Why a citation cannot be accepted, as a sentence that says how to fix it; undefined when the
 * excerpt is word for word in the cited paragraph of a primary article.
 */
export function citationProblem(corpus: Corpus, citation: Citation): string | undefined {
  const article = findArticle(corpus, citation.article);
  if (!article) {
    return `There is no article "${citation.article}": use one of ${primaryIds(corpus)}.`;
  }
  if (article.duplicateOf !== undefined) {
    return `"${article.id}" republishes ${article.duplicateOf} and is never quoted: cite ${article.duplicateOf} instead.`;
  }
  const paragraph = article.paragraphs[citation.paragraph - 1];
  if (!paragraph) {
    return `${article.id} has no ¶${citation.paragraph}: its paragraphs are ¶1 to ¶${article.paragraphs.length}.`;
  }
  if (isVerbatimIn(citation.excerpt, paragraph.text)) return undefined;

  const quoted = `"${preview(citation.excerpt)}"`;
  const elsewhere = locateExcerpt(corpus, citation.excerpt);
  if (elsewhere.length > 0) {
    return `The excerpt ${quoted} is not in ${article.id} ¶${paragraph.n} but in ${elsewhere.map(formatLocation).join(", ")}: correct the reference.`;
  }
  const invisible =
    visibleText(citation.excerpt) !== citation.excerpt.trim()
      ? " It contains invisible characters (such as zero-width spaces): type or paste it again."
      : "";
  return `The excerpt ${quoted} is not word for word in ${article.id} ¶${paragraph.n}: copy it exactly (only spaces and quote marks may differ).${invisible}`;
}
