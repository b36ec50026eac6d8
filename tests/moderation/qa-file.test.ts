import { appendFileSync, cpSync, readFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { loadConfig } from "../../src/config.ts";
import { checkKnowledgeDir } from "../../src/knowledge/load-corpus.ts";
import { addEntry } from "../../src/moderation/entry-actions.ts";
import { readEntryForm } from "../../src/moderation/entry-form.ts";
import { parseQaFile } from "../../src/moderation/qa-file.ts";
import { openSqliteQaStore } from "../../src/store/index.ts";
import {
  BALTIC_FORM,
  GUILD,
  KNOWLEDGE_DIR,
  MODERATOR,
  type ModerationWorld,
  openModerationWorld,
  tempDataDir,
} from "./fixtures/moderation-world.ts";

/** `dossier qa …` as the command line runs it, over the world's data folder and knowledge. */
function cliFor(world: ModerationWorld) {
  const out: string[] = [];
  const err: string[] = [];
  const io = { out: (line: string) => out.push(line), err: (line: string) => err.push(line) };
  const context = () => ({
    config: loadConfig({ DATA_DIR: world.dataDir }),
    corpus: world.corpus,
    dossier: world.dossier,
    logger: pino({ level: "silent" }),
  });
  const run = (args: string[]) => runCli(["qa", ...args], io, { context, knowledgeDir: KNOWLEDGE_DIR });
  return { run, out, err };
}

async function addTwoEntries(world: ModerationWorld): Promise<void> {
  for (const form of [
    BALTIC_FORM,
    // Its question's slug is also a curated id: the export must rename it.
    {
      ...BALTIC_FORM,
      question: "Why now?",
      citations: "What has changed is the sense of urgency felt in the Kremlin",
    },
  ]) {
    const reading = readEntryForm(form, world.corpus);
    if (!reading.ok) throw new Error(reading.problems.join(" "));
    await addEntry(world.moderation, GUILD, reading.content, MODERATOR);
  }
}

describe("dossier qa export / import", () => {
  let world: ModerationWorld;
  let scratch: { path: string; remove: () => void };
  beforeEach(() => {
    world = openModerationWorld();
    scratch = tempDataDir();
  });
  afterEach(async () => {
    await world.close();
    scratch.remove();
  });

  it("exports a server's entries as a file that passes knowledge:check when appended to qa.yaml", async () => {
    await addTwoEntries(world);
    await world.store.close();
    const { run, err } = cliFor(world);
    const file = join(scratch.path, "export.yaml");
    expect(await run(["export", "--out", file])).toBe(0);
    expect(err.join("\n")).toBe(`Wrote 2 entries of server ${GUILD} to ${file}.`);

    const knowledge = join(scratch.path, "knowledge");
    cpSync(KNOWLEDGE_DIR, knowledge, { recursive: true });
    const before = checkKnowledgeDir(knowledge).corpus.qa.length;
    appendFileSync(join(knowledge, "qa.yaml"), `\n${readFileSync(file, "utf8")}`);
    const { corpus, problems } = checkKnowledgeDir(knowledge);
    expect(problems).toEqual([]);
    expect(corpus.qa.length).toBe(before + 2);
    expect(corpus.qa.slice(-2).map((entry) => entry.question)).toEqual([BALTIC_FORM.question, "Why now?"]);
  });

  it("imports a file into a server once: running it again changes nothing", async () => {
    await addTwoEntries(world);
    const exported = await world.store.exportEntries(GUILD);
    await world.store.close();
    const exporter = cliFor(world);
    expect(await exporter.run(["export", "--guild", GUILD])).toBe(0);
    const file = join(scratch.path, "entries.yaml");
    appendFileSync(file, exporter.out.join("\n"));
    expect(parseQaFile(readFileSync(file, "utf8"), file)).toEqual(exported);

    const other = "200000000000000002";
    const { run, out } = cliFor(world);
    expect(await run(["import", "--guild", other, file])).toBe(0);
    expect(await run(["import", "--guild", other, file])).toBe(0);
    expect(out[0]).toMatch(/2 added, 0 updated, 0 unchanged/);
    expect(out[1]).toMatch(/0 added, 0 updated, 2 unchanged/);

    const reopened = openSqliteQaStore({ dataDir: world.dataDir, corpus: world.corpus });
    const history = await reopened.history(other, (await reopened.allActive(other))[0]?.id ?? "");
    await reopened.close();
    expect(history.map((r) => [r.action, r.actor])).toEqual([["import", "command-line"]]);
  });

  it("says there is nothing to export, and refuses a file that is not a list of entries", async () => {
    await world.store.close();
    const { run, err } = cliFor(world);
    expect(await run(["export"])).toBe(1);
    expect(err.at(-1)).toMatch(/^No server has active entries in this data folder/);
    const file = join(scratch.path, "bad.yaml");
    appendFileSync(file, "- id: x\n  question: Why?\n");
    expect(await run(["import", "--guild", GUILD, file])).toBe(1);
    expect(err.at(-1)).toMatch(/is not a list of Q&A entries in the qa.yaml format:\n.*: 0\.answer: /);
    expect(await run(["import", file])).toBe(2);
    expect(err.at(-1)).toMatch(/needs --guild <server id>\.\nUsage: dossier qa/);
  });
});
