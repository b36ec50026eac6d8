import { isAbsolute, join, resolve } from "node:path";
import { config as loadDotenv } from "dotenv";
import { z } from "zod";
import { PROJECT_ROOT } from "./installation.ts";
import { UserError } from "./user-error.ts";

/**
 * Configuration from environment variables (documented in .env.example). Pure: `.env` is read by the
 * entry points (src/main.ts, src/cli.ts, through loadEnvFile) before this runs, so tests pass their
 * own `env` object. Every bad value is reported at once, each in one sentence naming the variable;
 * the token's value is never echoed.
 */

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
const DISCORD_ID = /^\d{17,20}$/;
const MAX_COOLDOWN_SECONDS = 3600;
/**
 * A quiz speaks through the interaction that started it, whose follow-ups Discord accepts for 15
 * minutes: ten rounds of at most a minute, with their reveals, fit well within them.
 */
const QUIZ_SECONDS_RANGE = { min: 5, max: 60 } as const;

export class ConfigError extends UserError {
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    const [only, ...more] = list;
    super(
      "config",
      more.length === 0 && only !== undefined
        ? only
        : [`The configuration has ${list.length} problems (in .env or the environment):`, ...list].join("\n"),
    );
    this.name = "ConfigError";
    this.problems = list;
  }
}

/**
 * Reads `.env` from the project folder, whatever the working directory (DOSSIER_ENV_FILE names
 * another file). Variables already set in the environment win, as a service manager expects.
 */
export function loadEnvFile(env: NodeJS.ProcessEnv = process.env): void {
  const path = env.DOSSIER_ENV_FILE?.trim() || join(PROJECT_ROOT, ".env");
  loadDotenv({ path, quiet: true, processEnv: env });
}

/** `.env` files copied from .env.example hold `NAME=` lines: an empty value means "not set". */
const blankAsUnset = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsUnset, schema.optional());
const shown = (input: unknown) => JSON.stringify(String(input));

const discordToken = z
  .string()
  .trim()
  .superRefine((token, ctx) => {
    // Explains the two usual mistakes without ever repeating the secret.
    if (/^Bot\s/i.test(token)) {
      ctx.addIssue({
        code: "custom",
        message: 'DISCORD_TOKEN must be the token alone, without the "Bot " prefix.',
      });
    } else if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(token)) {
      ctx.addIssue({
        code: "custom",
        message:
          "DISCORD_TOKEN does not look like a bot token (three parts separated by dots): copy it from the Bot page of the Discord Developer Portal, not the client secret.",
      });
    }
  });

const discordId = (name: string) =>
  z
    .string()
    .trim()
    .regex(DISCORD_ID, {
      error: (issue) => `${name} must be a Discord id (17–20 digits); got ${shown(issue.input)}.`,
    });

const apiUrl = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const parsed = URL.canParse(value) ? new URL(value) : undefined;
    if (parsed === undefined || (parsed.protocol !== "http:" && parsed.protocol !== "https:")) {
      ctx.addIssue({
        code: "custom",
        message: `DISCORD_API_URL must be an http(s) address such as http://127.0.0.1:3000/api; got ${shown(value)}.`,
      });
    } else if (/\/v\d+\/?$/.test(parsed.pathname)) {
      ctx.addIssue({
        code: "custom",
        message: `DISCORD_API_URL must not end with the API version (it is added for you): use ${shown(value.replace(/\/v\d+\/?$/, ""))}.`,
      });
    }
  })
  .transform((value) => value.replace(/\/+$/, ""));

const roleIds = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== ""),
  )
  .superRefine((ids, ctx) => {
    const bad = ids.find((id) => !DISCORD_ID.test(id));
    if (bad !== undefined) {
      ctx.addIssue({
        code: "custom",
        message: `MODERATOR_ROLE_IDS must be Discord role ids (17–20 digits) separated by commas; ${shown(bad)} is not one.`,
      });
    }
  });

const logLevel = z.enum(LOG_LEVELS, {
  error: (issue) => `LOG_LEVEL must be one of ${LOG_LEVELS.join(", ")}; got ${shown(issue.input)}.`,
});

