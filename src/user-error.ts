/**
 * An error the user can fix: its message is a sentence meant for them ("The question is empty: type
 * a few words."). Anything else thrown is a bug: logged with context, answered with an apology.
 */
export class UserError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "UserError";
  }
}
