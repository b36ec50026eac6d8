import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { childEnv, PROJECT_ROOT, runProcess } from "../cli/run-process.ts";
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

describe("the bundled bot between starts", () => {
  // Inside the project, where a bundle finds its packages and the project's root.
  let outdir = "";
  let data: ReturnType<typeof tempDir>;
  beforeEach(() => {
    mkdirSync(join(PROJECT_ROOT, "dist"), { recursive: true });
    outdir = mkdtempSync(join(PROJECT_ROOT, "dist", "kept-"));
    data = tempDir("kept-data");
  });
  afterEach(() => {
    rmSync(outdir, { recursive: true, force: true });
    data.remove();
  });

  const build = async () => {
    const built = await runProcess(
      process.execPath,
      [`${PROJECT_ROOT}src/build/bundle.mjs`, "--outdir", outdir],
      {
        cwd: PROJECT_ROOT,
      },
    );
    expect(built).toMatchObject({ code: 0, stderr: "" });
  };
  /** What the console answers, asked as a member asks. */
  const asked = ["/ask did the yanks say no", "/ask is lukashenko involved", "/who ryabkov"].join("\n");
  let answered: string | undefined;
  /**
   * Starts the offline console, which ends with its input; whether the knowledge was read as kept.
   * Every start answers as the first did.
   */
  const start = async () => {
    const { code, stdout, stderr } = await runProcess(process.execPath, [join(outdir, "main.js")], {
      cwd: PROJECT_ROOT,
      env: childEnv({ DATA_DIR: data.path, LOG_LEVEL: "debug" }),
      input: asked,
    });
    expect(code).toBe(0);
    expect(stdout).toContain("Ryabkov");
    answered ??= stdout;
    expect(stdout).toBe(answered);
    const loaded = stderr
      .split("\n")
      .filter((line) => line.startsWith("{"))
      .map((line) => JSON.parse(line) as { msg: string; cached?: boolean })
      .find((line) => line.msg === "knowledge loaded");
    return loaded?.cached;
  };

  it("reads the knowledge the start before verified and kept in DATA_DIR, until other code runs", async () => {
    await build();
    expect(await start()).toBe(false);
    expect(statSync(join(data.path, "knowledge.cache")).size).toBeGreaterThan(0);
    expect(await start()).toBe(true);
    // Built again from the same sources: the same code.
    await build();
    expect(await start()).toBe(true);
    // As if built from other sources (an upgrade): the knowledge is read and checked again.
    const { buildId } = JSON.parse(readFileSync(join(outdir, "build-inputs.json"), "utf8")) as {
      buildId: string;
    };
    const main = join(outdir, "main.js");
    writeFileSync(main, readFileSync(main, "utf8").replaceAll(buildId, "0".repeat(buildId.length)));
    expect(await start()).toBe(false);
    expect(await start()).toBe(true);
  });
});
