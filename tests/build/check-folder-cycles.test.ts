import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const CHECKER = fileURLToPath(new URL("../../src/build/check-folder-cycles.mjs", import.meta.url));
const PROJECT = fileURLToPath(new URL("../../", import.meta.url));

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

/** A project folder holding `files` (path → text). */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "folder-cycles-"));
  folders.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

function check(root: string) {
  const run = spawnSync(process.execPath, [CHECKER, root], { encoding: "utf8" });
  return { status: run.status, lines: run.stderr.split("\n").filter((line) => line !== "") };
}

describe("check-folder-cycles (npm run lint)", () => {
  it("refuses two folders that import each other, naming the import that closes the cycle", () => {
    const root = project({
      "src/search/index.ts": 'import type { Corpus } from "../knowledge/corpus.ts";\nexport const x = 1;\n',
      "src/knowledge/corpus.ts":
        'import {\n  x,\n} from "../search/index.ts";\nexport interface Corpus { x: typeof x }\n',
    });
    expect(check(root)).toEqual({
      status: 1,
      lines: [
        'Import cycle between folders: src/knowledge → src/search → src/knowledge; closed by src/search/index.ts:1 importing "../knowledge/corpus.ts".',
      ],
    });
  });

  it("counts commands/ as one folder, files directly in src/ each as their own, and dynamic imports", () => {
    const root = project({
      "commands/ask.ts": 'import { reply } from "../src/bot/reply.ts";\nexport const ask = reply;\n',
      "src/bot/reply.ts": "export const reply = 1;\n",
      "src/bot/router.ts": 'export const load = () => import("../context.ts");\n',
      "src/context.ts": 'import { ask } from "../commands/ask.ts";\nexport const ctx = ask;\n',
    });
    expect(check(root)).toEqual({
      status: 1,
      lines: [
        'Import cycle between folders: commands → src/bot → src/context.ts → commands; closed by src/context.ts:1 importing "../commands/ask.ts".',
      ],
    });
  });

  it("says one line per cycle", () => {
    const root = project({
      "src/a/a.ts": 'export * from "../b/b.ts";\n',
      "src/b/b.ts": 'import "../a/a.ts";\n',
      "src/c/c.ts": 'export { d } from "../d/d.ts";\n',
      "src/d/d.ts": 'import { c } from "../c/c.ts";\nexport const d = c;\n',
    });
    const { status, lines } = check(root);
    expect(status).toBe(1);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^Import cycle between folders: src\/a → src\/b → src\/a;/);
    expect(lines[1]).toMatch(/^Import cycle between folders: src\/c → src\/d → src\/c;/);
  });

  it("accepts imports that go one way, and ignores packages and words in comments", () => {
    const root = project({
      "src/answer/ask.ts":
        'import { z } from "zod";\nimport { load } from "../knowledge/load.ts";\nexport const ask = [z, load];\n',
      "src/knowledge/load.ts": '// the answer "../answer/ask.ts" reads this\nexport const load = 1;\n',
    });
    expect(check(root)).toEqual({ status: 0, lines: [] });
  });

  it("finds no cycle in this project", () => {
    expect(check(PROJECT)).toEqual({ status: 0, lines: [] });
  });
});
