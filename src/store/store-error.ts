import { UserError } from "../user-error.ts";

/**
 * The database cannot be opened or written: a problem for whoever runs the bot, not for a member.
 * The message names the folder or file and says what to do.
 */
export class StoreError extends Error {
  constructor(
    readonly code:
      | "data-dir-unusable"
      | "database-unusable"
      | "database-too-new"
      | "database-damaged"
      | "database-foreign",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "StoreError";
  }
}

/** A moderator's entry was refused; nothing was written. Each problem is a sentence saying how to fix it. */
export class EntryValidationError extends UserError {
  constructor(readonly problems: ReadonlyArray<string>) {
    super("qa-invalid", problems.join("\n"));
    this.name = "EntryValidationError";
  }
}

export function entryNotFound(id: string): UserError {
  return new UserError(
    "qa-not-found",
    `There is no entry "${id}" in this server: pick one from the list of entries (ids look like why-now).`,
  );
}
