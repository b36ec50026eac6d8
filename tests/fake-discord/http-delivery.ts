import { generateKeyPairSync, type KeyObject, sign } from "node:crypto";
import { Agent, request } from "node:http";
import type { FakeState } from "./fake-state.ts";
import { handleInteractionCallback } from "./interaction-callbacks.ts";
import type { InteractionPayload } from "./interaction-payload.ts";
import type { InjectedInteraction } from "./interaction-registry.ts";
import type { RequestLog } from "./request-log.ts";

/** The raw 32-byte public key follows this DER prefix in an Ed25519 SubjectPublicKeyInfo. */
const SPKI_PREFIX_LENGTH = 12;

export interface PlainResponse {
  status: number;
  contentType: string | undefined;
  text: string;
}

/** Kept-alive connections: under load, a new connection per request would cost more than the request. */
const keepAlive = new Agent({ keepAlive: true, maxSockets: 64 });

/**
 * One HTTP request, its whole response as text. node:http rather than fetch: at hundreds of requests
 * a second fetch's own work would set the pace of a load test instead of the server under test.
 */
export function postText(
  url: string,
  method: string,
  headers: Record<string, string>,
  body: string | Buffer,
) {
  return new Promise<PlainResponse>((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent: keepAlive }, (incoming) => {
      const chunks: Buffer[] = [];
      incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
      incoming.on("end", () =>
        resolve({
          status: incoming.statusCode ?? 0,
          contentType: incoming.headers["content-type"],
          text: Buffer.concat(chunks).toString("utf8"),
        }),
      );
      incoming.on("error", reject);
    });
    outgoing.on("error", reject);
    outgoing.end(body);
  });
}

/** How Discord signs a request to an interactions endpoint: Ed25519 over timestamp + body. */
export function signRequest(privateKey: KeyObject, body: string, timestamp: string): string {
  return sign(null, Buffer.from(timestamp + body, "utf8"), privateKey).toString("hex");
}

/**
 * Discord's half of an interactions endpoint: the application's key pair (the Developer Portal shows
 * its public half), the portal's check when the URL is saved, and the delivery of each interaction
 * as a signed POST whose response is the interaction's callback.
 *
 * The callback is judged and recorded exactly as if the bot had POSTed it to
 * /interactions/{id}/{token}/callback, so every waiter of the fake works the same in both modes.
 * Follow-ups and edits for an interaction wait until its response has been taken in, as on Discord,
 * where a follow-up is refused before the interaction was acknowledged.
 */
export class InteractionsEndpoint {
  readonly publicKey: string;
  readonly #privateKey: KeyObject;
  #url: string | undefined;
  readonly #inFlight = new Map<string, Promise<void>>();

  constructor(
    private readonly state: FakeState,
    private readonly log: RequestLog,
  ) {
    const { publicKey, privateKey } = generateKeyPairSync("ed25519");
    this.publicKey = publicKey
      .export({ format: "der", type: "spki" })
      .subarray(SPKI_PREFIX_LENGTH)
      .toString("hex");
    this.#privateKey = privateKey;
  }

  get url(): string | undefined {
    return this.#url;
  }

  /** Signs a body as Discord would, now or at `timestamp` (seconds), for tests that craft requests. */
  signedHeaders(body: string, timestamp = String(Math.floor(Date.now() / 1000))): Record<string, string> {
    return {
      "content-type": "application/json",
      "x-signature-ed25519": signRequest(this.#privateKey, body, timestamp),
      "x-signature-timestamp": timestamp,
    };
  }

  /**
   * What the portal does when the URL is saved: a signed PING must be answered with a PONG, and a
   * request with a wrong signature with 401. Either failing, the portal refuses the URL.
   */
  async use(url: string): Promise<void> {
    const ping = JSON.stringify({
      id: this.state.nextId(),
      type: 1,
      token: "ping",
      application_id: this.state.world.applicationId,
      version: 1,
    });
    const pong = await fetch(url, { method: "POST", headers: this.signedHeaders(ping), body: ping });
    const pongBody: unknown = await pong.json().catch(() => undefined);
    if (pong.status !== 200 || JSON.stringify(pongBody) !== JSON.stringify({ type: 1 })) {
      throw new Error(
        `Fake Discord: ${url} did not answer the PING with a PONG (${pong.status} ${JSON.stringify(pongBody)})`,
      );
    }
    const forged = { ...this.signedHeaders(ping), "x-signature-ed25519": "0".repeat(128) };
    const refused = await fetch(url, { method: "POST", headers: forged, body: ping });
    await refused.arrayBuffer();
    if (refused.status !== 401) {
      throw new Error(`Fake Discord: ${url} accepted a request with a bad signature (${refused.status})`);
    }
    this.#url = url;
  }

  /** Sends an injected interaction to the endpoint; the response becomes its callback. */
  deliver(payload: InteractionPayload, record: InjectedInteraction): void {
    const url = this.#url;
    if (url === undefined) throw new Error("Fake Discord: no interactions endpoint is set");
    const body = JSON.stringify(payload);
    const delivered = this.#post(url, body, record);
    this.#inFlight.set(record.token, delivered);
    void delivered.finally(() => this.#inFlight.delete(record.token));
  }

  /** Resolves once the interaction with this token has had its response taken in. */
  settled(token: string): Promise<void> | undefined {
    return this.#inFlight.get(token);
  }

  async #post(url: string, body: string, record: InjectedInteraction): Promise<void> {
    const path = `/interactions/${record.id}/${record.token}/callback`;
    const entry = { method: "POST", path, rawPath: path, query: {}, files: [], injectedFault: false };
    let response: PlainResponse;
    try {
      response = await postText(url, "POST", this.signedHeaders(body), body);
    } catch (error) {
      // Discord shows the member "This interaction failed" and keeps nothing.
      this.log.record({
        ...entry,
        headers: {},
        body: undefined,
        status: 502,
        responseBody: { message: String(error) },
      });
      return;
    }
    const { status, contentType, text } = response;
    const json = parseJson(text);
    if (status !== 200 || !contentType?.startsWith("application/json") || json === undefined) {
      this.log.record({
        ...entry,
        headers: {},
        body: json ?? text,
        status,
        responseBody: { message: "The endpoint's response is not a callback" },
      });
      return;
    }
    const answer = handleInteractionCallback(
      this.state,
      { id: record.id, token: record.token },
      { json, files: [] },
      new URLSearchParams(),
    );
    this.log.record({
      ...entry,
      headers: { "x-delivered-as": "http-response" },
      body: json,
      status: answer.status,
      responseBody: answer.body,
    });
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
