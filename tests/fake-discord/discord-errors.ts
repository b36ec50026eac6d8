import type { FakeResponse } from "./fake-response.ts";

/** One problem in a request body, located like Discord locates them: a path into the JSON. */
export interface FormIssue {
  path: ReadonlyArray<PropertyKey>;
  code: string;
  message: string;
}

function discordError(status: number, code: number, message: string, errors?: unknown): FakeResponse {
  return { status, body: errors === undefined ? { message, code } : { message, code, errors } };
}

export const unauthorized = () => discordError(401, 0, "401: Unauthorized");
export const routeNotFound = () => discordError(404, 0, "404: Not Found");
export const unknownWebhook = () => discordError(404, 10015, "Unknown Webhook");
export const unknownMessage = () => discordError(404, 10008, "Unknown Message");
export const unknownInteraction = () => discordError(404, 10062, "Unknown interaction");
export const unknownGuild = () => discordError(404, 10004, "Unknown Guild");
export const missingAccess = () => discordError(403, 50001, "Missing Access");
export const methodNotAllowed = () => discordError(405, 0, "405: Method Not Allowed");
export const invalidWebhookToken = () => discordError(401, 50027, "Invalid Webhook Token");
export const alreadyAcknowledged = () =>
  discordError(400, 40060, "Interaction has already been acknowledged.");
export const emptyMessage = () => discordError(400, 50006, "Cannot send an empty message");
export const invalidJson = () => discordError(400, 50109, "The request body contains invalid JSON.");

/**
 * 50035 with Discord's nested error tree, e.g. `{ data: { content: { _errors: [...] } } }`;
 * discord.js flattens that tree into the message of the DiscordAPIError a bot sees.
 */
export function invalidFormBody(issues: readonly FormIssue[]): FakeResponse {
  const tree: Record<string, unknown> = {};
  for (const issue of issues) {
    let node = tree;
    for (const key of issue.path) {
      const name = String(key);
      const child = node[name];
      const next: Record<string, unknown> = isRecord(child) ? child : {};
      node[name] = next;
      node = next;
    }
    const existing = node._errors;
    const errors = Array.isArray(existing) ? existing : [];
    errors.push({ code: issue.code, message: issue.message });
    node._errors = errors;
  }
  return discordError(400, 50035, "Invalid Form Body", tree);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
