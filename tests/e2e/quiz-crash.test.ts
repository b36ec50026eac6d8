import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { QUIZ_ENDED } from "../../src/bot/quiz-games.ts";
import { loadConfig } from "../../src/config.ts";
import { deployCommands } from "../../src/deploy/deploy-commands.ts";
import { makeQuiz } from "../../src/quiz/make-quiz.ts";
import { TSX_LOADER } from "../cli/run-process.ts";
import {
  button,
  type FakeDiscord,
  isFollowUp,
  slashCommand,
  startFakeDiscord,
  succeeded,
} from "../fake-discord/index.ts";
import { shippedCorpus } from "../moderation/fixtures/moderation-world.ts";
import { BOT_TOKEN, pageButtonsOf, sent } from "./bot-harness.ts";

const BOT_PROCESS = new URL("./fixtures/quiz-bot-process.ts", import.meta.url).pathname;
const childMessage = z.object({ type: z.enum(["ready", "round-ended"]) });

interface BotProcess {
  child: ChildProcess;
  next(type: "ready" | "round-ended"): Promise<void>;
}

/** A bot process over `dataDir`, logged in to the fake once `next("ready")` resolves. */
function spawnBot(fake: FakeDiscord, dataDir: string): BotProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DISCORD_TOKEN: BOT_TOKEN,
    DISCORD_CLIENT_ID: fake.applicationId,
    DISCORD_GUILD_ID: fake.guildId,
    DISCORD_API_URL: fake.apiBase,
    DATA_DIR: dataDir,
    COOLDOWN_SECONDS: "0",
  };
  const child = spawn(process.execPath, ["--import", TSX_LOADER, BOT_PROCESS], {
    env,
    stdio: ["ignore", "ignore", "inherit", "ipc"],
  });
  const received: string[] = [];
  const waiting: Array<() => void> = [];
  child.on("message", (raw) => {
    received.push(childMessage.parse(raw).type);
    for (const wake of waiting.splice(0)) wake();
  });
  return {
    child,
    async next(type) {
      for (;;) {
        const at = received.indexOf(type);
        if (at >= 0) {
          received.splice(at, 1);
          return;
        }
        if (child.exitCode !== null) throw new Error(`the bot process exited (${child.exitCode})`);
        await new Promise<void>((wake) => waiting.push(wake));
      }
    },
  };
}

/**
 * Scores are written before a round's reveal is shown. A bot killed with SIGKILL between rounds (no
 * shutdown, no flush) therefore keeps every revealed round: the restarted bot's leaderboard has them.
 */
describe("quiz scores across a kill -9 of the bot between rounds", () => {
  let fake: FakeDiscord;
  let dataDir: string;
  const bots: BotProcess[] = [];

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: BOT_TOKEN });
    dataDir = mkdtempSync(join(tmpdir(), "dossier-quiz-crash-"));
    const config = loadConfig({
      DISCORD_TOKEN: BOT_TOKEN,
      DISCORD_CLIENT_ID: fake.applicationId,
      DISCORD_GUILD_ID: fake.guildId,
      DISCORD_API_URL: fake.apiBase,
    });
    await deployCommands(config, { io: { out: () => {}, err: () => {} } });
  });
  afterAll(async () => {
    for (const bot of bots) bot.child.kill("SIGKILL");
    await fake.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("keeps the revealed round's scores, and the new bot refuses the dead quiz's buttons", async () => {
    const first = spawnBot(fake, dataDir);
    bots.push(first);
    await first.next("ready");

    const start = fake.injectInteraction(
      slashCommand("quiz", { rounds: 3, seed: 99 }, { subcommand: "start" }),
    );
    const question = sent(await fake.waitForCallback(start.id));
    const right = makeQuiz(shippedCorpus(), { seed: 99, rounds: 3 })[0]?.answer ?? 0;
    const original = fake.interaction(start.id)?.original;
    const rightButton = pageButtonsOf(question)[right]?.custom_id ?? "";
    const answer = fake.injectInteraction(
      button(rightButton, { ...(original ? { message: original } : {}) }),
    );
    expect(sent(await fake.waitForCallback(answer.id)).content).toMatch(/^You answered/);

    first.child.send({ type: "end-round" });
    await first.next("round-ended");
    const followUps = isFollowUp(start.token);
    // The reveal of round 1, then the question of round 2: the quiz is between rounds.
    const reveal = await fake.waitForRequest((r) => followUps(r) && succeeded(r));
    expect(sent(reveal.body).embeds[0]?.fields?.[0]?.value).toBe(`<@${fake.tester.id}>`);
    const next = await fake.waitForRequest((r) => followUps(r) && succeeded(r), { since: reveal.index + 1 });
    expect(sent(next.body).embeds[0]?.title).toMatch(/^Question 2 of 3/);

    first.child.kill("SIGKILL");
    const [, signal] = await once(first.child, "exit");
    expect(signal).toBe("SIGKILL");

    const second = spawnBot(fake, dataDir);
    bots.push(second);
    await second.next("ready");
    const scores = fake.injectInteraction(slashCommand("quiz", {}, { subcommand: "scores" }));
    const board = sent(await fake.waitForCallback(scores.id)).embeds[0];
    expect(board?.fields?.find((field) => field.name === "All time")?.value).toBe(
      `1. <@${fake.tester.id}> · 1 right of 1`,
    );

    const stale = pageButtonsOf(sent(next.body))[0]?.custom_id ?? "";
    const late = fake.injectInteraction(button(stale));
    expect(sent(await fake.waitForCallback(late.id)).content).toBe(QUIZ_ENDED);
  });
});
