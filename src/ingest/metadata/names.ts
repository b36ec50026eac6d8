/**
 * Personal names as they appear in bylines and credit lines, and their normal written form.
 */

/** A capitalised name word: "Amy", "Kendall-Taylor", "O’Brien", "TRENIN". */
export const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;

const ONE_NAME = new RegExp(`^${NAME_WORD}(?: ${NAME_WORD}){0,3}$`, "u");

/** "DMITRI TRENIN" → "Dmitri Trenin"; names already in mixed case are left alone. */
export function normalizeNameCase(name: string): string {
  if (/\p{Ll}/u.test(name)) return name.trim();
  return name
    .trim()
    .toLowerCase()
    .replace(
      /(^|[\s'’-])(\p{L})/gu,
      (_match, before: string, letter: string) => before + letter.toUpperCase(),
    );
}

/**
 * "Isabelle Khurshudyan in Kyiv and Dan Lamothe in Washington" → the two names, places dropped.
 * Undefined when any part is not a name, so that prose is never mistaken for a list of people.
 */
export function splitNameList(list: string): string[] | undefined {
  const parts = list
    .trim()
    .split(/,\s*(?:and\s+)?|\s+and\s+|\s*&\s*/)
    .map((part) => part.replace(/\s+(?:in|from)\s+.*$/, "").trim())
    .filter((part) => part !== "");
  if (parts.length === 0 || !parts.every((part) => ONE_NAME.test(part))) return undefined;
  return parts.map(normalizeNameCase);
}

export function surnameOf(name: string): string {
  return name.trim().split(/\s+/).at(-1) ?? name;
}

/** Adds names not yet present; a surname alone ("Sonne") is the same person as a full name ending in it. */
export function mergeNames(into: ReadonlyArray<string>, more: ReadonlyArray<string>): string[] {
  const merged = [...into];
  for (const name of more) {
    const same = merged.findIndex(
      (known) => surnameOf(known).toLowerCase() === surnameOf(name).toLowerCase(),
    );
    if (same === -1) merged.push(name);
    else if (name.length > (merged[same] ?? "").length) merged[same] = name;
  }
  return merged;
}
