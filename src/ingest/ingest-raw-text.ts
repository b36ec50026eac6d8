import {
  type Article,
  type ArticleMeta,
  articleMetaSchema,
  idSchema,
  type Paragraph,
} from "../knowledge/schema.ts";
import type { IngestNote } from "./block.ts";
import { cleanText } from "./clean-text.ts";
import { extractMetadata } from "./metadata/extract.ts";
import { type IdSource, proposeId, uniqueId } from "./proposed-id.ts";
import { mostSimilarArticle, REPUBLICATION_THRESHOLD, type SimilarArticle } from "./similarity.ts";

/** A problem the admin can fix, worded to say how. */
export class IngestError extends Error {
  override name = "IngestError";
}

export interface IngestOptions {
  /** File name of the raw text, recorded as the article's `source`. */
  sourceName: string;
  /** Articles already in the knowledge base, for republication detection and free ids. */
  existing: ReadonlyArray<Article>;
  /** Chosen by the admin instead of the proposed id. */
  id?: string;
  /** Chosen by the admin when the text has no headline. */
  title?: string;
}

export interface IngestReport {
  proposedId: string;
  /** What each rule removed, merged or rewrote, in order, for review before the file is written. */
  notes: IngestNote[];
  /** The existing article closest to this text, with the share of the text found in it. */
  mostSimilar?: SimilarArticle;
  warnings: string[];
}

export interface IngestResult {
  meta: ArticleMeta;
  paragraphs: Paragraph[];
  duplicateOf?: string;
  report: IngestReport;
}

/**
 * Candidates for "this republishes X": originals only (a republication's own original is the real
 * match) and never an earlier cleaning of the same raw file.
 */
function originalsOtherThan(existing: ReadonlyArray<Article>, sourceName: string): Article[] {
  return existing.filter((article) => article.duplicateOf === undefined && article.source !== sourceName);
}

/** The admin's `--id` when given (it must be a valid id), else a proposal no other article holds. */
function chooseId(options: IngestOptions, meta: IdSource, warnings: string[]) {
  const taken = new Set(
    options.existing.filter((article) => article.source !== options.sourceName).map((article) => article.id),
  );
  const proposedId = uniqueId(proposeId(meta), taken);
  if (options.id === undefined) return { id: proposedId, proposedId };
  if (!idSchema.safeParse(options.id).success) {
    throw new IngestError(
      `--id "${options.id}": ids are lowercase words joined by hyphens, e.g. ${proposedId}`,
    );
  }
  if (taken.has(options.id)) warnings.push(`the id ${options.id} is already used by another article`);
  return { id: options.id, proposedId };
}

export function ingestRawText(raw: string, options: IngestOptions): IngestResult {
  const cleaned = cleanText(raw);
  if (cleaned.paragraphs.length === 0) {
    throw new IngestError(
      `${options.sourceName}: no paragraphs are left after cleaning; is this an article?`,
    );
  }
  const warnings: string[] = [];
  const extracted = extractMetadata(cleaned.front, cleaned.notes);
  const candidates = originalsOtherThan(options.existing, options.sourceName);
  const mostSimilar = mostSimilarArticle(
    cleaned.paragraphs.map((paragraph) => paragraph.text),
    candidates,
  );
  const duplicateOf =
    mostSimilar && mostSimilar.containment >= REPUBLICATION_THRESHOLD ? mostSimilar.article : undefined;
  const original = candidates.find((article) => article.id === duplicateOf);

  // A republication printed without its headline carries the original's: it is the same article.
  const title = options.title ?? extracted.title ?? original?.title;
  if (title === undefined) {
    throw new IngestError(`${options.sourceName}: the text has no headline; give one with --title "…".`);
  }
  if (extracted.title === undefined && options.title === undefined && original) {
    warnings.push(`no headline in the text: the title of ${original.id}, which it republishes, is used`);
  }

  const { id, proposedId } = chooseId(options, { ...extracted, title }, warnings);

  // Fields the text does not give are left out, not written as empty values.
  const meta = articleMetaSchema.parse({
    id,
    title,
    ...(extracted.subtitle === undefined ? {} : { subtitle: extracted.subtitle }),
    ...(extracted.outlet === undefined ? {} : { outlet: extracted.outlet }),
    authors: extracted.authors,
    ...(extracted.contributors.length === 0 ? {} : { contributors: extracted.contributors }),
    ...(extracted.credits.length === 0 ? {} : { credits: extracted.credits }),
    ...(extracted.published === undefined ? {} : { published: extracted.published }),
    ...(extracted.url === undefined ? {} : { url: extracted.url }),
    ...(duplicateOf === undefined ? {} : { duplicateOf }),
    source: options.sourceName,
  });
  const paragraphs = cleaned.paragraphs.map((paragraph, index) => ({ n: index + 1, ...paragraph }));
  return {
    meta,
    paragraphs,
    ...(duplicateOf === undefined ? {} : { duplicateOf }),
    report: { proposedId, notes: cleaned.notes, ...(mostSimilar ? { mostSimilar } : {}), warnings },
  };
}
