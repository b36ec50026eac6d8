import { type Client, Events, type Interaction, InteractionType } from "discord.js";
import { validateCallback } from "../../tests/fake-discord/callback-validation.ts";
import { guildCreatePayload } from "../../tests/fake-discord/guild-create.ts";
import { isEmptyMessage, messageDataSchema } from "../../tests/fake-discord/message-limits.ts";
import { createBotMessage } from "../../tests/fake-discord/messages.ts";
import type { FakeWorld } from "../../tests/fake-discord/world.ts";
import { createClient } from "../bot/client.ts";
import type { RawPayload } from "./interaction-payloads.ts";

/** What the bot did with one interaction, as Discord would have seen it. */
export interface Delivery {
  /** discord.js threw on the payload or dropped it: none of the bot's code ran (the process guard logs it). */
  refusedByDiscordJs: boolean;
  /** Accepted initial answers: exactly one is right for every interaction discord.js hands over. */
  callbacks: number;
  /** Bodies Discord would refuse, each with why. */
  limitBreaks: string[];
  /** Messages that could notify someone: mentions allowed, or an @everyone painted as one. */
  pings: number;
  /** Markdown links `[text](url)` that would show live, which the bot never writes itself. */
  maskedLinks: number;
  /** A button's message edited in place for someone it does not answer: another member's message. */
  othersMessageTurned: boolean;
  /** Custom ids on the buttons the bot sent, for later presses. */
  customIds: string[];
  /** A request to an endpoint an interaction never needs. */
  unexpected: string[];
}

const CALLBACK = /\/interactions\/(\d+)\/[^/]+\/callback/;
const WEBHOOK = /\/webhooks\/\d+\/[^/?]+(\/messages\/[^/?]+)?/;
const MASS_MENTION = /@(everyone|here)/;
const LIVE_MASKED_LINK = /(?:^|[^\\])\[[^\]\n]*[^\\\n]\]\(\s*<?(https?:\/\/[^\s)>]+)/gm;
/** A fenced code block shows its text as written (the bot breaks any ``` run inside one). */
const CODE_BLOCK = /```[\s\S]*?```/g;

/**
 * Whether a message's text would show a live masked link to anywhere but `ownLinks` (the citation
 * line links the outlet to its article): one would come from input. Not inside a code block, where
 * Discord shows "[click](https://…)" as typed (a /qa history diff of a hostile entry).
 */
export function showsForeignLink(parts: ReadonlyArray<string>, ownLinks: ReadonlySet<string>): boolean {
  return parts.some((part) =>
    [...part.replace(CODE_BLOCK, "").matchAll(LIVE_MASKED_LINK)].some(
      (match) => !ownLinks.has(match[1] ?? ""),
    ),
  );
}

/**
 * The real discord.js client with the bot's router, fed gateway payloads in process: no sockets, no
 * timers, thousands of interactions a second. Every HTTP request the bot makes is answered here and
 * judged as Discord judges it (the fake Discord's own rules), so a run counts what a member would
 * have seen: no answer, two answers, a refused message, a ping.
 */
export class InProcessDiscord {
  readonly #client: Client;
  readonly #handle: (payload: unknown) => void;
  readonly #world: FakeWorld;
  #delivery: Delivery | undefined;
  #interactionType = InteractionType.ApplicationCommand;
  /** Whether the payload's presser is the member its message answers; undefined for no message. */
  #pressesOwnMessage: boolean | undefined;
  #handled: Promise<void> | undefined;

  readonly #ownLinks: ReadonlySet<string>;

