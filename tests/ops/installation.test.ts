import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Writable } from "node:stream";
import { stripVTControlCharacters } from "node:util";
import { describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { createLogger } from "../../src/create-context.ts";
import { DOSSIER_VERSION, nodeVersionProblem, PROJECT_ROOT } from "../../src/installation.ts";
import { captureIo } from "../cli/capture-io.ts";

describe("the installation", () => {
  it("is found from the code, and knows its release", () => {
    const manifest = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as {
      version: string;
    };
    expect(DOSSIER_VERSION).toBe(manifest.version);
  });

  it("dossier --version prints the release and the Node.js running it", async () => {
    const capture = captureIo();
    expect(await runCli(["--version"], capture.io, { env: {} })).toBe(0);
    expect(capture.stdout()).toBe(`dossier ${DOSSIER_VERSION} (Node.js ${process.versions.node})`);
  });

  it("refuses a Node.js older than package.json's engines, in one sentence", () => {
    expect(nodeVersionProblem("20.19.0")).toBeUndefined();
    expect(nodeVersionProblem("22.1.0")).toBeUndefined();
    expect(nodeVersionProblem("20.18.3")).toBe(
      "Dossier needs Node.js 20.19 or later and this is 20.18.3: install a current LTS release (https://nodejs.org), then run npm ci again.",
    );
    expect(nodeVersionProblem("18.20.4")).toMatch(/^Dossier needs Node\.js 20\.19 or later/);
  });
});

describe("logs", () => {
  function logTo(isTTY: boolean) {
    let written = "";
    const stream = Object.assign(
      new Writable({
        write(chunk, _encoding, done) {
          written += String(chunk);
          done();
        },
      }),
      { isTTY },
    );
    const logger = createLogger("info", stream);
    logger.info({ token: "s3cr3t", guilds: 2 }, "Dossier is online");
    return written;
  }

  it("are JSON lines for a service manager or a file", () => {
    const line = JSON.parse(logTo(false)) as Record<string, unknown>;
    expect(line).toMatchObject({ level: 30, msg: "Dossier is online", guilds: 2, token: "[redacted]" });
  });

  it("are readable lines on a terminal, secrets still redacted", () => {
    const text = stripVTControlCharacters(logTo(true));
    expect(text).toMatch(/INFO.*: Dossier is online\n/);
    expect(text).toContain("guilds: 2");
    expect(text).not.toContain("s3cr3t");
    expect(() => JSON.parse(text)).toThrow();
  });
});
