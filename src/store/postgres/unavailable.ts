import { UserError } from "../../user-error.ts";

export const STORE_UNAVAILABLE =
  "The database cannot be reached right now, so nothing was changed: try again in a minute.";

/**
 * Postgres restarting, the network between a replica and it, a full connection table: what the member
 * can do about it is wait and try again, and a transaction that did not commit left nothing behind.
 */
export class StoreUnavailableError extends UserError {
  constructor(options: { cause: unknown }) {
    super("store-unavailable", STORE_UNAVAILABLE);
    this.name = "StoreUnavailableError";
    this.cause = options.cause;
  }
}

const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "EHOSTUNREACH",
  "ENOTFOUND",
]);
/** SQLSTATE: class 08 connection exceptions; shutting down, crashed, starting; too many connections. */
const UNAVAILABLE_STATES = /^(08...|57P01|57P02|57P03|53300)$/;
/** node-postgres reports a lost or never-made connection in these words, without a code. */
const CONNECTION_MESSAGES =
  /Connection terminated|connection timeout|timeout exceeded when trying to connect|not queryable|Query read timeout/i;

/** Whether an error means the server was out of reach, rather than a query it refused. */
export function isConnectionFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = "code" in error && typeof error.code === "string" ? error.code : undefined;
  if (code !== undefined && (SOCKET_CODES.has(code) || UNAVAILABLE_STATES.test(code))) return true;
  if (error instanceof AggregateError) return error.errors.some(isConnectionFailure);
  return CONNECTION_MESSAGES.test(error.message);
}
