import type { APIUser } from "discord.js";
import type { FakeClock } from "./clock.ts";
import type { CommandRegistration } from "./commands.ts";
import type { FaultSpec, PendingRequestPredicate } from "./faults.ts";
import type { FakeGateway } from "./gateway.ts";
import type { InteractionPayload } from "./interaction-payload.ts";
import type { InjectedInteraction } from "./interaction-registry.ts";
import type { InteractionSeed } from "./interactions.ts";
import type { RecordedRequest, RequestPredicate, RequestWaitOptions } from "./request-log.ts";

/** The public face of the fake: what a test gets from `startFakeDiscord`. */

export interface FakeDiscordOptions {
  /** When set, REST and the gateway accept only this bot token. */
  token?: string;
  /** Defaults to a ManualClock that moves only through `advanceTime`, so no deadline depends on machine speed. */
  clock?: FakeClock;
  /** Discord's 3 s for the first answer; `false` switches the check off. */
  interactionDeadlineMs?: number | false;
  guildName?: string;
  /** Listen on this port of 127.0.0.1 rather than a free one: a bot configured earlier finds it there. */
  port?: number;
  /** How many guilds the bot is in (default 1); each further one falls on the next shard. */
  guilds?: number;
  /** The shard count GET /gateway/bot recommends (default 1). */
  shards?: number;
}

export interface InjectOptions {
  /**
   * Changes the payload before it is sent, as a modified client or a stale registration would: the
   * fake still knows the interaction by its id and token, so the bot's answer to it is recorded.
   */
  tamper?(payload: InteractionPayload): unknown;
}

export interface InjectedHandle {
  id: string;
  token: string;
  payload: InteractionPayload;
}

/** A callback as the bot sent it; `data` holds the message, choices or modal depending on `type`. */
export interface CallbackBody {
  type: number;
  data?: Record<string, unknown>;
}

export interface FakeDiscord {
  /** `http://127.0.0.1:PORT/api`, without the version, as `rest.api` expects. */
  apiBase: string;
  gatewayUrl: string;
  applicationId: string;
  guildId: string;
  channelId: string;
  /** The guilds after the first, when `guilds` asked for more. */
  otherGuildIds: string[];
  botUserId: string;
  /** The member who triggers interactions unless a seed names someone else. */
  tester: APIUser;
  clock: FakeClock;
  gateway: FakeGateway;
  requests: readonly RecordedRequest[];
  commandRegistrations: readonly CommandRegistration[];
  /** Moves the default ManualClock forward, e.g. past the 3 s deadline. */
  advanceTime(ms: number): void;
  /**
   * Sends the interaction as Discord would: over the gateway, or, once `useInteractionsEndpoint` has
   * set a URL, as a signed POST to it whose response is the callback.
   */
  injectInteraction(seed: InteractionSeed, options?: InjectOptions): InjectedHandle;
  /** The application's public key (hex), as the Developer Portal shows it: DISCORD_PUBLIC_KEY. */
  publicKey: string;
  /** Saves the Interactions Endpoint URL, checked as the portal checks it (PING, then a bad signature). */
  useInteractionsEndpoint(url: string): Promise<void>;
  /** The headers Discord signs a request with, for tests that send their own. */
  signedHeaders(body: string, timestamp?: string): Record<string, string>;
  /** What the fake knows about an injected interaction: its callback, `@original`, follow-ups. */
  interaction(id: string): InjectedInteraction | undefined;
  waitForRequest(predicate: RequestPredicate, options?: RequestWaitOptions): Promise<RecordedRequest>;
  /** The accepted callback of an interaction (rejected attempts and injected faults do not count). */
  waitForCallback(interactionId: string, options?: RequestWaitOptions): Promise<CallbackBody>;
  /** The body of the first accepted edit of `@original`. */
  waitForOriginalEdit(interactionId: string, options?: RequestWaitOptions): Promise<Record<string, unknown>>;
  /** The body of the first accepted follow-up message. */
  waitForFollowUp(interactionId: string, options?: RequestWaitOptions): Promise<Record<string, unknown>>;
  failNext(predicate: PendingRequestPredicate, fault: FaultSpec): void;
  /** Injected failures not yet served. */
  readonly pendingFaults: number;
  close(): Promise<void>;
}
