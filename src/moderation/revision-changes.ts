import type { EntrySnapshot, Revision } from "../store/index.ts";
import { citationLine } from "./entry-form.ts";
import { type DiffLine, lineDiff } from "./line-diff.ts";

export type DiffedField = "question" | "answer" | "alternatives" | "citations";

export interface FieldChange {
  field: DiffedField;
  lines: DiffLine[];
}

/** One revision and what it changed compared with the one before (the first is compared with nothing). */
export interface RevisionChanges {
  revision: Revision;
  fields: FieldChange[];
  /** Set when this revision removed or restored the entry. */
  status?: { now: "removed"; reason?: string } | { now: "active" };
}

/**
 * An answer is usually one paragraph, so a line diff of it would always be "everything changed";
 * comparing sentence by sentence shows what a moderator actually rewrote.
 */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?…])\s+(?=\S)/u)
    .map((part) => part.trim())
    .filter((part) => part !== "");
}

function linesOf(snapshot: EntrySnapshot | undefined, field: DiffedField): string[] {
  if (snapshot === undefined) return [];
  switch (field) {
    case "question":
      return [snapshot.question];
    case "answer":
      return sentencesOf(snapshot.answer);
    case "alternatives":
      return snapshot.alternatives;
    case "citations":
      return snapshot.citations.map(citationLine);
  }
}

const FIELDS: readonly DiffedField[] = ["question", "answer", "alternatives", "citations"];

export function changesOf(before: EntrySnapshot | undefined, after: EntrySnapshot): FieldChange[] {
  return FIELDS.map((field) => ({
    field,
    lines: lineDiff(linesOf(before, field), linesOf(after, field)),
  })).filter((change) => change.lines.length > 0);
}

/** Every revision of an entry, oldest first, each with its diff against the previous one. */
export function revisionChanges(revisions: readonly Revision[]): RevisionChanges[] {
  const sorted = [...revisions].sort((a, b) => a.version - b.version);
  return sorted.map((revision, index) => {
    const previous = sorted[index - 1]?.snapshot;
    const after = revision.snapshot;
    const result: RevisionChanges = { revision, fields: changesOf(previous, after) };
    if (previous !== undefined && previous.status !== after.status) {
      result.status =
        after.status === "removed"
          ? { now: "removed", ...(after.removalReason === undefined ? {} : { reason: after.removalReason }) }
          : { now: "active" };
    }
    return result;
  });
}
