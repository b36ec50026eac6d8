import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { invalidJson, methodNotAllowed, routeNotFound, unauthorized } from "./discord-errors.ts";
import type { FakeResponse } from "./fake-response.ts";
import type { FaultInjector, PendingRequest } from "./faults.ts";
import { InvalidBodyError, type ParsedBody, parseBody, readBody } from "./request-body.ts";
import type { RequestLog } from "./request-log.ts";
import { matchRoute, type Route } from "./router.ts";

const API_PREFIX = "/api/v10";

export interface HttpServerDeps {
  routes: readonly Route[];
  log: RequestLog;
  faults: FaultInjector;
  /** When set, bot-authenticated routes insist on exactly this token, like Discord does. */
  token: string | undefined;
  /** Runs before a request is routed; a promise it returns holds the request until it settles. */
  beforeRoute?: (request: PendingRequest) => Promise<void> | undefined;
}

/** The REST half of the fake: decode, let a fault or a route answer, record, reply. */
export function createHttpServer(deps: HttpServerDeps): Server {
  const server = createServer((request, response) => {
    handle(deps, request, response).catch((error: unknown) => {
      // A bug in the fake itself: answer like Discord's edge would and keep the stack for the test output.
      console.error("Fake Discord: unhandled error while serving", request.method, request.url, error);
      if (!response.headersSent)
        send(response, { status: 500, body: { message: "500: Internal Server Error" } });
    });
  });
  // Under load a client may send on an idle connection the server is just closing (a reset): let
  // clients close idle connections, as Discord's edge effectively does.
  server.keepAliveTimeout = 65_000;
  return server;
}

async function handle(
  deps: HttpServerDeps,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const url = new URL(request.url ?? "/", "http://127.0.0.1");
  const method = (request.method ?? "GET").toUpperCase();
  const raw = await readBody(request);
  const inApi = url.pathname === API_PREFIX || url.pathname.startsWith(`${API_PREFIX}/`);
  const segments = decodeSegments(inApi ? url.pathname.slice(API_PREFIX.length) : url.pathname);

  let body: ParsedBody = { json: undefined, files: [] };
  let bodyError: FakeResponse | undefined;
  try {
    body = parseBody(raw, request.headers["content-type"]);
  } catch (error) {
    if (!(error instanceof InvalidBodyError)) throw error;
    bodyError = invalidJson();
  }

  const pending: PendingRequest = {
    method,
    path: `/${segments.join("/")}`,
    rawPath: url.pathname,
    query: Object.fromEntries(url.searchParams),
    headers: request.headers,
    body: body.json,
    files: body.files,
  };
  await deps.beforeRoute?.(pending);
  const fault = deps.faults.take(pending);
  const answer =
    fault ?? bodyError ?? (inApi ? route(deps, method, segments, { url, body, request }) : routeNotFound());

  // Record before replying: when the client's promise settles, the test already sees the request.
  deps.log.record({
    ...pending,
    status: answer.status,
    responseBody: answer.body,
    injectedFault: fault !== undefined,
  });
  send(response, answer);
}

function route(
  deps: HttpServerDeps,
  method: string,
  segments: string[],
  context: { url: URL; body: ParsedBody; request: IncomingMessage },
): FakeResponse {
  const match = matchRoute(deps.routes, method, segments);
  if (match === undefined) return routeNotFound();
  if ("methodNotAllowed" in match) return methodNotAllowed();
  if (match.route.auth && !authorised(deps.token, context.request.headers.authorization))
    return unauthorized();
  return match.route.handle({
    params: match.params,
    query: context.url.searchParams,
    body: context.body,
    headers: context.request.headers,
  });
}

function authorised(expectedToken: string | undefined, header: string | undefined): boolean {
  if (header === undefined || !header.startsWith("Bot ")) return false;
  return expectedToken === undefined || header === `Bot ${expectedToken}`;
}

/** Decoding per segment keeps an encoded "/" inside a segment from splitting it. */
function decodeSegments(path: string): string[] {
  return path
    .split("/")
    .filter((segment) => segment.length > 0)
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

function send(response: ServerResponse, answer: FakeResponse): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  headers["Content-Type"] = "application/json";
  response.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
}
