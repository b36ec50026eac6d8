import {
  Client,
  DefaultRestOptions,
  Events,
  type Interaction,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Options,
  type RawFile,
  type ResponseLike,
  Routes,
} from "discord.js";
import type { Logger } from "pino";
import { z } from "zod";
import { APOLOGY } from "../bot/answer-failure.ts";
import type { InteractionHandler } from "../bot/router.ts";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { NO_MENTIONS } from "../interaction/reply.ts";

/** What goes back to Discord as the body of its request: the interaction's first callback. */
export interface HttpReply {
  status: number;
  body: string;
}

/** The fields of Discord's request the transport itself reads; discord.js reads the rest. */
export const interactionRequestSchema = z.looseObject({
  type: z.number().int(),
  id: z.string().min(1).max(32),
  token: z.string().min(1).max(500),
  application_id: z.string().min(1).max(32),
});
export type InteractionRequest = z.infer<typeof interactionRequestSchema>;

export interface HttpTransportOptions {
  route: InteractionHandler;
  /** DISCORD_API_URL: where follow-ups and edits go; Discord's API when unset. */
  apiUrl: string | undefined;
  logger: Logger;
  /**
   * Discord waits 3 s for the response. An interaction not answered within this time is answered
   * "deferred" in its response, and its answer, when it comes, is put in place through the webhook.
   */
  deferAfterMs?: number;
}

type Waiting = {
  request: InteractionRequest;
  respond: (reply: HttpReply) => Promise<void>;
  /** waiting: no response yet; answered: the response carried the answer; deferred: it carried a deferral. */
  state: "waiting" | "answered" | "deferred";
};

const CALLBACK_PATH = /\/interactions\/(\d+)\/[^/]+\/callback$/;
const DEFAULT_DEFER_AFTER_MS = 2_500;

/**
 * The interactions of `dossier serve-http`, run through the same router and command modules as the
 * gateway bot. A discord.js Client that never logs in turns each request's body into the interaction
 * objects the commands expect; every request those objects make goes through `makeRequest` here:
 *
 * - the interaction's first callback becomes the HTTP response to Discord's request, as Discord
 *   wants it from an interactions endpoint (no separate callback request);
 * - follow-ups and edits go to Discord's REST API, as from the gateway bot.
 *
 * Discord takes no files in the HTTP response (the timeline picture), so a reply with files is
 * answered "deferred" and then put in place, with its files, by editing the original message.
 */
export class HttpTransport {
  readonly client: Client;
  readonly #dispatch: (payload: unknown) => void;
  readonly #waiting = new Map<string, Waiting>();
  #handled: Promise<void> | undefined;

