import type { z } from "zod";
import type { FormIssue } from "./discord-errors.ts";

/** Translates zod's complaints into the codes and sentences Discord uses in a 50035 error tree. */
export function toFormIssues(error: z.ZodError, prefix: ReadonlyArray<PropertyKey>): FormIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    switch (issue.code) {
      case "too_big":
        return {
          path,
          code: "BASE_TYPE_MAX_LENGTH",
          message: `Must be ${issue.maximum} or fewer in length.`,
        };
      case "too_small":
        return issue.minimum === 1 && issue.origin === "string"
          ? { path, code: "BASE_TYPE_REQUIRED", message: "This field is required" }
          : { path, code: "BASE_TYPE_MIN_LENGTH", message: `Must be ${issue.minimum} or more in length.` };
      case "invalid_type":
        return issue.input === undefined
          ? { path, code: "BASE_TYPE_REQUIRED", message: "This field is required" }
          : { path, code: "BASE_TYPE_BAD_TYPE", message: `Must be of type ${issue.expected}.` };
      case "custom": {
        // Our own refinements name Discord's code in `params` when it is more specific than "invalid".
        const code = issue.params?.code;
        return { path, code: typeof code === "string" ? code : "BASE_TYPE_INVALID", message: issue.message };
      }
      default:
        return { path, code: "BASE_TYPE_INVALID", message: issue.message };
    }
  });
}
