import type { APIApplication } from "discord.js";
import type { CommandRegistry, CommandScope } from "./commands.ts";
import { missingAccess } from "./discord-errors.ts";
import { type FakeResponse, ok } from "./fake-response.ts";
import type { FakeState } from "./fake-state.ts";
import { handleInteractionCallback } from "./interaction-callbacks.ts";
import type { Route, RouteRequest } from "./router.ts";
import { deleteWebhookMessage, editWebhookMessage, getWebhookMessage, postFollowUp } from "./webhooks.ts";
import { noFlags } from "./world.ts";

export interface RestRouteDeps {
  state: FakeState;
  commands: CommandRegistry;
  /** Known only once the server listens, hence a function. */
  gatewayUrl: () => string;
  /** The shard count GET /gateway/bot recommends. */
  shards: number;
}

/** Every REST route the fake serves, below /api/v10. */
export function restRoutes({ state, commands, gatewayUrl, shards }: RestRouteDeps): Route[] {
  const { world } = state;
  const webhook = (request: RouteRequest) => ({
    applicationId: request.params.get("app"),
    token: request.params.get("token"),
  });
  // Commands may only be managed for our own application, and per guild only where the bot is a member.
  const withScope = (request: RouteRequest, run: (scope: CommandScope) => FakeResponse): FakeResponse => {
    if (request.params.get("app") !== world.applicationId) return missingAccess();
    if (request.params.has("guild")) {
      const guildId = request.params.get("guild");
      return guildId === world.guildId ? run({ kind: "guild", guildId }) : missingAccess();
    }
    return run({ kind: "global" });
  };

  return [
    { method: "GET", pattern: "/gateway", auth: false, handle: () => ok({ url: gatewayUrl() }) },
    {
      method: "GET",
      pattern: "/gateway/bot",
      auth: true,
      handle: () =>
        ok({
          url: gatewayUrl(),
          shards,
          // Every shard may identify at once: no five-second wait between shards in tests.
          session_start_limit: {
            total: 1000,
            remaining: 999,
            reset_after: 86_400_000,
            max_concurrency: shards,
          },
        }),
    },
    { method: "GET", pattern: "/users/@me", auth: true, handle: () => ok(world.botUser) },
    { method: "GET", pattern: "/applications/@me", auth: true, handle: () => ok(application(state)) },
    ...(["/applications/:app/commands", "/applications/:app/guilds/:guild/commands"] as const).flatMap(
      (pattern): Route[] => [
        { method: "GET", pattern, auth: true, handle: (r) => withScope(r, (scope) => commands.list(scope)) },
        {
          method: "PUT",
          pattern,
          auth: true,
          handle: (r) => withScope(r, (scope) => commands.overwrite(scope, r.body.json)),
        },
      ],
    ),
    {
      method: "POST",
      pattern: "/interactions/:id/:token/callback",
      auth: false,
      handle: (r) =>
        handleInteractionCallback(
          state,
          { id: r.params.get("id"), token: r.params.get("token") },
          r.body,
          r.query,
        ),
    },
    {
      method: "POST",
      pattern: "/webhooks/:app/:token",
      auth: false,
      handle: (r) => postFollowUp(state, webhook(r), r.body, r.query),
    },
    ...(["GET", "PATCH", "DELETE"] as const).map(
      (method): Route => ({
        method,
        pattern: "/webhooks/:app/:token/messages/:message",
        auth: false,
        handle: (r) => {
          const messageId = r.params.get("message");
          if (method === "GET") return getWebhookMessage(state, webhook(r), messageId);
          if (method === "DELETE") return deleteWebhookMessage(state, webhook(r), messageId);
          return editWebhookMessage(state, webhook(r), messageId, r.body);
        },
      }),
    ),
  ];
}

function application({ world }: FakeState): Partial<APIApplication> {
  return {
    id: world.applicationId,
    name: world.botUser.username,
    icon: null,
    description: "",
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: noFlags(),
    team: null,
    summary: "",
    bot: world.botUser,
    owner: world.tester,
  };
}
