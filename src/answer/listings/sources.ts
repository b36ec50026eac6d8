import type { Article } from "../../knowledge/schema.ts";
import type { ArticleSummary } from "../answer.ts";

/** An article's metadata for /source; a republication is listed with what it duplicates. */
export function summarizeArticle(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    ...(article.subtitle === undefined ? {} : { subtitle: article.subtitle }),
    ...(article.outlet === undefined ? {} : { outlet: article.outlet }),
    authors: [...article.authors],
    ...(article.published === undefined ? {} : { published: article.published }),
    ...(article.url === undefined ? {} : { url: article.url }),
    paragraphs: article.paragraphs.length,
    ...(article.duplicateOf === undefined ? {} : { duplicateOf: article.duplicateOf }),
  };
}
