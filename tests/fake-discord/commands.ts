import { ApplicationCommandType } from "discord.js";
import { z } from "zod";
import { invalidFormBody } from "./discord-errors.ts";
import { type FakeResponse, ok } from "./fake-response.ts";
import { toFormIssues } from "./form-issues.ts";
import type { SnowflakeFactory } from "./snowflakes.ts";

/** Application commands as registered by a deploy script, with the checks Discord applies to a bulk PUT. */

export type CommandScope = { kind: "global" } | { kind: "guild"; guildId: string };

export interface CommandRegistration {
  scope: CommandScope;
  commands: RegisteredCommand[];
}

export interface RegisteredCommand {
  id: string;
  application_id: string;
  name: string;
  type: number;
  [field: string]: unknown;
}

const optionSchema = z.looseObject({
  type: z.number().int(),
  name: z.string().min(1).max(32),
  description: z.string().min(1).max(100),
  choices: z.array(z.unknown()).max(25).optional(),
});

const commandSchema = z
  .looseObject({
    name: z.string().min(1).max(32),
    type: z.number().int().optional(),
    description: z.string().max(100).optional(),
    options: z.array(optionSchema).max(25).optional(),
  })
  .superRefine((command, ctx) => {
    const isSlashCommand =
      (command.type ?? ApplicationCommandType.ChatInput) === ApplicationCommandType.ChatInput;
    if (isSlashCommand && !/^[-_\p{Ll}\p{Lo}\p{N}]{1,32}$/u.test(command.name)) {
      ctx.addIssue({
        code: "custom",
        path: ["name"],
        message: "Command name is invalid",
        params: { code: "APPLICATION_COMMAND_INVALID_NAME" },
      });
    }
    if (isSlashCommand && (command.description ?? "").length === 0) {
      ctx.addIssue({
        code: "custom",
        path: ["description"],
        message: "This field is required",
        params: { code: "BASE_TYPE_REQUIRED" },
      });
    }
  });

const bulkSchema = z.array(commandSchema).max(100);

export class CommandRegistry {
  readonly #current = new Map<string, RegisteredCommand[]>();
  /** Every accepted bulk overwrite, in order, so tests can assert which scope a deploy used. */
  readonly registrations: CommandRegistration[] = [];

  constructor(
    private readonly applicationId: string,
    private readonly nextId: SnowflakeFactory,
  ) {}

  /** The id Discord would put in an interaction for this command: the guild's registration wins. */
  idOf(name: string, guildId: string): string | undefined {
    const registered = [
      ...(this.#current.get(scopeKey({ kind: "guild", guildId })) ?? []),
      ...(this.#current.get("global") ?? []),
    ];
    return registered.find((command) => command.name === name)?.id;
  }

  list(scope: CommandScope): FakeResponse {
    return ok(this.#current.get(scopeKey(scope)) ?? []);
  }

  /** PUT replaces the whole set; a command keeps its id when a command of the same name existed before. */
  overwrite(scope: CommandScope, body: unknown): FakeResponse {
    const parsed = bulkSchema.safeParse(body);
    if (!parsed.success) return invalidFormBody(toFormIssues(parsed.error, []));
    const names = parsed.data.map((command) => `${command.type ?? 1}:${command.name}`);
    const duplicate = names.findIndex((name, index) => names.indexOf(name) !== index);
    if (duplicate !== -1) {
      return invalidFormBody([
        { path: [duplicate, "name"], code: "APPLICATION_COMMANDS_DUPLICATE_NAME", message: "Duplicate name" },
      ]);
    }

    const previous = this.#current.get(scopeKey(scope)) ?? [];
    const commands = parsed.data.map((command): RegisteredCommand => {
      const type = command.type ?? ApplicationCommandType.ChatInput;
      const kept = previous.find((old) => old.name === command.name && old.type === type);
      return {
        default_member_permissions: null,
        nsfw: false,
        integration_types: [0],
        contexts: null,
        ...command,
        id: kept?.id ?? this.nextId(),
        application_id: this.applicationId,
        version: this.nextId(),
        type,
        ...(scope.kind === "guild" ? { guild_id: scope.guildId } : {}),
      };
    });
    this.#current.set(scopeKey(scope), commands);
    this.registrations.push({ scope, commands });
    return ok(commands);
  }
}

function scopeKey(scope: CommandScope): string {
  return scope.kind === "global" ? "global" : `guild:${scope.guildId}`;
}
