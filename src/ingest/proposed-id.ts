import { idSchema } from "../knowledge/schema.ts";
import { surnameOf } from "./metadata/names.ts";

/**
 * A stable id from the metadata: `<author surname>-<date>`, else `<outlet>-<surname>`, else
 * `<outlet>-<date>`, else words of the title. An admin may always choose another with `--id`.
 */

/** Newsroom short names that the initials would get wrong. */
const CONVENTIONAL_SHORT_NAMES: ReadonlyMap<string, string> = new Map([
  ["the washington post", "wapo"],
  ["the new york times", "nyt"],
  ["the wall street journal", "wsj"],
]);

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export function outletShortName(outlet: string): string {
  const conventional = CONVENTIONAL_SHORT_NAMES.get(outlet.trim().toLowerCase());
  if (conventional !== undefined) return conventional;
  const words = slugify(outlet)
    .split("-")
    .filter((word) => word !== "" && word !== "the");
  if (words.length <= 1) return words[0] ?? "article";
  return words.map((word) => word.charAt(0)).join("");
}

export interface IdSource {
  title: string;
  outlet?: string;
  authors: ReadonlyArray<string>;
  published?: string;
}

export function proposeId(meta: IdSource): string {
  const first = meta.authors[0];
  const surname = first ? slugify(surnameOf(first)) : "";
  const outlet = meta.outlet ? outletShortName(meta.outlet) : "";
  const candidates = [
    surname && meta.published ? `${surname}-${meta.published}` : "",
    outlet && surname ? `${outlet}-${surname}` : "",
    outlet && meta.published ? `${outlet}-${meta.published}` : "",
    slugify(meta.title).split("-").slice(0, 6).join("-"),
  ];
  return candidates.find((candidate) => idSchema.safeParse(candidate).success) ?? "article";
}

/** Adds -2, -3… when another article already holds the id. */
export function uniqueId(id: string, taken: ReadonlySet<string>): string {
  if (!taken.has(id)) return id;
  let suffix = 2;
  while (taken.has(`${id}-${suffix}`)) suffix += 1;
  return `${id}-${suffix}`;
}
