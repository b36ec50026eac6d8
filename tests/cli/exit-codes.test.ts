import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/create-context.ts";
import { UserError } from "../../src/user-error.ts";
import { captureIo } from "./capture-io.ts";
import { shippedContext } from "./shipped-context.ts";

async function run(args: string[], options: Parameters<typeof runCli>[2] = { context: shippedContext }) {
  const capture = captureIo();
  const code = await runCli(args, capture.io, options);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

function userErrorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof UserError) return error.message;
  }
  throw new Error("expected a UserError");
}

describe("exit codes", () => {
  it("a UserError prints its sentence on stderr and exits 1", async () => {
    const { dossier } = shippedContext();
    const empty = await run(["ask"]);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toBe(userErrorOf(() => dossier.ask("")));
    expect(empty.stdout).toBe("");

    const unknownSpeaker = await run(["quote", "--speaker", "Napoleon"]);
    expect(unknownSpeaker.code).toBe(1);
    expect(unknownSpeaker.stderr).toBe(userErrorOf(() => dossier.quotes({ speaker: "Napoleon" })));
  });

  it("an unknown article id is a UserError naming the articles", async () => {
    const { code, stderr } = await run(["source", "no-such-article"]);
    expect(code).toBe(1);
    expect(stderr).toContain('"no-such-article"');
    for (const source of shippedContext().dossier.sources()) expect(stderr).toContain(source.id);
  });

  it("an unknown sub-command exits 2 with the usage", async () => {
    const { code, stderr } = await run(["frobnicate"]);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "frobnicate"');
    expect(stderr).toContain("Usage: dossier <command>");
  });

  it("an unknown option or a missing option value exits 2 with the sub-command's usage", async () => {
    const unknown = await run(["ask", "why", "--colour"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--colour");
    expect(unknown.stderr).toContain("Usage: dossier ask");
    const missing = await run(["timeline", "--from"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--from");
  });

  it("help lists every sub-command and exits 0", async () => {
    const { code, stdout } = await run(["help"]);
    expect(code).toBe(0);
    for (const name of [
      "ask",
      "demand",
      "quote",
      "timeline",
      "who",
      "source",
      "console",
      "knowledge:check",
      "eval",
      "fit-confidence",
      "bench",
    ]) {
      expect(stdout).toMatch(new RegExp(`^  ${name}\\b`, "m"));
    }
    const one = await run(["ask", "--help"]);
    expect(one.code).toBe(0);
    expect(one.stdout).toContain("Usage: dossier ask <question…>");
  });

  it("builds its own context from the environment when none is given", async () => {
    const { code, stdout } = await run(["who", "Putin"], { env: {} });
    expect(code).toBe(0);
    expect(stdout).toContain("¶");
  });

  it("a malformed configuration variable is a UserError", async () => {
    const { code, stderr } = await run(["who", "Putin"], { env: { LOG_LEVEL: "loud" } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^LOG_LEVEL must be one of/);
  });
});

describe("fit-confidence", () => {
  it("fits on the folder's tuned sets, never a held-out one, and prints the model to paste", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dossier-fit-"));
    try {
      const set = (prefix: string) =>
        JSON.stringify([
          { id: `${prefix}-1`, question: "why now?", gold: ["What has changed is the sense of urgency"] },
          { id: `${prefix}-2`, question: "what did ryabkov say about guarantees", gold: ["ironclad"] },
          { id: `${prefix}-3`, question: "did russia end up invading ukraine", gold: [] },
        ]);
      writeFileSync(join(dir, "dev.json"), set("dev"));
      writeFileSync(join(dir, "holdout.json"), set("held"));
      const { code, stdout } = await run(["fit-confidence", dir]);
      expect(code).toBe(0);
      expect(stdout).toMatch(/^Fitted on \d+ of 3 tuned questions/);
      expect(stdout).toContain("export const CONFIDENCE_MODEL: ConfidenceModel = {");
      const missing = await run(["fit-confidence", join(dir, "nowhere")]);
      expect(missing.code).toBe(1);
      expect(missing.stderr).toMatch(/^Cannot read the folder .*: give the folder of the evaluation sets\.$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("knowledge:check", () => {
  it("passes on the shipped knowledge", async () => {
    const { code, stdout } = await run(["knowledge:check"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^knowledge:check: ok/);
  });

  it("fails with the problem when an excerpt is not in its paragraph", async () => {
    const dir = mkdtempSync(join(tmpdir(), "dossier-cli-"));
    try {
      cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
      writeFileSync(
        join(dir, "qa.yaml"),
        "- id: wrong\n  question: Is this cited?\n  answer: No.\n  citations:\n    - article: npr-2022-01-12\n      paragraph: 1\n      excerpt: words that are not there\n",
      );
      const { code, stderr } = await run(["knowledge:check", dir]);
      expect(code).toBe(1);
      expect(stderr).toContain("wrong");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
