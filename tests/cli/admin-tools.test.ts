import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/run-cli.ts";
import { DEFAULT_KNOWLEDGE_DIR } from "../../src/create-context.ts";
import { BOT_TOKEN } from "../e2e/bot-harness.ts";
import { startFakeDiscord } from "../fake-discord/index.ts";
import { captureIo } from "./capture-io.ts";

const SEEDS = new URL("../ingest/fixtures/seeds/", import.meta.url).pathname;

async function run(args: string[], options: Parameters<typeof runCli>[2]) {
  const capture = captureIo();
  const code = await runCli(args, capture.io, options);
  return { code, stdout: capture.stdout(), stderr: capture.stderr() };
}

describe("dossier ingest", () => {
  let knowledgeDir: string;
  beforeEach(() => {
    knowledgeDir = mkdtempSync(join(tmpdir(), "dossier-ingest-"));
    cpSync(join(DEFAULT_KNOWLEDGE_DIR, "articles"), join(knowledgeDir, "articles"), { recursive: true });
  });
  afterEach(() => rmSync(knowledgeDir, { recursive: true, force: true }));

  it("prints the cleaned article for review and writes nothing without --write", async () => {
    const shipped = readFileSync(join(DEFAULT_KNOWLEDGE_DIR, "articles", "trenin-2021-12-28.md"), "utf8");
    const { code, stdout, stderr } = await run(["ingest", join(SEEDS, "004_95f13696c3a8c6c8.txt")], {
      knowledgeDir,
    });
    expect(code).toBe(0);
    expect(stdout).toBe(shipped);
    expect(stderr).toContain("18 paragraphs; proposed file knowledge/articles/trenin-2021-12-28.md");
    expect(stderr).toContain("run again with --write");
  });

  it("reports a republication", async () => {
    const { code, stderr } = await run(["ingest", join(SEEDS, "002_61458c739062b77d.txt")], { knowledgeDir });
    expect(code).toBe(0);
    expect(stderr).toContain("republication of trenin-2021-12-28");
  });

  it("writes a new article with --write, and never replaces an existing one", async () => {
    rmSync(join(knowledgeDir, "articles", "npr-2022-01-12.md"));
    const raw = join(SEEDS, "001_f856d5b9408bc9eb.txt");
    const first = await run(["ingest", raw, "--id", "npr-2022-01-12", "--write"], { knowledgeDir });
    expect(first.code).toBe(0);
    // The question bank's template follows, one key per paragraph, for the moderator to fill in.
    expect(first.stdout).toContain("knowledge/question-bank/npr-2022-01-12.txt: 3–36 ways members might ask");
    expect(first.stdout).toContain("\n\n¶1\n# MOSCOW — First U.S.");
    expect(first.stdout).toMatch(/\n¶15\n# .*…\n\nAnd add/);
    // And where to list what a reader of it would ask that no article answers.
    expect(first.stdout).toContain(
      "\nAnd add to knowledge/not-covered.txt questions a reader of it would ask",
    );
    expect(readFileSync(join(knowledgeDir, "articles", "npr-2022-01-12.md"), "utf8")).toBe(
      readFileSync(join(DEFAULT_KNOWLEDGE_DIR, "articles", "npr-2022-01-12.md"), "utf8"),
    );
    const again = await run(["ingest", raw, "--id", "npr-2022-01-12", "--write"], { knowledgeDir });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("already exists");
  });

  it("gives a clear sentence for a missing file and a bad id", async () => {
    const missing = await run(["ingest", join(knowledgeDir, "nope.txt")], { knowledgeDir });
    expect(missing).toMatchObject({
      code: 1,
      stderr: `There is no file at ${join(knowledgeDir, "nope.txt")}.`,
    });
    const badId = await run(["ingest", join(SEEDS, "000_6dcbb61e600b0099.txt"), "--id", "Bad Id"], {
      knowledgeDir,
    });
    expect(badId.code).toBe(1);
    expect(badId.stderr).toContain('--id "Bad Id"');
    expect(existsSync(join(knowledgeDir, "articles", "bad-id.md"))).toBe(false);
  });
});

describe("dossier deploy-commands and invite", () => {
  it("registers the commands on the configured server of a (fake) Discord", async () => {
    const fake = await startFakeDiscord({ token: BOT_TOKEN });
    try {
      const env = {
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_GUILD_ID: fake.guildId,
        DISCORD_API_URL: fake.apiBase,
      };
      const { code, stdout } = await run(["deploy-commands"], { env });
      expect(code).toBe(0);
      expect(stdout).toContain(`on server ${fake.guildId}`);
      expect(fake.commandRegistrations.map((registration) => registration.scope)).toEqual([
        { kind: "guild", guildId: fake.guildId },
      ]);
      expect(stdout).not.toContain(BOT_TOKEN);
    } finally {
      await fake.close();
    }
  });

  it("explains what is missing without a token", async () => {
    const { code, stderr } = await run(["deploy-commands"], { env: {} });
    expect(code).toBe(1);
    expect(stderr).toMatch(/DISCORD_TOKEN/);
  });

  it("prints an invite link with the bot and applications.commands scopes", async () => {
    const { code, stdout } = await run(["invite"], { env: { DISCORD_CLIENT_ID: "123456789012345678" } });
    expect(code).toBe(0);
    const url = new URL(stdout);
    expect(url.searchParams.get("client_id")).toBe("123456789012345678");
    expect(url.searchParams.get("scope")).toBe("bot applications.commands");
    const missing = await run(["invite"], { env: {} });
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.stderr).toContain("DISCORD_CLIENT_ID");
  });

  it("invite needs only the client id, and says what to do with the link", async () => {
    const { code, stdout, stderr } = await run(["invite"], {
      env: { DISCORD_CLIENT_ID: "123456789012345678", DISCORD_TOKEN: "Bot not-a-token", LOG_LEVEL: "loud" },
    });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^https:\/\/discord\.com\/oauth2\/authorize\?/);
    expect(stderr).toContain("Open this link in a browser");
    expect(stderr).toContain("View Channels, Send Messages, Embed Links");
    expect(stderr).toContain("dossier deploy-commands");
  });

  it("deploy-commands reports every configuration problem it needs fixed, at once", async () => {
    const { code, stderr } = await run(["deploy-commands"], {
      env: { DISCORD_TOKEN: "Bot x.y.z", DISCORD_CLIENT_ID: "abc", COOLDOWN_SECONDS: "soon" },
    });
    expect(code).toBe(1);
    expect(stderr.split("\n")).toEqual([
      "The configuration has 2 problems (in .env or the environment):",
      'DISCORD_TOKEN must be the token alone, without the "Bot " prefix.',
      'DISCORD_CLIENT_ID must be a Discord id (17–20 digits); got "abc".',
    ]);
  });
});
