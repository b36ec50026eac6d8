import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { decode } from "fast-png";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { runConsole } from "../../src/console/run-console.ts";
import { captureIo } from "./capture-io.ts";
import { shippedContext } from "./shipped-context.ts";

/** `timeline --png file` in the CLI and `/timeline png:file` in the console write the bot's picture. */
describe("the timeline picture from the terminal", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "dossier-png-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("dossier timeline --png writes a PNG and says so after the listing", async () => {
    const file = join(dir, "timeline.png");
    const capture = captureIo();
    const code = await runCli(["timeline", "--from", "2014", "--to", "2019", "--png", file], capture.io, {
      context: shippedContext,
    });
    expect(code).toBe(0);
    expect(capture.stdout()).toMatch(/Russia annexes Crimea/);
    expect(capture.stdout()).toMatch(/Timeline picture \(1200×\d+ PNG\) written to .*timeline\.png\.$/);
    const image = decode(readFileSync(file));
    expect(image.width).toBe(1200);
  });

  it("keeps stdout one JSON document with --json: the sentence goes to stderr", async () => {
    const file = join(dir, "t.png");
    const capture = captureIo();
    await runCli(["timeline", "--png", file, "--json"], capture.io, { context: shippedContext });
    expect(() => JSON.parse(capture.stdout())).not.toThrow();
    expect(capture.stderr()).toMatch(/written to/);
    expect(decode(readFileSync(file)).height).toBeGreaterThan(600);
  });

  it("says in a sentence when the file cannot be written", async () => {
    const capture = captureIo();
    const code = await runCli(["timeline", "--png", join(dir, "missing", "t.png")], capture.io, {
      context: shippedContext,
    });
    expect(code).not.toBe(0);
    expect(capture.stderr()).toMatch(/^Could not write the picture to .* \(its folder does not exist\)/);
  });

  it("the console takes png: on /timeline", async () => {
    const file = join(dir, "console.png");
    const capture = captureIo();
    const input = Readable.from([`/timeline from:2021-12 png:${file}\n`]);
    await runConsole(shippedContext(), { input, io: capture.io });
    expect(capture.stdout()).toMatch(/written to/);
    expect(decode(readFileSync(file)).width).toBe(1200);
  });
});
