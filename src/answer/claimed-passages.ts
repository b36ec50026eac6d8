import type { AnswerResult, Excerpt } from "./types.ts";

const keyOf = (excerpt: Excerpt) => `${excerpt.citation.article}#${excerpt.citation.paragraph}`;

/**
 * Keeps one answer from showing the same paragraph twice: a result keeps only excerpts from
 * paragraphs no earlier result has shown, and is dropped when none are left.
 */
export class ClaimedPassages {
  private readonly claimed = new Set<string>();

  /** Whether the passage "article#n" has been shown already (checked before building a result). */
  has(ref: string): boolean {
    return this.claimed.has(ref);
  }

  take(result: AnswerResult): AnswerResult | undefined {
    const fresh = (excerpts: Excerpt[]) => excerpts.filter((excerpt) => !this.claimed.has(keyOf(excerpt)));
    const excerpts = fresh(result.excerpts);
    if (excerpts.length === 0) return undefined;
    const sections = result.sections
      ?.map((section) => ({ ...section, excerpts: fresh(section.excerpts) }))
      .filter((section) => section.excerpts.length > 0);
    for (const excerpt of excerpts) this.claimed.add(keyOf(excerpt));
    for (const section of sections ?? [])
      for (const excerpt of section.excerpts) this.claimed.add(keyOf(excerpt));
    const { sections: _dropped, ...rest } = result;
    return sections && sections.length > 0 ? { ...rest, excerpts, sections } : { ...rest, excerpts };
  }
}
