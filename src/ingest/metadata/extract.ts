import type { IngestNote } from "../block.ts";
import type { Front } from "../rules/front.ts";
import { bioName, bioSentence } from "./bio-sentence.ts";
import { creditNames, parseByline } from "./credits.ts";
import { dateFromUrl } from "./dates.ts";
import { mergeNames, normalizeNameCase, surnameOf } from "./names.ts";
import { outletFromCopyright, outletFromMasthead, outletFromMoreFrom, outletFromUrl } from "./outlet.ts";

/**
 * Metadata comes only from what the text itself says, read from the lines the cleaner set aside
 * (masthead, byline, bio, credits, source line, copyright, link lists). A field the text does not
 * give stays empty.
 */
export interface ExtractedMeta {
  title?: string;
  subtitle?: string;
  outlet?: string;
  authors: string[];
  contributors: string[];
  /** The biographies and credit lines, word for word, in the order the text gives them. */
  credits: string[];
  published?: string;
  url?: string;
}

function textsOf(notes: ReadonlyArray<IngestNote>, rule: string): string[] {
  return notes.filter((note) => note.rule === rule && note.action === "removed").map((note) => note.text);
}

function firstDefined<T>(values: ReadonlyArray<T | undefined>): T | undefined {
  return values.find((value) => value !== undefined);
}

export function extractMetadata(front: Front, notes: ReadonlyArray<IngestNote>): ExtractedMeta {
  // The headline and deck are the story's words, not statements about it.
  const removed = notes
    .filter((note) => note.action === "removed" && note.rule !== "title" && note.rule !== "subtitle")
    .map((note) => note.text);
  const url = firstDefined(textsOf(notes, "source-line").map((text) => /https?:\/\/\S+/.exec(text)?.[0]));
  const bylines = textsOf(notes, "byline").flatMap((text) => parseByline(text) ?? []);
  const credits = textsOf(notes, "credit-line").map(creditNames);

  let authors = mergeNames(
    [],
    bylines.flatMap((byline) => byline.authors),
  );
  authors = mergeNames(authors, removed.flatMap((text) => bioName(text) ?? []).map(normalizeNameCase));
  authors = mergeNames(
    authors,
    credits.flatMap((credit) => credit.authors),
  );
  const authorSurnames = new Set(authors.map((name) => surnameOf(name).toLowerCase()));
  const contributors = mergeNames(
    [],
    credits.flatMap((credit) => credit.contributors),
  ).filter((name) => !authorSurnames.has(surnameOf(name).toLowerCase()));

  const outlet = firstDefined([
    front.masthead === undefined ? undefined : outletFromMasthead(front.masthead),
    ...removed.map(outletFromMoreFrom),
    url === undefined ? undefined : outletFromUrl(url),
    ...textsOf(notes, "copyright").map(outletFromCopyright),
  ]);
  const published = firstDefined([...bylines.map((byline) => byline.published), url && dateFromUrl(url)]);
  const credited = notes.flatMap((note) => {
    if (note.action !== "removed" || note.rule === "title" || note.rule === "subtitle") return [];
    if (note.rule === "credit-line") return [note.text.trim()];
    return bioSentence(note.text) ?? [];
  });

  return {
    ...(front.title === undefined ? {} : { title: front.title }),
    ...(front.subtitle === undefined ? {} : { subtitle: front.subtitle }),
    ...(outlet === undefined ? {} : { outlet }),
    authors,
    contributors,
    credits: [...new Set(credited)],
    ...(published ? { published } : {}),
    ...(url === undefined ? {} : { url }),
  };
}
