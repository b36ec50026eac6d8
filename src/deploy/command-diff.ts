import { z } from "zod";

/**
 * What a deploy changes, found by comparing the commands Discord has with the ones we are about to
 * register. Only the fields we set are compared: Discord's answer adds ids, versions and defaults
 * (`required: false`, `nsfw: false`…) that are not changes.
 */

const optionSchema: z.ZodType<RegisteredOption> = z.lazy(() =>
  z.looseObject({
    type: z.number(),
    name: z.string(),
    description: z.string(),
    required: z.boolean().optional(),
    autocomplete: z.boolean().optional(),
    min_length: z.number().optional(),
    max_length: z.number().optional(),
    min_value: z.number().optional(),
    max_value: z.number().optional(),
    choices: z
      .array(z.looseObject({ name: z.string(), value: z.union([z.string(), z.number()]) }))
      .optional(),
    options: z.array(optionSchema).optional(),
  }),
);

interface RegisteredOption {
  type: number;
  name: string;
  description: string;
  required?: boolean | undefined;
  autocomplete?: boolean | undefined;
  min_length?: number | undefined;
  max_length?: number | undefined;
  min_value?: number | undefined;
  max_value?: number | undefined;
  choices?: Array<{ name: string; value: string | number }> | undefined;
  options?: RegisteredOption[] | undefined;
}

export const registeredCommandSchema = z.looseObject({
  name: z.string(),
  type: z.number().optional(),
  description: z.string().optional(),
  options: z.array(optionSchema).optional(),
  default_member_permissions: z.string().nullish(),
  nsfw: z.boolean().optional(),
});
export const registeredCommandsSchema = z.array(registeredCommandSchema);
export type RegisteredCommand = z.infer<typeof registeredCommandSchema>;

export interface CommandDiff {
  added: string[];
  updated: string[];
  removed: string[];
  unchanged: string[];
}

export function diffCommands(
  current: readonly RegisteredCommand[],
  desired: readonly RegisteredCommand[],
): CommandDiff {
  const diff: CommandDiff = { added: [], updated: [], removed: [], unchanged: [] };
  const currentByName = new Map(current.map((command) => [command.name, command]));
  for (const command of desired) {
    const existing = currentByName.get(command.name);
    if (existing === undefined) diff.added.push(command.name);
    else if (fingerprint(existing) === fingerprint(command)) diff.unchanged.push(command.name);
    else diff.updated.push(command.name);
  }
  const desiredNames = new Set(desired.map((command) => command.name));
  diff.removed = current.map((command) => command.name).filter((name) => !desiredNames.has(name));
  return diff;
}

function fingerprint(command: RegisteredCommand): string {
  return JSON.stringify({
    type: command.type ?? 1,
    name: command.name,
    description: command.description ?? "",
    options: (command.options ?? []).map(normalizeOption),
    default_member_permissions: command.default_member_permissions ?? null,
    nsfw: command.nsfw ?? false,
  });
}

function normalizeOption(option: RegisteredOption): unknown {
  return {
    type: option.type,
    name: option.name,
    description: option.description,
    required: option.required ?? false,
    autocomplete: option.autocomplete ?? false,
    min_length: option.min_length ?? null,
    max_length: option.max_length ?? null,
    min_value: option.min_value ?? null,
    max_value: option.max_value ?? null,
    choices: (option.choices ?? []).map((choice) => [choice.name, choice.value]),
    options: (option.options ?? []).map(normalizeOption),
  };
}