  constructor(private readonly options: HttpTransportOptions) {
    this.client = new Client({
      intents: [],
      allowedMentions: NO_MENTIONS,
      // Every request brings its member and message with it; nothing is kept for the next one, so
      // a replica's memory does not grow with the number of members it has answered.
      makeCache: Options.cacheWithLimits({ UserManager: 0, GuildMemberManager: 0, MessageManager: 0 }),
      rest: {
        ...(options.apiUrl === undefined ? {} : { api: options.apiUrl }),
        makeRequest: (url, init) => this.#request(url, init),
      },
    });
    this.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      this.#handled = options.route(interaction);
    });
    this.#dispatch = interactionCreateAction(this.client);
  }

  /**
   * Runs one verified interaction. `respond` writes the HTTP response and resolves once it is sent;
   * it is called exactly once. Resolves when the command has finished, follow-ups included.
   */
  async handle(request: InteractionRequest, respond: (reply: HttpReply) => Promise<void>): Promise<void> {
    const waiting: Waiting = { request, respond, state: "waiting" };
    this.#waiting.set(request.id, waiting);
    const deadline = setTimeout(() => void this.#deferBecauseLate(waiting), this.#deferAfterMs);
    try {
      this.#handled = undefined;
      this.#dispatch(request);
      const handled = this.#handled;
      if (handled === undefined) {
        // discord.js made nothing of it: an interaction type or component the bot never uses.
        await respond({ status: 400, body: JSON.stringify({ message: "Unsupported interaction" }) });
        waiting.state = "answered";
        return;
      }
      await handled;
      if (waiting.state === "waiting") await this.#answerInstead(waiting);
    } finally {
      clearTimeout(deadline);
      this.#waiting.delete(request.id);
    }
  }

  get #deferAfterMs(): number {
    return this.options.deferAfterMs ?? DEFAULT_DEFER_AFTER_MS;
  }

  /** The router answers every interaction; if a bug let one through, the member still hears something. */
  async #answerInstead(waiting: Waiting): Promise<void> {
    this.options.logger.error(
      { interactionId: waiting.request.id },
      "an interaction ended without an answer",
    );
    const callback =
      waiting.request.type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : {
            type: InteractionResponseType.ChannelMessageWithSource,
            data: { content: APOLOGY, flags: MessageFlags.Ephemeral, allowed_mentions: NO_MENTIONS },
          };
    await this.#respond(waiting, "answered", callback);
  }

  /**
   * Discord is about to give up on the response: say "working on it" in it now. Privately for a
   * command, since the answer's visibility is not known yet and a private answer must never show
   * publicly; the answer then replaces it (see #late).
   */
  async #deferBecauseLate(waiting: Waiting): Promise<void> {
    if (waiting.state !== "waiting") return;
    const type = waiting.request.type;
    const callback =
      type === InteractionType.ApplicationCommandAutocomplete
        ? { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices: [] } }
        : type === InteractionType.MessageComponent
          ? { type: InteractionResponseType.DeferredMessageUpdate }
          : {
              type: InteractionResponseType.DeferredChannelMessageWithSource,
              data: { flags: MessageFlags.Ephemeral },
            };
    this.options.logger.warn({ interactionId: waiting.request.id }, "slow interaction: answered deferred");
    await this.#respond(waiting, "deferred", callback).catch((error: unknown) => {
      this.options.logger.warn({ error: toLoggableError(error) }, "could not send the deferred response");
    });
  }

  async #respond(waiting: Waiting, state: "answered" | "deferred", callback: unknown): Promise<void> {
    waiting.state = state;
    await waiting.respond({ status: 200, body: JSON.stringify(callback) });
  }

  /** Every request discord.js makes. Only callbacks of interactions waiting here are answered in process. */
  async #request(url: string, init: RequestInit): Promise<ResponseLike> {
    const id = CALLBACK_PATH.exec(new URL(url).pathname)?.[1];
    const waiting = id === undefined ? undefined : this.#waiting.get(id);
    if (waiting === undefined) return DefaultRestOptions.makeRequest(url, init);

    const callback = await readCallback(init.body);
    if (waiting.state === "answered") {
      // As Discord answers a second callback: the command's own error handling takes it from here.
      return jsonResponse(400, { code: 40060, message: "Interaction has already been acknowledged." });
    }
    if (waiting.state === "deferred") {
      await this.#late(waiting, callback);
      return new Response(null, { status: 204 });
    }
    if (callback.files.length === 0) {
      await this.#respond(waiting, "answered", callback.json);
      return new Response(null, { status: 204 });
    }
    await this.#respond(waiting, "deferred", deferralOf(callback.json));
    await this.#late(waiting, callback);
    return new Response(null, { status: 204 });
  }

  /** An answer that comes after a deferred response: it replaces the "working on it" message. */
  async #late(waiting: Waiting, callback: Callback): Promise<void> {
    const { type, data } = callback.json;
    if (
      type !== InteractionResponseType.ChannelMessageWithSource &&
      type !== InteractionResponseType.UpdateMessage
    ) {
      // Choices after the deadline are useless, and a form cannot follow a deferral: nothing to put in place.
      if (type === InteractionResponseType.Modal) {
        await this.#editOriginal(
          waiting,
          { content: "This took too long — press the button again.", flags: 0 },
          [],
        );
      }
      return;
    }
    await this.#editOriginal(waiting, data ?? {}, callback.files);
  }

  async #editOriginal(waiting: Waiting, data: Record<string, unknown>, files: RawFile[]): Promise<void> {
    const { flags: _visibilityIsFixed, ...edit } = data;
    await this.client.rest.patch(
      Routes.webhookMessage(waiting.request.application_id, waiting.request.token, "@original"),
      { body: { allowed_mentions: NO_MENTIONS, ...edit }, files, auth: false },
    );
  }

  async destroy(): Promise<void> {
    await this.client.destroy();
  }
}

interface Callback {
  json: { type: number; data?: Record<string, unknown> | undefined };
  files: RawFile[];
}

const callbackSchema = z.object({
  type: z.number().int(),
  data: z.record(z.string(), z.unknown()).optional(),
});

/** The callback as discord.js sent it: JSON, or multipart with `payload_json` and the files. */
async function readCallback(body: RequestInit["body"]): Promise<Callback> {
  if (typeof body === "string") return { json: callbackSchema.parse(JSON.parse(body)), files: [] };
  if (!(body instanceof FormData)) throw new Error("HTTP transport: a callback without a body");
  const files: RawFile[] = [];
  let json: unknown;
  for (const [name, value] of body) {
    if (name === "payload_json" && typeof value === "string") json = JSON.parse(value);
    else if (typeof value !== "string") {
      files.push({ name: value.name, data: Buffer.from(await value.arrayBuffer()), contentType: value.type });
    }
  }
  return { json: callbackSchema.parse(json), files };
}

/** The deferral that stands for a reply until its files are in place: same visibility, or the same message. */
function deferralOf(callback: Callback["json"]): unknown {
  if (callback.type === InteractionResponseType.UpdateMessage)
    return { type: InteractionResponseType.DeferredMessageUpdate };
  const flags = Number(callback.data?.flags ?? 0) & MessageFlags.Ephemeral;
  return { type: InteractionResponseType.DeferredChannelMessageWithSource, data: { flags } };
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/**
 * discord.js turns a gateway payload into an Interaction in its InteractionCreate action, which is
 * not public API: reached by name and checked, so a discord.js that moved it fails at start, in a
 * sentence, rather than on the first request.
 */
function interactionCreateAction(client: Client): (payload: unknown) => void {
  const actions: unknown = Reflect.get(client, "actions");
  const action: unknown =
    typeof actions === "object" && actions !== null ? Reflect.get(actions, "InteractionCreate") : undefined;
  const handle: unknown =
    typeof action === "object" && action !== null ? Reflect.get(action, "handle") : undefined;
  if (typeof handle !== "function") {
    throw new Error(
      "HTTP transport: this discord.js has no InteractionCreate action; see src/http/http-transport.ts.",
    );
  }
  return (payload) => Reflect.apply(handle, action, [payload]);
}
