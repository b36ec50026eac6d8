import type { Passage } from "./passages.ts";
import type { Citation } from "./types.ts";

/** The display citation of a passage: everything a reader needs to find the words themselves. */
export function citePassage(passage: Passage): Citation {
  const { article, paragraph } = passage;
  return {
    article: article.id,
    title: article.title,
    ...(article.outlet === undefined ? {} : { outlet: article.outlet }),
    authors: [...article.authors],
    ...(article.published === undefined ? {} : { published: article.published }),
    ...(article.url === undefined ? {} : { url: article.url }),
    paragraph: paragraph.n,
    ...(paragraph.section === undefined ? {} : { section: paragraph.section }),
  };
}