  constructor(
    world: FakeWorld,
    route: (interaction: Interaction) => Promise<void>,
    /** The articles' own addresses, which the citation line links to. */
    ownLinks: ReadonlySet<string> = new Set(),
  ) {
    this.#ownLinks = ownLinks;
    this.#world = world;
    this.#client = createClient(
      { discordApiUrl: undefined },
      { makeRequest: async (url, init) => this.#answer(url, init) },
    );
    this.#client.rest.setToken("fuzz.fuzz.fuzz");
    this.#client.on(Events.InteractionCreate, (interaction) => {
      this.#handled = route(interaction);
    });
    this.#handle = internalAction(this.#client, "InteractionCreate");
    // As after GUILD_CREATE: the server and its channel are known, as in production.
    internalCall(this.#client.guilds, "_add", guildCreatePayload(world));
  }

  async deliver(payload: RawPayload): Promise<Delivery> {
    const delivery: Delivery = {
      refusedByDiscordJs: false,
      callbacks: 0,
      limitBreaks: [],
      pings: 0,
      maskedLinks: 0,
      othersMessageTurned: false,
      customIds: [],
      unexpected: [],
    };
    this.#delivery = delivery;
    this.#handled = undefined;
    this.#interactionType = typeof payload.type === "number" ? payload.type : InteractionType.Ping;
    this.#pressesOwnMessage = pressesOwnMessage(payload);
    try {
      this.#handle(payload);
    } catch {
      delivery.refusedByDiscordJs = true;
    }
    if (this.#handled === undefined) delivery.refusedByDiscordJs = true;
    else await this.#handled;
    this.#delivery = undefined;
    return delivery;
  }

  async destroy(): Promise<void> {
    await this.#client.destroy();
  }

  async #answer(url: string, init: { method?: string; body?: unknown }): Promise<Response> {
    const delivery = this.#delivery;
    const body = bodyOf(init.body);
    if (delivery === undefined) return new Response(null, { status: 404 });
    if (CALLBACK.test(url)) {
      const verdict = validateCallback(this.#interactionType, body, 0);
      if ("rejected" in verdict) {
        delivery.limitBreaks.push(`callback refused: ${JSON.stringify(verdict.rejected.body).slice(0, 300)}`);
        return json(verdict.rejected.status, verdict.rejected.body);
      }
      delivery.callbacks += 1;
      if (verdict.accepted.type === 7 && this.#pressesOwnMessage === false)
        delivery.othersMessageTurned = true;
      const data = typeof body === "object" && body !== null && "data" in body ? body.data : undefined;
      if (verdict.accepted.type === 4 || verdict.accepted.type === 7) this.#judgeMessage(data, delivery);
      return new Response(null, { status: 204 });
    }
    const webhook = WEBHOOK.exec(url);
    if (webhook !== null) {
      const message = messageDataSchema.safeParse(body ?? {});
      if (!message.success || (init.method === "POST" && isEmptyMessage(message.data, 0))) {
        delivery.limitBreaks.push(`webhook message refused: ${url.replace(/\/[^/]+$/, "")}`);
        return json(400, { message: "Invalid Form Body", code: 50035 });
      }
      this.#judgeMessage(body, delivery);
      const origin = {
        world: this.#world,
        id: "1300000000000000001",
        timestamp: new Date(0).toISOString(),
        replyToCommand: false,
      };
      return json(200, createBotMessage(origin, message.data, []));
    }
    delivery.unexpected.push(`${init.method ?? "GET"} ${url}`);
    return json(404, { message: "404: Not Found", code: 0 });
  }

  #judgeMessage(message: unknown, delivery: Delivery): void {
    const parsed = messageDataSchema.safeParse(message ?? {});
    if (!parsed.success) return;
    const mentions = parsed.data.allowed_mentions;
    const silent =
      mentions !== null &&
      mentions !== undefined &&
      (mentions.parse ?? []).length === 0 &&
      (mentions.users ?? []).length === 0 &&
      (mentions.roles ?? []).length === 0;
    const text = JSON.stringify(parsed.data);
    if (!silent || MASS_MENTION.test(text)) delivery.pings += 1;
    const shown = [
      parsed.data.content ?? "",
      ...(parsed.data.embeds ?? []).map((embed) => JSON.stringify(embed)),
    ];
    if (showsForeignLink(shown, this.#ownLinks)) delivery.maskedLinks += 1;
    for (const row of parsed.data.components ?? []) {
      for (const component of row.components ?? []) {
        if (component.custom_id !== undefined) delivery.customIds.push(component.custom_id);
      }
    }
  }
}

/** Who pressed, against whom the pressed message answers (what Discord records on it). */
function pressesOwnMessage(payload: RawPayload): boolean | undefined {
  const idOf = (value: unknown, ...path: string[]): unknown =>
    path.reduce<unknown>(
      (node, key) => (typeof node === "object" && node !== null ? Reflect.get(node, key) : undefined),
      value,
    );
  if (typeof payload.message !== "object" || payload.message === null) return undefined;
  const presser = idOf(payload, "member", "user", "id") ?? idOf(payload, "user", "id");
  const owner = idOf(payload.message, "interaction_metadata", "user", "id");
  return presser !== undefined && presser === owner;
}

/** JSON as sent, or a message with files (the timeline picture): its payload_json part. */
function bodyOf(body: unknown): unknown {
  if (typeof body === "string") return JSON.parse(body);
  if (body instanceof FormData) {
    const payload = body.get("payload_json");
    return typeof payload === "string" ? JSON.parse(payload) : undefined;
  }
  return undefined;
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
}

/**
 * discord.js turns a gateway payload into an Interaction in its InteractionCreate action, which is not
 * public API: reached by name, and checked, so a discord.js that moved it fails here with a sentence.
 */
function internalAction(client: Client, name: string): (payload: unknown) => void {
  const actions: unknown = Reflect.get(client, "actions");
  const action: unknown =
    typeof actions === "object" && actions !== null ? Reflect.get(actions, name) : undefined;
  const handle: unknown =
    typeof action === "object" && action !== null ? Reflect.get(action, "handle") : undefined;
  if (typeof handle !== "function") {
    throw new Error(`Fuzz: this discord.js has no ${name} action; update src/fuzz/in-process-discord.ts.`);
  }
  return (payload) => Reflect.apply(handle, action, [payload]);
}

function internalCall(target: object, method: string, argument: unknown): void {
  const fn: unknown = Reflect.get(target, method);
  if (typeof fn !== "function")
    throw new Error(`Fuzz: discord.js has no ${method}; update src/fuzz/in-process-discord.ts.`);
  Reflect.apply(fn, target, [argument]);
}
