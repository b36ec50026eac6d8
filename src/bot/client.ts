import { Client, GatewayIntentBits, Options, type RESTOptions } from "discord.js";
import type { Config } from "../config.ts";
import { NO_MENTIONS } from "../interaction/reply.ts";

/**
 * A client for a bot that only answers interactions. Interactions arrive with everything needed (the
 * member, their permissions, the channel), so the Guilds intent is enough and no member, message or
 * presence cache is kept. Guilds, channels and roles stay cached: discord.js documents that limiting
 * those managers breaks it. The bot's own member and user are kept, as discord.js reads them for
 * its own permission checks.
 */
export function createClient(
  config: Pick<Config, "discordApiUrl"> & Partial<Pick<Config, "shardCount">>,
  /** How HTTP requests are made; the fuzz harness answers them in process. */
  transport: Partial<Pick<RESTOptions, "makeRequest">> = {},
): Client {
  const isSelf = (entry: { id: string; client: Client }) => entry.id === entry.client.user?.id;
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...sharding(config.shardCount),
    allowedMentions: NO_MENTIONS,
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: isSelf },
      UserManager: { maxSize: 0, keepOverLimit: isSelf },
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      ThreadManager: 0,
      ThreadMemberManager: 0,
      VoiceStateManager: 0,
      GuildBanManager: 0,
      GuildInviteManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      EntitlementManager: 0,
    }),
    rest: {
      // discord.js reads no environment variable for its API address; the end-to-end tests set a local one.
      ...(config.discordApiUrl === undefined ? {} : { api: config.discordApiUrl }),
      ...transport,
    },
  });
}

/**
 * SHARD_COUNT: the client's own sharding, every shard a gateway connection of this one process, which
 * keeps one answer index and one store for all of them. "auto" takes Discord's recommended count
 * (required from 2,500 servers); unset is one shard.
 */
function sharding(shardCount: Config["shardCount"]): { shards?: "auto"; shardCount?: number } {
  if (shardCount === undefined) return {};
  return shardCount === "auto" ? { shards: "auto" } : { shardCount };
}
