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
