import { type Corpus, primaryArticles } from "../knowledge/corpus.ts";
import { isVerbatimIn } from "../text/fold.ts";

export interface ExcerptLocation {
  article: string;
  paragraph: number;
}

/** Every paragraph of the primary articles that contains `excerpt` word for word. */
export function locateExcerpt(corpus: Corpus, excerpt: string): ExcerptLocation[] {
  const locations: ExcerptLocation[] = [];
  for (const article of primaryArticles(corpus)) {
    for (const paragraph of article.paragraphs) {
      if (isVerbatimIn(excerpt, paragraph.text))
        locations.push({ article: article.id, paragraph: paragraph.n });
    }
  }
  return locations;
}

export function formatLocation(location: ExcerptLocation): string {
  return `${location.article} ¶${location.paragraph}`;
}

/** The start of a long text, for quoting it back in a message without flooding it. */
export function preview(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}
