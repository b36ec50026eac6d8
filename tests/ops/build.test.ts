import { readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROJECT_ROOT, runProcess } from "../cli/run-process.ts";
import { tempDir } from "../store/fixtures/temp-dir.ts";

/** `npm start` bundles with --if-stale: a restart after no change starts at once, without esbuild. */
describe("the build npm start runs first", () => {
  let out: ReturnType<typeof tempDir>;
  beforeEach(() => {
    out = tempDir("build");
  });
  afterEach(() => out.remove());

  const build = () =>
    runProcess(
      process.execPath,
      [`${PROJECT_ROOT}src/build/bundle.mjs`, "--if-stale", "--outdir", out.path],
      {
        cwd: PROJECT_ROOT,
      },
    );
  // Every build writes a new file and renames it into place: a new inode is a new build.
  const builtAs = () => statSync(join(out.path, "main.js")).ino;

  it("builds when there is no bundle, skips an up-to-date one, rebuilds when a source differs", async () => {
    expect(await build()).toMatchObject({ code: 0, stderr: "" });
    const first = builtAs();
    const manifestFile = join(out.path, "build-inputs.json");
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as { inputs: Record<string, string> };
    expect(Object.keys(manifest.inputs)).toEqual(expect.arrayContaining(["src/main.ts", "src/cli.ts"]));

    expect(await build()).toMatchObject({ code: 0, stderr: "" });
    expect(builtAs()).toBe(first);

    // As if src/main.ts had been edited since: its recorded hash no longer matches.
    writeFileSync(
      manifestFile,
      JSON.stringify({ ...manifest, inputs: { ...manifest.inputs, "src/main.ts": "edited" } }),
    );
    expect(await build()).toMatchObject({ code: 0, stderr: "" });
    expect(builtAs()).not.toBe(first);
    expect(JSON.parse(readFileSync(manifestFile, "utf8"))).toEqual(manifest);
  });
});
