import { UserError } from "../errors.ts";
import { type Corpus, findArticle, primaryArticles } from "../knowledge/corpus.ts";

/** The article id to filter on, checked: unknown ids and republications are the user's to fix. */
export function checkArticleFilter(corpus: Corpus, article: string | undefined): string | undefined {
  if (article === undefined || article.trim() === "") return undefined;
  const id = article.trim().toLowerCase();
  const found = findArticle(corpus, id);
  if (found?.duplicateOf) {
    throw new UserError(
      "republished-article",
      `"${found.id}" republishes "${found.duplicateOf}"; choose "${found.duplicateOf}" instead.`,
    );
  }
  if (!found) {
    const known = primaryArticles(corpus)
      .map((a) => a.id)
      .join(", ");
    throw new UserError(
      "unknown-article",
      `There is no article "${article.trim().slice(0, 60)}". Choose one of: ${known}.`,
    );
  }
  return found.id;
}
