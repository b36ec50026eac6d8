import type { KeyObject } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { InteractionResponseType, InteractionType } from "discord.js";
import type { Logger } from "pino";
import { toLoggableError } from "../interaction/loggable-error.ts";
import { type HttpReply, type HttpTransport, interactionRequestSchema } from "./http-transport.ts";
import { checkSignature, type ReplayGuard } from "./signature.ts";

/**
 * Limits of the endpoint. Discord's interaction bodies are a few kilobytes (a button's message
 * included); a megabyte is far above any, and far below what would hurt the process.
 */
export const ENDPOINT_LIMITS = {
  bodyBytes: 1024 * 1024,
  /** A client that takes longer to send its headers or body is cut off (a slow-loris). */
  requestMs: 10_000,
  headersMs: 5_000,
  keepAliveMs: 65_000,
} as const;

export interface EndpointOptions {
  transport: Pick<HttpTransport, "handle">;
  publicKey: KeyObject;
  replays: ReplayGuard;
  now: () => number;
  logger: Logger;
  /**
   * True while the answers warm up after start-up: /healthz reads 503 "warming up", so that a load
   * balancer sends a fresh replica nothing until it answers at full speed. Interactions that come
   * anyway are answered.
   */
  warming?: () => boolean;
}

export interface RunningEndpoint {
  server: Server;
  /** `http://HOST:PORT`, with the port the server actually got (port 0 picks a free one). */
  url: string;
  /**
   * Stops taking interactions: new ones, and /healthz, get 503 so that a load balancer sends them
   * elsewhere; those in progress finish, follow-ups included; then the server closes.
   */
  stop(): Promise<void>;
}

const JSON_TYPE = { "content-type": "application/json" };

class BodyTooLarge extends Error {}

/**
 * `POST /interactions` for Discord and `GET /healthz` for a load balancer, on one node:http server.
 * Every interaction is verified (signature, five-minute window, replay) before its body is parsed;
 * an unverified one gets 401 and nothing else, as Discord expects of an endpoint.
 */
export async function startInteractionsEndpoint(
  options: EndpointOptions,
  listen: { port: number; host: string },
): Promise<RunningEndpoint> {
  let stopping = false;
  const inFlight = new Set<Promise<void>>();
  const server = createServer((request, response) => {
    const handled = serve(options, request, response, () => stopping).catch((error: unknown) => {
      options.logger.error({ error: toLoggableError(error) }, "the interactions endpoint failed a request");
      if (!response.headersSent) send(response, 500, JSON.stringify({ message: "Internal error" }));
    });
    inFlight.add(handled);
    void handled.finally(() => inFlight.delete(handled));
  });
  server.requestTimeout = ENDPOINT_LIMITS.requestMs;
  server.headersTimeout = ENDPOINT_LIMITS.headersMs;
  // Longer than a load balancer keeps an idle connection (60 s is usual): the balancer, not this
  // server, closes it, so it never sends a request on a connection this server is closing.
  server.keepAliveTimeout = ENDPOINT_LIMITS.keepAliveMs;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(listen.port, listen.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : listen.port;
  const host = listen.host.includes(":") ? `[${listen.host}]` : listen.host;
  return {
    server,
    url: `http://${host}:${port}`,
    async stop() {
      stopping = true;
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}

async function serve(
  options: EndpointOptions,
  request: IncomingMessage,
  response: ServerResponse,
  stopping: () => boolean,
): Promise<void> {
  const path = new URL(request.url ?? "/", "http://endpoint").pathname;
  if (path === "/healthz") {
    if (request.method !== "GET" && request.method !== "HEAD")
      return send(response, 405, "", { allow: "GET" });
    if (stopping()) return send(response, 503, JSON.stringify({ status: "stopping" }));
    if (options.warming?.() === true) return send(response, 503, JSON.stringify({ status: "warming up" }));
    return send(response, 200, JSON.stringify({ status: "ok" }));
  }
  if (path !== "/interactions") return send(response, 404, JSON.stringify({ message: "Not found" }));
  if (request.method !== "POST") return send(response, 405, "", { allow: "POST" });
  if (stopping())
    return send(response, 503, JSON.stringify({ message: "Shutting down" }), { connection: "close" });

  let body: Buffer;
  try {
    body = await readBody(request, ENDPOINT_LIMITS.bodyBytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) return send(response, 413, "", { connection: "close" });
    throw error;
  }
  const header = (name: string) => {
    const value = request.headers[name];
    return typeof value === "string" ? value : undefined;
  };
  const verdict = checkSignature(
    options.publicKey,
    { signature: header("x-signature-ed25519"), timestamp: header("x-signature-timestamp") },
    body,
    options.now(),
  );
  if (!verdict.ok) {
    options.logger.debug({ reason: verdict.reason }, "refused an unverified request");
    return send(response, 401, JSON.stringify({ message: "invalid request signature" }));
  }
  if (!(await options.replays.firstSighting(verdict.signature))) {
    options.logger.warn("refused a replayed request");
    return send(response, 401, JSON.stringify({ message: "replayed request" }));
  }

  const parsed = interactionRequestSchema.safeParse(parseJson(body));
  if (!parsed.success) return send(response, 400, JSON.stringify({ message: "Not an interaction" }));
  if (parsed.data.type === InteractionType.Ping) {
    return send(response, 200, JSON.stringify({ type: InteractionResponseType.Pong }));
  }
  await options.transport.handle(parsed.data, (reply: HttpReply) => sendAndWait(response, reply));
}

function readBody(request: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(request.headers["content-length"] ?? 0);
    if (declared > limit) {
      request.resume();
      reject(new BodyTooLarge());
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        request.removeAllListeners("data");
        request.resume();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks)));
    request.on("error", reject);
  });
}

function parseJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString("utf8"));
  } catch {
    return undefined;
  }
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
): void {
  response.writeHead(status, { ...(body === "" ? {} : JSON_TYPE), ...headers }).end(body);
}

/** Resolves once the response has been handed to the network, so a follow-up cannot overtake it. */
function sendAndWait(response: ServerResponse, reply: HttpReply): Promise<void> {
  return new Promise((resolve) => {
    if (response.writableEnded) {
      resolve();
      return;
    }
    response.once("finish", resolve);
    response.once("close", resolve);
    send(response, reply.status, reply.body);
  });
}
