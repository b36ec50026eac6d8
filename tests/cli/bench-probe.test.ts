import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { type ProbeRequest, probeResultSchema } from "../../src/bench/probe-protocol.ts";
import { childEnv, PROJECT_ROOT, runProcess, TSX_LOADER } from "./run-process.ts";

const folder = mkdtempSync(join(tmpdir(), "dossier-probe-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("the bench's probe", () => {
  it("times a question the bot refuses as chat like any other: the refusal is its reply", {
    timeout: 120_000,
  }, async () => {
    // A held-out set may hold chat such as "thanks bot", which ask() refuses with a UserError.
    const questions = join(folder, "questions.json");
    writeFileSync(
      questions,
      JSON.stringify([
        { id: "chat", question: "thanks bot", gold: [] },
        { id: "why-now", question: "why is russia doing this now", gold: ["why now"] },
      ]),
    );
    const request: ProbeRequest = {
      engine: "dossier",
      scale: 1,
      knowledgeDir: join(PROJECT_ROOT, "knowledge"),
      knowledgeCache: { file: join(folder, "knowledge-cache"), codeVersion: "test" },
      queries: { questionsFile: questions, heldOutFiles: [questions], warmupRounds: 1, rounds: 1 },
    };
    const { code, stdout, stderr } = await runProcess(
      process.execPath,
      ["--import", TSX_LOADER, "src/bench/probe.ts", JSON.stringify(request)],
      { cwd: PROJECT_ROOT, env: childEnv() },
    );
    expect(code, stderr).toBe(0);
    const result = probeResultSchema.parse(JSON.parse(stdout.trim().split("\n").at(-1) ?? ""));
    expect(result.queries?.latenciesMs).toHaveLength(2);
    expect(result.queries?.heldOut?.latenciesMs).toHaveLength(2);
    expect(result.queries?.heldOut?.unanswerableFlagged).toBe(1);
  });
});