const cooldownSeconds = z
  .string()
  .trim()
  .regex(/^\d+$/, {
    error: (issue) =>
      `COOLDOWN_SECONDS must be a whole number of seconds (0 turns the cooldown off); got ${shown(issue.input)}.`,
  })
  .transform(Number)
  .refine((seconds) => seconds <= MAX_COOLDOWN_SECONDS, {
    error: (issue) => `COOLDOWN_SECONDS must be at most ${MAX_COOLDOWN_SECONDS}; got ${shown(issue.input)}.`,
  });

const quizSeconds = z
  .string()
  .trim()
  .regex(/^\d+$/, {
    error: (issue) => `QUIZ_SECONDS must be a whole number of seconds; got ${shown(issue.input)}.`,
  })
  .transform(Number)
  .refine((seconds) => seconds >= QUIZ_SECONDS_RANGE.min && seconds <= QUIZ_SECONDS_RANGE.max, {
    error: (issue) =>
      `QUIZ_SECONDS must be between ${QUIZ_SECONDS_RANGE.min} and ${QUIZ_SECONDS_RANGE.max} (a quiz must end within Discord's 15 minutes); got ${shown(issue.input)}.`,
  });

/** A relative DATA_DIR is taken from the project folder, not from wherever the command was started. */
const dataDir = z
  .string()
  .trim()
  .transform((dir) => (isAbsolute(dir) ? dir : resolve(PROJECT_ROOT, dir)));

const metricsPort = z
  .string()
  .trim()
  .regex(/^\d{1,5}$/, {
    error: (issue) =>
      `METRICS_PORT must be a port number (1–65535) for /metrics and /healthz; got ${shown(issue.input)}.`,
  })
  .transform(Number)
  .refine((port) => port <= 65535, {
    error: (issue) => `METRICS_PORT must be at most 65535; got ${shown(issue.input)}.`,
  });

const metricsHost = z
  .string()
  .trim()
  .regex(/^[\w.:-]+$/, {
    error: (issue) =>
      `METRICS_HOST must be an address to listen on, such as 127.0.0.1 or 0.0.0.0; got ${shown(issue.input)}.`,
  });

const databaseUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\/./.test(value) && URL.canParse(value), {
    error: () =>
      "DATABASE_URL must be a Postgres address such as postgres://dossier:password@db.example:5432/dossier (leave it unset to keep the SQLite file in DATA_DIR).",
  });

const publicKey = z
  .string()
  .trim()
  .regex(/^[0-9a-f]{64}$/i, {
    error: () =>
      "DISCORD_PUBLIC_KEY must be the application's public key, 64 hexadecimal characters: copy it from the General Information page of the Discord Developer Portal.",
  });

const shardCount = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(auto|\d{1,4})$/, {
    error: (issue) =>
      `SHARD_COUNT must be "auto" (Discord's recommendation) or a number of shards such as 2; got ${shown(issue.input)}.`,
  })
  .transform((value) => (value === "auto" ? ("auto" as const) : Number(value)))
  .refine((value) => value === "auto" || value >= 1, { error: () => "SHARD_COUNT must be at least 1." });

const port = (name: string) =>
  z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, {
      error: (issue) => `${name} must be a port number (1–65535); got ${shown(issue.input)}.`,
    })
    .transform(Number)
    .refine((value) => value >= 1 && value <= 65535, {
      error: (issue) => `${name} must be a port number (1–65535); got ${shown(issue.input)}.`,
    });

