import { expect } from "vitest";
import type { Answer } from "../../src/answer/answer.ts";
import type { Corpus } from "../../src/knowledge/corpus.ts";
import { findArticle } from "../../src/knowledge/corpus.ts";
import { UserError } from "../../src/user-error.ts";

/**
 * What every answer must satisfy: each excerpt is the exact characters of the paragraph it cites
 * (of a primary article), is not cut inside a word, and its highlights fall within it.
 */
export function expectVerbatimEvidence(corpus: Corpus, answer: Answer): void {
  for (const result of answer.results) {
    const excerpts = [...result.excerpts, ...(result.sections ?? []).flatMap((section) => section.excerpts)];
    for (const excerpt of excerpts) {
      const article = findArticle(corpus, excerpt.citation.article);
      expect(article?.duplicateOf, `${excerpt.citation.article} is a republication`).toBeUndefined();
      const paragraph = article?.paragraphs[excerpt.citation.paragraph - 1]?.text ?? "";
      const at = paragraph.indexOf(excerpt.text);
      expect(
        at,
        `"${excerpt.text}" is not in ${excerpt.citation.article} ¶${excerpt.citation.paragraph}`,
      ).toBeGreaterThanOrEqual(0);
      expect(excerpt.text.trim().length).toBeGreaterThan(0);
      const before = paragraph[at - 1] ?? " ";
      const after = paragraph[at + excerpt.text.length] ?? " ";
      expect(/[\p{L}\p{N}]/u.test(before) && /[\p{L}\p{N}]/u.test(excerpt.text[0] ?? "")).toBe(false);
      expect(/[\p{L}\p{N}]/u.test(after) && /[\p{L}\p{N}]/u.test(excerpt.text.at(-1) ?? "")).toBe(false);
      for (const highlight of excerpt.highlights) {
        expect(highlight.start).toBeGreaterThanOrEqual(0);
        expect(highlight.end).toBeLessThanOrEqual(excerpt.text.length);
        expect(highlight.start).toBeLessThan(highlight.end);
      }
    }
  }
}

/** No two results of one answer show the same paragraph. */
export function expectNoSharedPassage(answer: Answer): void {
  const seen = new Map<string, string>();
  for (const result of answer.results) {
    const places = new Set(result.excerpts.map((e) => `${e.citation.article}#${e.citation.paragraph}`));
    for (const place of places) {
      expect(seen.get(place), `${place} shown by ${seen.get(place)} and ${result.id}`).toBeUndefined();
      seen.set(place, result.id);
    }
  }
}

/** The UserError an action throws; anything else thrown (a bug) fails the test as it is. */
export function userErrorOf(action: () => unknown): UserError {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
  throw new Error("expected a UserError");
}
