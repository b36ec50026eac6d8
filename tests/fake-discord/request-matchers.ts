import type { PendingRequest } from "./faults.ts";

/**
 * Predicates for the routes tests care about, usable both with `waitForRequest` and with `failNext`.
 * Paths are URL-decoded, so `@original` is matched however the client encoded it.
 */

export const isInteractionCallback =
  (interactionId?: string) =>
  (request: PendingRequest): boolean => {
    const match = /^\/interactions\/([^/]+)\/[^/]+\/callback$/.exec(request.path);
    return (
      request.method === "POST" &&
      match !== null &&
      (interactionId === undefined || match[1] === interactionId)
    );
  };

export const isOriginalMessageEdit =
  (interactionToken?: string) =>
  (request: PendingRequest): boolean => {
    const match = /^\/webhooks\/[^/]+\/([^/]+)\/messages\/@original$/.exec(request.path);
    return (
      request.method === "PATCH" &&
      match !== null &&
      (interactionToken === undefined || match[1] === interactionToken)
    );
  };

export const isFollowUp =
  (interactionToken?: string) =>
  (request: PendingRequest): boolean => {
    const match = /^\/webhooks\/[^/]+\/([^/]+)$/.exec(request.path);
    return (
      request.method === "POST" &&
      match !== null &&
      (interactionToken === undefined || match[1] === interactionToken)
    );
  };

export const isCommandRegistration = (request: PendingRequest): boolean =>
  request.method === "PUT" && /^\/applications\/[^/]+(\/guilds\/[^/]+)?\/commands$/.test(request.path);

/** Successful answers only: what Discord actually accepted, as opposed to attempts. */
export const succeeded = (request: { status: number }): boolean =>
  request.status >= 200 && request.status < 300;
