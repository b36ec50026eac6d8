/**
 * An error as a plain object fit for a log line. discord.js errors carry the request URL, and an
 * interaction's URL embeds its token (`/interactions/{id}/{token}/callback`, `/webhooks/{app}/{token}`),
 * which lets anyone answer as the bot for 15 minutes: tokens are cut out of every string, along with
 * any secret the caller names (the bot token).
 */
export interface LoggableError {
  type: string;
  message: string;
  stack?: string;
  code?: string | number;
  status?: number;
  method?: string;
  url?: string;
}

const TOKEN_IN_PATH = /(\/(?:interactions\/\d+|webhooks\/\d+)\/)[^/\s?#"']+/g;
const REDACTED = "[redacted]";

export function redactSecrets(text: string, secrets: readonly string[] = []): string {
  let redacted = text.replace(TOKEN_IN_PATH, `$1${REDACTED}`);
  for (const secret of secrets) if (secret.length > 0) redacted = redacted.split(secret).join(REDACTED);
  return redacted;
}

export function toLoggableError(error: unknown, secrets: readonly string[] = []): LoggableError {
  if (!(error instanceof Error))
    return { type: typeof error, message: redactSecrets(String(error), secrets) };
  const loggable: LoggableError = { type: error.name, message: redactSecrets(error.message, secrets) };
  if (error.stack !== undefined) loggable.stack = redactSecrets(error.stack, secrets);
  const extra = error as Error & Partial<Record<"code" | "status" | "method" | "url", unknown>>;
  if (typeof extra.code === "string" || typeof extra.code === "number") loggable.code = extra.code;
  if (typeof extra.status === "number") loggable.status = extra.status;
  if (typeof extra.method === "string") loggable.method = extra.method;
  if (typeof extra.url === "string") loggable.url = redactSecrets(extra.url, secrets);
  return loggable;
}
