import { type Corpus, findArticle } from "../knowledge/corpus.ts";
import type { Answer, Excerpt } from "./answer.ts";

/** An answer was about to show words that are not in the paragraph it cites: a bug, never shown. */
export class UnverifiedExcerptError extends Error {
  override name = "UnverifiedExcerptError";
}

function isVerified(corpus: Corpus, excerpt: Excerpt): boolean {
  const article = findArticle(corpus, excerpt.citation.article);
  const paragraph = article?.paragraphs[excerpt.citation.paragraph - 1];
  return (
    article !== undefined &&
    article.duplicateOf === undefined &&
    paragraph !== undefined &&
    excerpt.text.length > 0 &&
    paragraph.text.includes(excerpt.text)
  );
}

/**
 * The last gate before any front end: every excerpt of every answer must be an exact piece of the
 * paragraph it cites, in a primary article. Excerpts are built as slices of paragraphs, so this only
 * fails on a bug; it then throws (the front ends log it and apologise) rather than show the words.
 */
export function verifiedAnswer(corpus: Corpus, answer: Answer): Answer {
  for (const result of answer.results) {
    const excerpts = [...result.excerpts, ...(result.sections ?? []).flatMap((section) => section.excerpts)];
    const wrong = excerpts.find((excerpt) => !isVerified(corpus, excerpt));
    if (wrong) {
      throw new UnverifiedExcerptError(
        `excerpt of ${result.kind} ${result.id} is not verbatim in ${wrong.citation.article} ¶${wrong.citation.paragraph}`,
      );
    }
  }
  return answer;
}
