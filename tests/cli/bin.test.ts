import { describe, expect, it } from "vitest";
import { jsonAnswerSchema } from "../../src/render/json.ts";
import { childEnv, PROJECT_ROOT, runProcess } from "./run-process.ts";

describe("bin/dossier.js", () => {
  it("runs the TypeScript sources without a build, from any directory", async () => {
    const { code, stdout } = await runProcess(
      process.execPath,
      [`${PROJECT_ROOT}bin/dossier.js`, "who", "Putin", "--json"],
      {
        cwd: new URL("../", import.meta.url).pathname,
        env: childEnv(),
      },
    );
    expect(code).toBe(0);
    expect(jsonAnswerSchema.parse(JSON.parse(stdout)).results.length).toBeGreaterThan(0);
  });

  it("sets the exit code", async () => {
    const { code, stderr } = await runProcess(
      process.execPath,
      [`${PROJECT_ROOT}bin/dossier.js`, "nonsense"],
      {
        cwd: PROJECT_ROOT,
        env: childEnv(),
      },
    );
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "nonsense"');
  });
});
