import { type ParseArgsConfig, parseArgs } from "node:util";

type OptionsConfig = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs, with its errors turned into sentences that name the sub-command. */
export function parseArguments<T extends OptionsConfig>(subCommand: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(explain(subCommand, error), subCommand);
  }
}

function explain(subCommand: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof Error && "code" in error ? error.code : undefined;
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" && option !== undefined) {
    return `"dossier ${subCommand}" has no option ${option}.`;
  }
  if (code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE" && option !== undefined) {
    return `The option ${option} of "dossier ${subCommand}" needs a value.`;
  }
  return `dossier ${subCommand}: ${message}`;
}

/**
 * The command line itself was misused (unknown option, missing value): exit code 2 and the usage,
 * as opposed to a UserError about what was asked (exit code 1).
 */
export class UsageError extends Error {
  constructor(
    message: string,
    /** The sub-command whose usage line should follow the message. */
    readonly subCommand?: string,
  ) {
    super(message);
    this.name = "UsageError";
  }
}