const envSchema = z
  .object({
    DISCORD_TOKEN: optional(discordToken),
    DISCORD_CLIENT_ID: optional(discordId("DISCORD_CLIENT_ID")),
    DISCORD_GUILD_ID: optional(discordId("DISCORD_GUILD_ID")),
    DISCORD_API_URL: optional(apiUrl),
    DATA_DIR: optional(dataDir).default(join(PROJECT_ROOT, "data")),
    MODERATOR_ROLE_IDS: optional(roleIds).default([]),
    LOG_LEVEL: optional(z.string().trim().toLowerCase().pipe(logLevel)).default("info"),
    COOLDOWN_SECONDS: optional(cooldownSeconds).default(3),
    QUIZ_SECONDS: optional(quizSeconds).default(20),
    METRICS_PORT: optional(metricsPort),
    // Loopback unless told otherwise: metrics say how busy the bot is, which is nobody else's business.
    METRICS_HOST: optional(metricsHost).default("127.0.0.1"),
    DATABASE_URL: optional(databaseUrl),
    DISCORD_PUBLIC_KEY: optional(publicKey),
    SHARD_COUNT: optional(shardCount),
    PORT: optional(port("PORT")).default(8080),
    HOST: optional(z.string().trim()).default("127.0.0.1"),
  })
  .transform((env) => ({
    discordToken: env.DISCORD_TOKEN,
    discordClientId: env.DISCORD_CLIENT_ID,
    discordGuildId: env.DISCORD_GUILD_ID,
    discordApiUrl: env.DISCORD_API_URL,
    dataDir: env.DATA_DIR,
    moderatorRoleIds: env.MODERATOR_ROLE_IDS,
    logLevel: env.LOG_LEVEL,
    cooldownSeconds: env.COOLDOWN_SECONDS,
    quizSeconds: env.QUIZ_SECONDS,
    metricsPort: env.METRICS_PORT,
    metricsHost: env.METRICS_HOST,
    databaseUrl: env.DATABASE_URL,
    discordPublicKey: env.DISCORD_PUBLIC_KEY,
    shardCount: env.SHARD_COUNT,
    httpPort: env.PORT,
    httpHost: env.HOST,
  }));

export type Config = z.infer<typeof envSchema>;
export type ConfigVariable = keyof z.input<typeof envSchema>;
const variables = envSchema.in.shape;
export const CONFIG_VARIABLES = Object.keys(variables) as ConfigVariable[];

const CLIENT_ID_WITH_TOKEN =
  "DISCORD_CLIENT_ID is required when DISCORD_TOKEN is set: copy the Application ID from the General Information page of the Discord Developer Portal.";

/**
 * Reads and checks the environment; throws a ConfigError listing every problem. With `needs`, only
 * those variables are checked: a tool that needs the client id alone (invite) runs whatever state
 * the token is in, and a malformed variable it does not need counts as unset.
 */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  needs: readonly ConfigVariable[] = CONFIG_VARIABLES,
): Config {
  // Keyed by our own variable names only, never by outside text.
  const checked = Object.fromEntries(
    CONFIG_VARIABLES.filter(
      (name) => needs.includes(name) || variables[name].safeParse(env[name]).success,
    ).map((name) => [name, env[name]]),
  );
  const parsed = envSchema.safeParse(checked);
  // One sentence per variable: the first thing wrong with it is the one to fix.
  const problems = new Map<PropertyKey, string>();
  for (const issue of parsed.error?.issues ?? [])
    if (!problems.has(issue.path[0] ?? "")) problems.set(issue.path[0] ?? "", issue.message);
  const bothNeeded = needs.includes("DISCORD_TOKEN") && needs.includes("DISCORD_CLIENT_ID");
  const tokenSet = variables.DISCORD_TOKEN.safeParse(checked.DISCORD_TOKEN).data !== undefined;
  if (bothNeeded && tokenSet && blankAsUnset(checked.DISCORD_CLIENT_ID) === undefined)
    problems.set("DISCORD_CLIENT_ID", CLIENT_ID_WITH_TOKEN);
  if (parsed.data === undefined || problems.size > 0) throw new ConfigError([...problems.values()]);
  return parsed.data;
}

/** For the bot and deploy-commands, which cannot run without both. */
export function requireDiscordCredentials(config: Config): { token: string; clientId: string } {
  if (config.discordToken === undefined) {
    throw new ConfigError("DISCORD_TOKEN is not set: put the bot token in .env (see .env.example).");
  }
  if (config.discordClientId === undefined) {
    throw new ConfigError("DISCORD_CLIENT_ID is not set: put the Application ID in .env (see .env.example).");
  }
  return { token: config.discordToken, clientId: config.discordClientId };
}
