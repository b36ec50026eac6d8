import { missingAccess, unauthorized, unknownGuild } from "./discord-errors.ts";
import type { FakeResponse } from "./fake-response.ts";
import type { RecordedRequest } from "./request-log.ts";

/** The request as known before it is answered; fault rules match on it like waiters do on the log. */
export type PendingRequest = Omit<RecordedRequest, "index" | "status" | "responseBody" | "injectedFault">;
export type PendingRequestPredicate = (request: PendingRequest) => boolean;

/**
 * 401: the token is refused. 403: Missing Access (50001), as for a server the bot was not invited to
 * with applications.commands. 404: Unknown Guild (10004). 429: a rate limit. 5xx: an outage.
 */
export interface FaultSpec {
  status: 401 | 403 | 404 | 429 | 500 | 502 | 503 | 504;
  /** How many matching requests fail before the route answers normally again. Default 1. */
  times?: number;
  /** For 429: seconds discord.js should wait. Small, so retries finish quickly. Default 0.05. */
  retryAfterSeconds?: number;
  /** For 429: a global rate limit instead of a per-route one. */
  global?: boolean;
}

interface FaultRule {
  matches: PendingRequestPredicate;
  spec: FaultSpec;
  remaining: number;
}

/**
 * Makes the next N matching requests fail the way Discord's edge does, before the route sees them —
 * so a failed attempt never counts as a delivered reply, and the test can check that the retry does.
 */
export class FaultInjector {
  readonly #rules: FaultRule[] = [];

  failNext(matches: PendingRequestPredicate, spec: FaultSpec): void {
    this.#rules.push({ matches, spec, remaining: spec.times ?? 1 });
  }

  /** Number of injected failures not yet served; a test can assert 0 to know its fault was exercised. */
  get pending(): number {
    return this.#rules.reduce((sum, rule) => sum + rule.remaining, 0);
  }

  take(request: PendingRequest): FakeResponse | undefined {
    const rule = this.#rules.find((candidate) => candidate.remaining > 0 && candidate.matches(request));
    if (rule === undefined) return undefined;
    rule.remaining -= 1;
    switch (rule.spec.status) {
      case 401:
        return unauthorized();
      case 403:
        return missingAccess();
      case 404:
        return unknownGuild();
      case 429:
        return rateLimited(rule.spec);
      default:
        return serverError(rule.spec.status);
    }
  }
}

function rateLimited(spec: FaultSpec): FakeResponse {
  const retryAfter = spec.retryAfterSeconds ?? 0.05;
  const scope = spec.global === true ? "global" : "user";
  // @discordjs/rest sleeps for Retry-After (plus its 50 ms offset) and then retries the same request.
  const headers: Record<string, string> = {
    "Retry-After": String(retryAfter),
    "X-RateLimit-Limit": "5",
    "X-RateLimit-Remaining": "0",
    "X-RateLimit-Reset-After": String(retryAfter),
    "X-RateLimit-Reset": String(Date.now() / 1000 + retryAfter),
    "X-RateLimit-Scope": scope,
    ...(spec.global === true ? { "X-RateLimit-Global": "true" } : {}),
  };
  return {
    status: 429,
    headers,
    body: { message: "You are being rate limited.", retry_after: retryAfter, global: spec.global === true },
  };
}

function serverError(status: number): FakeResponse {
  return { status, body: { message: `${status}: Internal Server Error`, code: 0 } };
}
