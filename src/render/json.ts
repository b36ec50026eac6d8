import { z } from "zod";
import type { Answer, ArticleSummary, Excerpt } from "../answer/answer.ts";

/**
 * The `--json` contract of every answer sub-command: each result's excerpts (then its labelled
 * sections') flattened in order, best first. The schema doubles as the documentation and the test oracle.
 */
export const jsonCitationSchema = z.strictObject({
  article: z.string().min(1),
  title: z.string().min(1),
  outlet: z.string().min(1).optional(),
  paragraph: z.number().int().positive(),
  url: z.url().optional(),
});

export const jsonAnswerSchema = z.strictObject({
  confident: z.boolean(),
  results: z.array(z.strictObject({ excerpt: z.string().min(1), citation: jsonCitationSchema })),
  /** A question asked of one article that it does not seem to cover: the results are the others'. */
  notCoveredBy: z.strictObject({ article: z.string().min(1) }).optional(),
});

export type JsonAnswer = z.infer<typeof jsonAnswerSchema>;

export function answerToJson(answer: Answer): JsonAnswer {
  const excerpts = answer.results.flatMap((result) => [
    ...result.excerpts,
    ...(result.sections ?? []).flatMap((section) => section.excerpts),
  ]);
  const { notCoveredBy } = answer;
  return {
    confident: answer.confident,
    results: excerpts.map(excerptToJson),
    ...(notCoveredBy === undefined ? {} : { notCoveredBy: { article: notCoveredBy.article } }),
  };
}

function excerptToJson(excerpt: Excerpt): JsonAnswer["results"][number] {
  const { article, title, outlet, paragraph, url } = excerpt.citation;
  return {
    excerpt: excerpt.text,
    citation: {
      article,
      title,
      ...(outlet === undefined ? {} : { outlet }),
      paragraph,
      ...(url === undefined ? {} : { url }),
    },
  };
}

export function formatJson(value: unknown): string {
  return JSON.stringify(value, null, 2);
}

/** `source --json` is metadata, not an answer: `{ "articles": [...] }`, one entry when an id is given. */
export const jsonSourcesSchema = z.strictObject({
  articles: z.array(
    z.strictObject({
      id: z.string().min(1),
      title: z.string().min(1),
      subtitle: z.string().optional(),
      outlet: z.string().optional(),
      authors: z.array(z.string()),
      contributors: z.array(z.string()).optional(),
      credits: z.array(z.string()).optional(),
      published: z.string().optional(),
      url: z.url().optional(),
      paragraphs: z.number().int().nonnegative(),
      duplicateOf: z.string().optional(),
    }),
  ),
});

export type JsonSources = z.infer<typeof jsonSourcesSchema>;

export function sourcesToJson(sources: ReadonlyArray<ArticleSummary>): JsonSources {
  return {
    articles: sources.map(
      ({
        id,
        title,
        subtitle,
        outlet,
        authors,
        contributors,
        credits,
        published,
        url,
        paragraphs,
        duplicateOf,
      }) => ({
        id,
        title,
        subtitle,
        outlet,
        authors: [...authors],
        contributors: contributors && [...contributors],
        credits: credits && [...credits],
        published,
        url,
        paragraphs,
        duplicateOf,
      }),
    ),
  };
}
