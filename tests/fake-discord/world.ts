import { type APIGuildMember, type APIUser, PermissionFlagsBits } from "discord.js";
import type { SnowflakeFactory } from "./snowflakes.ts";

/** A server the bot is in, with its one text channel. */
export interface FakeGuild {
  id: string;
  name: string;
  channelId: string;
}

/**
 * Everything the fake pretends exists: one bot, one guild with one text channel (more guilds when a
 * test asks, for sharding), one human to click things.
 */
export interface FakeWorld {
  applicationId: string;
  botUser: APIUser;
  guildId: string;
  guildName: string;
  channelId: string;
  /** Every guild, the one above first. */
  guilds: FakeGuild[];
  /** The member who runs commands unless a test says otherwise; also the guild's owner. */
  tester: APIUser;
  /** When the bot joined; fixed, so payloads are identical from run to run. */
  joinedAt: string;
}

/** What an ordinary member may do in the channel: read, write, use commands. */
export const MEMBER_PERMISSIONS =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.AttachFiles |
  PermissionFlagsBits.UseApplicationCommands;

/** The bot's permissions in the channel, sent as `app_permissions` with every interaction. */
export const APP_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.SendMessagesInThreads;

export function createWorld(nextId: SnowflakeFactory, guildName = "Study Group", guildCount = 1): FakeWorld {
  // A modern bot's application id and its bot user id are the same snowflake.
  const applicationId = nextId();
  const first = { id: nextId(), name: guildName, channelId: nextId() };
  // Each further guild is created a millisecond later than the one before: the timestamp bits of
  // its id, which Discord shards by (id >> 22 modulo the shard count), are one apart.
  const guilds = [first];
  for (let n = 1; n < guildCount; n++) {
    const id = (BigInt(first.id) + (BigInt(n) << 22n)).toString();
    guilds.push({ id, name: `${guildName} ${n + 1}`, channelId: nextId() });
  }
  return {
    applicationId,
    botUser: user(applicationId, "dossier", "Dossier", true),
    guildId: first.id,
    guildName,
    channelId: first.channelId,
    guilds,
    tester: user(nextId(), "tester", "Tester", false),
    joinedAt: new Date(Date.UTC(2024, 0, 1)).toISOString(),
  };
}

/** discord-api-types models flag fields as enums without a zero member, but "no flags" is what Discord sends. */
export function noFlags<Flags extends number>(): Flags {
  return 0 as Flags;
}

function user(id: string, username: string, globalName: string, bot: boolean): APIUser {
  return { id, username, global_name: globalName, discriminator: "0", avatar: null, bot };
}

export function guildMember(world: FakeWorld, member: APIUser): APIGuildMember {
  return {
    user: member,
    roles: [],
    joined_at: world.joinedAt,
    deaf: false,
    mute: false,
    flags: noFlags(),
    nick: null,
    avatar: null,
    banner: null,
  };
}

/** The shard a guild's events travel on: Discord's (guild_id >> 22) % shard_count. */
export function shardOf(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}
