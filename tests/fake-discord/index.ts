import { GatewayDispatchEvents } from "discord.js";
import { z } from "zod";
import { ManualClock } from "./clock.ts";
import { CommandRegistry } from "./commands.ts";
import type { FakeDiscord, FakeDiscordOptions } from "./fake-discord.ts";
import { type FakeState, INTERACTION_DEADLINE_MS } from "./fake-state.ts";
import { FaultInjector } from "./faults.ts";
import { FakeGateway } from "./gateway.ts";
import { InteractionsEndpoint } from "./http-delivery.ts";
import { createHttpServer } from "./http-server.ts";
import { completeInteraction } from "./interaction-payload.ts";
import { InteractionRegistry } from "./interaction-registry.ts";
import {
  type RecordedRequest,
  RequestLog,
  type RequestPredicate,
  type RequestWaitOptions,
} from "./request-log.ts";
import { isFollowUp, isInteractionCallback, isOriginalMessageEdit, succeeded } from "./request-matchers.ts";
import { restRoutes } from "./rest-routes.ts";
import { createSnowflakeFactory } from "./snowflakes.ts";
import { createWorld } from "./world.ts";

export { type FakeClock, ManualClock, systemClock } from "./clock.ts";
export type {
  CallbackBody,
  FakeDiscord,
  FakeDiscordOptions,
  InjectedHandle,
  InjectOptions,
} from "./fake-discord.ts";
export type { FaultSpec } from "./faults.ts";
export type { FakeGateway, GatewayStats } from "./gateway.ts";
export type { InteractionSeed } from "./interactions.ts";
export {
  autocomplete,
  button,
  modalSubmit,
  slashCommand,
  stringSelect,
  userContextMenu,
} from "./interactions.ts";
export type { RecordedRequest } from "./request-log.ts";
export * from "./request-matchers.ts";

const callbackBodySchema = z.object({ type: z.number(), data: z.record(z.string(), z.unknown()).optional() });
const messageBodySchema = z.record(z.string(), z.unknown());

/**
 * Starts a fake Discord (REST under /api/v10 and the gateway) on a free port of 127.0.0.1. Point the real
 * client at it with `new Client({ rest: { api: fake.apiBase } })`; discord.js finds the gateway through it.
 */
export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const nextId = createSnowflakeFactory();
  const world = createWorld(nextId, options.guildName, options.guilds);
  const clock = options.clock ?? new ManualClock();
  const state: FakeState = {
    world,
    clock,
    nextId,
    interactions: new InteractionRegistry(),
    interactionDeadlineMs: options.interactionDeadlineMs ?? INTERACTION_DEADLINE_MS,
  };
  const log = new RequestLog();
  const faults = new FaultInjector();
  const commands = new CommandRegistry(world.applicationId, nextId);
  let gatewayUrl = "";
  const routes = restRoutes({ state, commands, gatewayUrl: () => gatewayUrl, shards: options.shards ?? 1 });
  const endpoint = new InteractionsEndpoint(state, log);
  const server = createHttpServer({
    routes,
    log,
    faults,
    token: options.token,
    // A follow-up or edit waits until the endpoint's response acknowledged its interaction.
    beforeRoute: (request) => endpoint.settled(tokenInPath(request.path) ?? ""),
  });
  const gateway = new FakeGateway(world, () => gatewayUrl, options.token);
  gateway.attach(server);

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === "string")
    throw new Error("Fake Discord: server has no TCP address");
  const { port } = address;
  gatewayUrl = `ws://127.0.0.1:${port}`;

  const tokenOf = (interactionId: string): string => {
    const interaction = state.interactions.byId(interactionId);
    if (interaction === undefined)
      throw new Error(`Fake Discord: no interaction ${interactionId} was injected`);
    return interaction.token;
  };
  const waitForBody = async (predicate: RequestPredicate, what: string, waitOptions?: RequestWaitOptions) => {
    const request = await log.waitFor((r) => predicate(r) && succeeded(r), what, waitOptions);
    return messageBodySchema.parse(request.body ?? {});
  };

  return {
    apiBase: `http://127.0.0.1:${port}/api`,
    gatewayUrl,
    applicationId: world.applicationId,
    guildId: world.guildId,
    channelId: world.channelId,
    otherGuildIds: world.guilds.slice(1).map((guild) => guild.id),
    botUserId: world.botUser.id,
    tester: world.tester,
    clock,
    gateway,
    requests: log.all,
    commandRegistrations: commands.registrations,
    advanceTime(ms) {
      if (!(clock instanceof ManualClock))
        throw new Error("Fake Discord: advanceTime needs the default ManualClock");
      clock.advance(ms);
    },
    injectInteraction(seed, injectOptions = {}) {
      const commandIdFor = (name: string) => commands.idOf(name, world.guildId);
      const { payload, record } = completeInteraction(state, seed, commandIdFor);
      state.interactions.add(record);
      if (injectOptions.tamper !== undefined) {
        // A tampered payload is sent as it is, whatever shape it has: over the gateway only.
        const sent = injectOptions.tamper(structuredClone(payload));
        gateway.dispatch(GatewayDispatchEvents.InteractionCreate, sent, payload.guild_id);
      } else if (endpoint.url === undefined)
        gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, payload.guild_id);
      else endpoint.deliver(payload, record);
      return { id: record.id, token: record.token, payload };
    },
    interaction: (id) => state.interactions.byId(id),
    publicKey: endpoint.publicKey,
    useInteractionsEndpoint: (url) => endpoint.use(url),
    signedHeaders: (body, timestamp) => endpoint.signedHeaders(body, timestamp),
    waitForRequest: (predicate, waitOptions) => log.waitFor(predicate, "a matching request", waitOptions),
    async waitForCallback(interactionId, waitOptions) {
      const what = `the callback of interaction ${interactionId}`;
      const matches = (r: RecordedRequest) => isInteractionCallback(interactionId)(r) && succeeded(r);
      const request = await log.waitFor(matches, what, waitOptions);
      return callbackBodySchema.parse(request.body);
    },
    waitForOriginalEdit: async (interactionId, waitOptions) =>
      waitForBody(
        isOriginalMessageEdit(tokenOf(interactionId)),
        `an edit of @original of ${interactionId}`,
        waitOptions,
      ),
    waitForFollowUp: async (interactionId, waitOptions) =>
      waitForBody(
        isFollowUp(tokenOf(interactionId)),
        `a follow-up to interaction ${interactionId}`,
        waitOptions,
      ),
    failNext: (predicate, fault) => faults.failNext(predicate, fault),
    get pendingFaults() {
      return faults.pending;
    },
    async close() {
      log.close();
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** The interaction token in a webhook or callback path, whose requests wait for the HTTP response. */
function tokenInPath(path: string): string | undefined {
  return /^\/(?:webhooks\/[^/]+|interactions\/[^/]+)\/([^/]+)/.exec(path)?.[1];
}
