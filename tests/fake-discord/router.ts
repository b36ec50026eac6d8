import type { IncomingHttpHeaders } from "node:http";
import type { FakeResponse } from "./fake-response.ts";
import type { ParsedBody } from "./request-body.ts";

export interface RouteRequest {
  params: RouteParams;
  query: URLSearchParams;
  body: ParsedBody;
  headers: IncomingHttpHeaders;
}

export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path below /api/v10 with `:name` placeholders, e.g. `/interactions/:id/:token/callback`. */
  pattern: string;
  /** Bot-token routes; interaction callbacks and webhooks are authorised by the token in the path instead. */
  auth: boolean;
  handle: (request: RouteRequest) => FakeResponse;
}

/** Path parameters; a missing one is a bug in a route table, not in the client, so it throws. */
export class RouteParams {
  constructor(private readonly values: ReadonlyMap<string, string>) {}

  has(name: string): boolean {
    return this.values.has(name);
  }

  get(name: string): string {
    const value = this.values.get(name);
    if (value === undefined) throw new Error(`Fake Discord route has no parameter ":${name}"`);
    return value;
  }
}

export type RouteMatch = { route: Route; params: RouteParams } | { methodNotAllowed: true } | undefined;

/** `segments` are already URL-decoded, so `%40original` and `@original` match the same route. */
export function matchRoute(
  routes: readonly Route[],
  method: string,
  segments: readonly string[],
): RouteMatch {
  let pathMatched = false;
  for (const route of routes) {
    const params = matchPattern(route.pattern, segments);
    if (params === undefined) continue;
    if (route.method === method) return { route, params: new RouteParams(params) };
    pathMatched = true;
  }
  return pathMatched ? { methodNotAllowed: true } : undefined;
}

function matchPattern(pattern: string, segments: readonly string[]): Map<string, string> | undefined {
  const parts = pattern.split("/").filter((part) => part.length > 0);
  if (parts.length !== segments.length) return undefined;
  const params = new Map<string, string>();
  for (const [index, part] of parts.entries()) {
    const segment = segments[index];
    if (segment === undefined) return undefined;
    if (part.startsWith(":")) params.set(part.slice(1), segment);
    else if (part !== segment) return undefined;
  }
  return params;
}
