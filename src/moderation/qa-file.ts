import { CORE_SCHEMA, load as parseYaml, dump as stringifyYaml } from "js-yaml";
import { type QaEntry, qaFileSchema } from "../knowledge/schema.ts";
import { UserError } from "../user-error.ts";

/**
 * Moderators' entries as a knowledge file: the knowledge/qa.yaml format, so an export can be reviewed
 * and appended to qa.yaml to promote entries to every server, and a qa.yaml-shaped file can be
 * imported into one server.
 */

/** A top-level YAML list with no document marker, so it can be appended to qa.yaml as it is. */
export function formatQaFile(entries: readonly QaEntry[], comment: string): string {
  const header = comment
    .split("\n")
    .map((line) => `# ${line}`.trimEnd())
    .join("\n");
  // lineWidth 0: long excerpts stay on one line, as in the curated files, rather than being folded.
  const body = entries.length === 0 ? "[]\n" : stringifyYaml(entries, { lineWidth: -1, schema: CORE_SCHEMA });
  return `${header}\n\n${body}`;
}

/** Reads a qa.yaml-shaped file; each problem names the entry and field, as knowledge:check does. */
export function parseQaFile(text: string, fileName: string): QaEntry[] {
  let data: unknown;
  try {
    data = parseYaml(text);
  } catch (error) {
    const first = (error instanceof Error ? error.message : String(error)).split("\n")[0];
    throw new UserError("qa-file-yaml", `${fileName} is not valid YAML: ${first}`);
  }
  const parsed = qaFileSchema.safeParse(data ?? []);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.slice(0, 10).map((issue) => {
    const where = issue.path.length === 0 ? "the file" : issue.path.join(".");
    return `${fileName}: ${where}: ${issue.message}`;
  });
  throw new UserError(
    "qa-file-invalid",
    [`${fileName} is not a list of Q&A entries in the qa.yaml format:`, ...problems].join("\n"),
  );
}
