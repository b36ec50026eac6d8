import { GatewayCloseCodes, GatewayDispatchEvents, GatewayOpcodes } from "discord.js";
import type { WebSocket } from "ws";
import { z } from "zod";
import type { GatewaySession, GatewaySessions } from "./gateway-session.ts";
import { guildCreatePayload } from "./guild-create.ts";
import { type FakeWorld, shardOf } from "./world.ts";

const identifySchema = z.looseObject({
  token: z.string(),
  shard: z.tuple([z.number().int().min(0), z.number().int().min(1)]).optional(),
});
const resumeSchema = z.looseObject({
  token: z.string(),
  session_id: z.string(),
  seq: z.number().int().nullable(),
});

export interface HandshakeDeps {
  world: FakeWorld;
  /** When set, IDENTIFY with another token is refused with 4004, like a wrong token on Discord. */
  token: string | undefined;
  sessions: GatewaySessions;
  resumeUrl: () => string;
}

/** A non-dispatch frame; only dispatches carry a sequence number and an event name. */
export function sendControl(socket: WebSocket, op: GatewayOpcodes, d: unknown): void {
  socket.send(JSON.stringify({ op, d, s: null, t: null }));
}

/** IDENTIFY starts a new session: READY, then a GUILD_CREATE per guild, which is what discord.js waits for. */
export function identify(
  deps: HandshakeDeps,
  socket: WebSocket,
  existing: GatewaySession | undefined,
  d: unknown,
): GatewaySession | undefined {
  if (existing !== undefined) {
    socket.close(GatewayCloseCodes.AlreadyAuthenticated, "Already authenticated.");
    return existing;
  }
  const payload = identifySchema.safeParse(d);
  if (!payload.success || (deps.token !== undefined && payload.data.token !== deps.token)) {
    socket.close(GatewayCloseCodes.AuthenticationFailed, "Authentication failed.");
    return undefined;
  }
  const { world } = deps;
  const shard = payload.data.shard ?? [0, 1];
  if (shard[0] >= shard[1]) {
    socket.close(GatewayCloseCodes.InvalidShard, "Invalid shard.");
    return undefined;
  }
  // A shard hears only of its own guilds, and the client is ready once each has had its GUILD_CREATE.
  const guilds = world.guilds.filter((guild) => shardOf(guild.id, shard[1]) === shard[0]);
  const session = deps.sessions.create(shard);
  session.socket = socket;
  session.dispatch(GatewayDispatchEvents.Ready, {
    v: 10,
    user: world.botUser,
    guilds: guilds.map((guild) => ({ id: guild.id, unavailable: true })),
    session_id: session.id,
    resume_gateway_url: deps.resumeUrl(),
    shard,
    application: { id: world.applicationId, flags: 0 },
  });
  for (const guild of guilds)
    session.dispatch(GatewayDispatchEvents.GuildCreate, guildCreatePayload(world, guild));
  return session;
}

/** RESUME re-attaches a known session and replays what the client missed; anything else is op 9. */
export function resume(
  deps: HandshakeDeps,
  socket: WebSocket,
  existing: GatewaySession | undefined,
  d: unknown,
): GatewaySession | undefined {
  const payload = resumeSchema.safeParse(d);
  const session = payload.success ? deps.sessions.find(payload.data.session_id) : undefined;
  const sequence = payload.data?.seq;
  if (existing !== undefined || session === undefined || sequence == null || sequence > session.sequence) {
    sendControl(socket, GatewayOpcodes.InvalidSession, false);
    return existing;
  }
  session.resumeOn(socket, sequence);
  session.dispatch(GatewayDispatchEvents.Resumed, {});
  return session;
}
