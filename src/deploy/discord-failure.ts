import { z } from "zod";
import { UserError } from "../user-error.ts";

/**
 * Turns what Discord (or the network on the way to it) answers into one sentence an admin can act
 * on. The errors are recognised by shape rather than by class, so that `npm start` can explain them
 * without loading discord.js for the offline console.
 */

export interface FailureSituation {
  /** What to run again once the problem is fixed: "dossier deploy-commands", "npm start". */
  retry: string;
  /** DISCORD_API_URL when set, since a wrong one is the likeliest reason nothing answers. */
  apiUrl?: string | undefined;
}

/** DiscordAPIError (@discordjs/rest): Discord answered 4xx with a JSON error code. */
const apiErrorShape = z.object({
  status: z.number(),
  code: z.union([z.number(), z.string()]),
  url: z.string(),
});
/** RateLimitError, thrown when a wait is longer than the REST client is told to sit through. */
const rateLimitShape = z.object({ timeToReset: z.number(), retryAfter: z.number() });
/** HTTPError: a 5xx answer, after the REST client's own retries. */
const httpErrorShape = z.object({ name: z.literal("HTTPError"), status: z.number() });
const codeShape = z.object({ code: z.string() });
const causeShape = z.object({ cause: z.unknown() });

/** Error codes of a failure to reach a server at all: no network, no DNS, nothing listening, no answer. */
const NETWORK_CODES = new Set([
  "ENOTFOUND",
  "EAI_AGAIN",
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "ENETDOWN",
  "EPIPE",
  "UND_ERR_CONNECT_TIMEOUT",
  "UND_ERR_SOCKET",
  "UND_ERR_HEADERS_TIMEOUT",
]);

/** Discord's JSON error codes that an admin can fix (https://discord.com/developers/docs/topics/opcodes-and-status-codes). */
const UNKNOWN_APPLICATION = 10002;
const UNKNOWN_GUILD = 10004;
const MISSING_ACCESS = 50001;

/**
 * The code (ENOTFOUND, ECONNREFUSED…) when the error, or one of its causes, is a failure to reach
 * Discord; undefined for anything Discord answered. A request that timed out counts (AbortError).
 */
export function networkFailureCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current !== undefined && depth < 5; depth++) {
    const code = codeShape.safeParse(current);
    if (code.success && NETWORK_CODES.has(code.data.code)) return code.data.code;
    if (current instanceof Error && current.name === "AbortError") return "timed out";
    const cause = causeShape.safeParse(current);
    current = cause.success ? cause.data.cause : undefined;
  }
  return undefined;
}

/** One sentence for a failure the admin can fix, or undefined when it is a bug (the caller shows it whole). */
export function explainDiscordFailure(error: unknown, situation: FailureSituation): UserError | undefined {
  const sentence = sentenceFor(error, situation);
  return sentence === undefined ? undefined : new DiscordFailure(sentence, error);
}

/** A UserError that keeps what Discord said, for the debug log. */
class DiscordFailure extends UserError {
  constructor(message: string, cause: unknown) {
    super("discord-refused", message);
    this.name = "DiscordFailure";
    this.cause = cause;
  }
}

function sentenceFor(error: unknown, { retry, apiUrl }: FailureSituation): string | undefined {
  const again = `then run ${retry} again`;
  if (isRefusedToken(error)) {
    return `Discord refused DISCORD_TOKEN: copy the bot's token again (Developer Portal › Bot › Reset Token) into .env, ${again}.`;
  }
  const network = networkFailureCode(error);
  if (network !== undefined) {
    const where = apiUrl === undefined ? "" : `, and DISCORD_API_URL (${apiUrl})`;
    return `Cannot reach Discord (${network}): check this machine's internet connection, DNS and proxy settings${where}, ${again}.`;
  }
  const rateLimit = rateLimitShape.safeParse(error);
  if (rateLimit.success) {
    const wait = describeWait(Math.max(rateLimit.data.timeToReset, rateLimit.data.retryAfter));
    return `Discord is rate-limiting this bot for about ${wait}: wait that long, ${again}.`;
  }
  const outage = httpErrorShape.safeParse(error);
  if (outage.success) {
    return `Discord answered with a server error (${outage.data.status}): the trouble is on Discord's side and usually passes within minutes; run ${retry} again later.`;
  }
  const api = apiErrorShape.safeParse(error);
  if (!api.success) return undefined;
  const guildId = /\/guilds\/(\d+)/.exec(api.data.url)?.[1];
  const applicationId = /\/applications\/(\d+)/.exec(api.data.url)?.[1] ?? "(unknown)";
  switch (api.data.code) {
    case MISSING_ACCESS:
      return guildId === undefined
        ? `Discord denied access to application ${applicationId}: DISCORD_CLIENT_ID must be the Application ID of the application whose token is DISCORD_TOKEN (Developer Portal › General Information), ${again}.`
        : `The bot may not manage commands on server ${guildId}: invite it there with the link that \`dossier invite\` prints (it asks for the applications.commands scope), ${again}.`;
    case UNKNOWN_GUILD:
      return `Discord knows no server with the id ${guildId ?? "given"}: copy the id again (User Settings › Advanced › Developer Mode, then right-click the server › Copy Server ID) into DISCORD_GUILD_ID or --guild, ${again}.`;
    case UNKNOWN_APPLICATION:
      return `Discord knows no application with the id ${applicationId}: copy the Application ID again (Developer Portal › General Information) into DISCORD_CLIENT_ID, ${again}.`;
    default:
      return undefined;
  }
}

/** A 401 from REST, or discord.js's TokenInvalid, which is what login turns that 401 into. */
function isRefusedToken(error: unknown): boolean {
  const code = codeShape.safeParse(error);
  if (code.success && code.data.code === "TokenInvalid") return true;
  const api = apiErrorShape.safeParse(error);
  return api.success && api.data.status === 401;
}

function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  if (seconds < 90) return `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  return `${Math.round(minutes / 60)} hours`;
}
