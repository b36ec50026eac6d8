import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lineDiff } from "../../src/moderation/line-diff.ts";
import { revisionChanges } from "../../src/moderation/revision-changes.ts";
import type { EntrySnapshot, Revision } from "../../src/store/index.ts";

/** Length of a longest common subsequence, computed independently of the implementation. */
function lcsLength(a: readonly string[], b: readonly string[]): number {
  const memo = new Map<string, number>();
  const go = (i: number, j: number): number => {
    if (i === a.length || j === b.length) return 0;
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const value = a[i] === b[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1));
    memo.set(key, value);
    return value;
  };
  return go(0, 0);
}

describe("line diff", () => {
  it("shows only what changed, removals before the additions that replace them", () => {
    expect(lineDiff(["a", "b", "c"], ["a", "B", "c", "d"])).toEqual([
      { op: "-", text: "b" },
      { op: "+", text: "B" },
      { op: "+", text: "d" },
    ]);
    expect(lineDiff([], ["new"])).toEqual([{ op: "+", text: "new" }]);
    expect(lineDiff(["same"], ["same"])).toEqual([]);
  });

  it("is minimal: it removes and adds only what the longest common subsequence leaves, in order", () => {
    const lines = fc.array(fc.constantFrom("a", "b", "c", "d"), { maxLength: 12 });
    fc.assert(
      fc.property(lines, lines, (before, after) => {
        const diff = lineDiff(before, after);
        const removed = diff.filter((line) => line.op === "-").map((line) => line.text);
        const added = diff.filter((line) => line.op === "+").map((line) => line.text);
        const common = lcsLength(before, after);
        expect(removed).toHaveLength(before.length - common);
        expect(added).toHaveLength(after.length - common);
        expect(isSubsequence(removed, before)).toBe(true);
        expect(isSubsequence(added, after)).toBe(true);
      }),
    );
  });
});

function isSubsequence(part: readonly string[], whole: readonly string[]): boolean {
  let i = 0;
  for (const line of whole) if (line === part[i]) i++;
  return i === part.length;
}

const base: EntrySnapshot = {
  question: "Why now?",
  alternatives: ["why the urgency"],
  answer: "Russia's grievances are old. What changed is the urgency.",
  citations: [{ article: "fp-mackinnon", paragraph: 3, excerpt: "What has changed is the sense of urgency" }],
  status: "active",
};
const revision = (version: number, action: Revision["action"], snapshot: EntrySnapshot): Revision => ({
  guildId: "1",
  entryId: "why-now",
  version,
  action,
  actor: "300000000000000001",
  at: `2022-01-10T09:00:0${version}.000Z`,
  snapshot,
});

describe("revision changes", () => {
  it("diffs each version against the one before: the add against nothing, an edit by sentence, a removal by status", () => {
    const edited = {
      ...base,
      answer: "Russia's grievances are old. Experts point to Ukraine's Western ties.",
    };
    const removed: EntrySnapshot = { ...edited, status: "removed", removalReason: "outdated" };
    const changes = revisionChanges([
      revision(3, "remove", removed),
      revision(1, "add", base),
      revision(2, "edit", edited),
    ]);

    expect(changes.map((c) => c.revision.version)).toEqual([1, 2, 3]);
    expect(changes[0]?.fields.map((f) => f.field)).toEqual([
      "question",
      "answer",
      "alternatives",
      "citations",
    ]);
    expect(changes[1]?.fields).toEqual([
      {
        field: "answer",
        lines: [
          { op: "-", text: "What changed is the urgency." },
          { op: "+", text: "Experts point to Ukraine's Western ties." },
        ],
      },
    ]);
    expect(changes[2]).toMatchObject({ fields: [], status: { now: "removed", reason: "outdated" } });
  });
});
