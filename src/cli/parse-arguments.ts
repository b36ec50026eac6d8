import { type ParseArgsConfig, parseArgs } from "node:util";
import { UsageError } from "./usage-error.ts";

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
