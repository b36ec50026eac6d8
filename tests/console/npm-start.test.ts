import { describe, expect, it } from "vitest";
import { NO_TOKEN_NOTICE } from "../../src/cli/start-dossier.ts";
import { childEnv, PROJECT_ROOT, runProcess } from "../cli/run-process.ts";

describe("npm start without a token", () => {
  it("says why, starts the offline console and answers a piped /ask", async () => {
    const { code, stdout, stderr } = await runProcess("npm", ["start"], {
      cwd: PROJECT_ROOT,
      env: childEnv(),
      input: "/ask why now?\n",
    });
    expect(stderr).not.toMatch(/Error/);
    expect(code).toBe(0);
    const notice = stdout.indexOf(NO_TOKEN_NOTICE);
    expect(notice).toBeGreaterThan(-1);
    for (const line of NO_TOKEN_NOTICE.split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    const answer = stdout.slice(notice + NO_TOKEN_NOTICE.length);
    expect(answer).toMatch(/^ {3}> .+/m);
    expect(answer).toMatch(/^ {5}— .+ · ¶\d+$/m);
  });
});
