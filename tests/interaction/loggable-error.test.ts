import { describe, expect, it } from "vitest";
import { redactSecrets, toLoggableError } from "../../src/interaction/loggable-error.ts";

describe("toLoggableError", () => {
  it("cuts interaction and webhook tokens out of URLs and messages", () => {
    const error = Object.assign(
      new Error("Unknown interaction at /interactions/123/aW50ZXJhY3Rpb24/callback"),
      {
        code: 10062,
        status: 404,
        method: "POST",
        url: "http://127.0.0.1/api/v10/webhooks/456/aW50ZXJhY3Rpb24/messages/%40original?x=1",
      },
    );
    const logged = toLoggableError(error);
    expect(JSON.stringify(logged)).not.toContain("aW50ZXJhY3Rpb24");
    expect(logged).toMatchObject({
      type: "Error",
      message: "Unknown interaction at /interactions/123/[redacted]/callback",
      code: 10062,
      status: 404,
      method: "POST",
      url: "http://127.0.0.1/api/v10/webhooks/456/[redacted]/messages/%40original?x=1",
    });
  });

  it("removes named secrets wherever they appear, the stack included", () => {
    const error = new Error("login failed with MTIz.abc.def");
    const logged = toLoggableError(error, ["MTIz.abc.def"]);
    expect(JSON.stringify(logged)).not.toContain("MTIz.abc.def");
    expect(logged.message).toBe("login failed with [redacted]");
  });

  it("describes values thrown that are not errors", () => {
    expect(toLoggableError("plain")).toEqual({ type: "string", message: "plain" });
  });

  it("ignores empty secrets instead of redacting between every character", () => {
    expect(redactSecrets("abc", [""])).toBe("abc");
  });
});
