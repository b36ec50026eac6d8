import { InteractionResponseType } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { startBot } from "../../src/bot/start-bot.ts";
import { loadConfig } from "../../src/config.ts";
import { createLogger } from "../../src/create-context.ts";
import { slashCommand, startFakeDiscord } from "../fake-discord/index.ts";
import { shardOf } from "../fake-discord/world.ts";
import { BOT_TOKEN, captureLogs, realCorpus, realDossier, sent } from "./bot-harness.ts";

/**
 * SHARD_COUNT against a fake Discord that recommends two shards and has the bot in two guilds, one
 * on each: the real client opens one gateway connection per shard, and each guild's interactions
 * arrive on its own shard.
 */
describe("gateway mode with two shards", () => {
  it.each(["auto", "2"])(
    "with SHARD_COUNT=%s identifies both shards, logs one line each, and answers each guild on its shard",
    async (shardCount) => {
      const fake = await startFakeDiscord({ token: BOT_TOKEN, guilds: 2, shards: 2 });
      const { logs, stream } = captureLogs();
      const config = loadConfig({
        DISCORD_TOKEN: BOT_TOKEN,
        DISCORD_CLIENT_ID: fake.applicationId,
        DISCORD_API_URL: fake.apiBase,
        SHARD_COUNT: shardCount,
        COOLDOWN_SECONDS: "0",
      });
      const bot = await startBot({
        config,
        corpus: realCorpus(),
        dossier: realDossier(),
        logger: createLogger("info", stream),
        commands,
      });
      try {
        const identified = fake.gateway.stats.identifiedShards.map((shard) => shard.join("/"));
        expect(identified.sort()).toEqual(["0/2", "1/2"]);
        const shardLines = logs.filter((line) => /^shard \d of 2 ready$/.test(line.msg));
        expect(shardLines.map((line) => line.shardId).sort()).toEqual([0, 1]);
        expect(logs.find((line) => line.msg === "Dossier is online")).toMatchObject({ guilds: 2, shards: 2 });

        const guilds = [fake.guildId, ...fake.otherGuildIds];
        expect(guilds.map((guildId) => shardOf(guildId, 2))).toEqual([0, 1]);
        for (const guildId of guilds) {
          const { id } = fake.injectInteraction(slashCommand("ask", { question: "Why now?" }, { guildId }));
          const callback = await fake.waitForCallback(id);
          expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
          expect(sent(callback).content).toBe("**Asked:** Why now?");
          expect(fake.gateway.stats.dispatches.at(-1)).toEqual({
            event: "INTERACTION_CREATE",
            shard: shardOf(guildId, 2),
          });
        }
      } finally {
        await bot.stop();
        await fake.close();
      }
    },
  );
});
