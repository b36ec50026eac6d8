import type { Corpus } from "../knowledge/corpus.ts";
import type { QaContent } from "./qa-records.ts";
import { validateEntry } from "./validate-entry.ts";

export type ImportValidation =
  | { ok: true; items: Array<{ content: QaContent; questionKey: string }> }
  | { ok: false; problems: string[] };

/**
 * Checks a whole import before anything is written. A question already in the guild is not a
 * problem here (the import updates it), but the same question twice in one file is.
 */
export function validateImport(entries: ReadonlyArray<unknown>, corpus: Corpus): ImportValidation {
  const items: Array<{ content: QaContent; questionKey: string }> = [];
  const problems: string[] = [];
  const firstByKey = new Map<string, number>();
  entries.forEach((entry, index) => {
    const label = `Entry ${index + 1}${describeId(entry)}`;
    const result = validateEntry(entry, { corpus, findGuildQuestion: () => undefined });
    if (!result.ok) {
      problems.push(...result.problems.map((problem) => `${label}: ${problem}`));
      return;
    }
    const earlier = firstByKey.get(result.questionKey);
    if (earlier !== undefined) {
      problems.push(`${label}: it asks the same question as entry ${earlier + 1}: keep one of them.`);
      return;
    }
    firstByKey.set(result.questionKey, index);
    items.push({ content: result.content, questionKey: result.questionKey });
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, items };
}

function describeId(entry: unknown): string {
  return typeof entry === "object" && entry !== null && "id" in entry && typeof entry.id === "string"
    ? ` ("${entry.id}")`
    : "";
}
