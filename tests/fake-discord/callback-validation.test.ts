import { InteractionType, InteractionResponseType as Response } from "discord.js";
import { describe, expect, it } from "vitest";
import { validateCallback } from "./callback-validation.ts";

/** The fake is only useful if it refuses what Discord refuses; each row is one documented limit. */

const message = (data: Record<string, unknown>) => ({ type: Response.ChannelMessageWithSource, data });
const row = (count: number) => ({
  type: 1,
  components: Array.from({ length: count }, (_, i) => ({
    type: 2,
    style: 1,
    custom_id: `b${i}`,
    label: "B",
  })),
});
const field = { name: "n", value: "v" };

function errorCode(interactionType: InteractionType, body: unknown): number | "accepted" {
  const verdict = validateCallback(interactionType, body, 0);
  if ("accepted" in verdict) return "accepted";
  const responseBody = verdict.rejected.body;
  if (typeof responseBody !== "object" || responseBody === null || !("code" in responseBody)) {
    throw new Error("a rejection without a Discord error code");
  }
  return Number(responseBody.code);
}

describe("validateCallback", () => {
  const command = InteractionType.ApplicationCommand;

  it.each([
    ["a plain reply", message({ content: "hi" }), "accepted"],
    ["a reply with no content at all", message({}), 50006],
    ["an empty string as the only content", message({ content: "" }), 50006],
    ["content over 2000 characters", message({ content: "x".repeat(2001) }), 50035],
    ["an embed title over 256", message({ embeds: [{ title: "x".repeat(257) }] }), 50035],
    ["an embed description over 4096", message({ embeds: [{ description: "x".repeat(4097) }] }), 50035],
    [
      "embeds over 6000 characters together",
      message({ embeds: [{ description: "x".repeat(3001) }, { description: "x".repeat(3000) }] }),
      50035,
    ],
    [
      "a field value over 1024",
      message({ embeds: [{ fields: [{ name: "n", value: "x".repeat(1025) }] }] }),
      50035,
    ],
    [
      "more than 25 fields",
      message({ embeds: [{ fields: Array.from({ length: 26 }, () => field) }] }),
      50035,
    ],
    ["more than 10 embeds", message({ embeds: Array.from({ length: 11 }, () => ({ title: "t" })) }), 50035],
    ["more than 5 action rows", message({ components: Array.from({ length: 6 }, () => row(1)) }), 50035],
    ["more than 5 buttons in a row", message({ components: [row(6)] }), 50035],
    [
      "a custom_id over 100",
      message({ components: [{ type: 1, components: [{ type: 2, style: 1, custom_id: "x".repeat(101) }] }] }),
      50035,
    ],
    [
      "a button without custom_id",
      message({ components: [{ type: 1, components: [{ type: 2, style: 1, label: "B" }] }] }),
      50035,
    ],
    [
      "users in both parse and users",
      message({ content: "hi", allowed_mentions: { parse: ["users"], users: ["1"] } }),
      50035,
    ],
    [
      "an autocomplete result for a slash command",
      { type: Response.ApplicationCommandAutocompleteResult, data: { choices: [] } },
      50035,
    ],
  ] as const)("%s", (_name, body, expected) => {
    expect(errorCode(command, body)).toBe(expected);
  });

  it.each([
    ["25 choices", 25, 10, "accepted"],
    ["26 choices", 26, 10, 50035],
    ["a choice name over 100", 1, 101, 50035],
  ] as const)("autocomplete with %s", (_name, count, nameLength, expected) => {
    const choices = Array.from({ length: count }, (_, i) => ({
      name: "x".repeat(nameLength),
      value: String(i),
    }));
    const body = { type: Response.ApplicationCommandAutocompleteResult, data: { choices } };
    expect(errorCode(InteractionType.ApplicationCommandAutocomplete, body)).toBe(expected);
  });

  it("refuses a message as the answer to autocomplete", () => {
    expect(errorCode(InteractionType.ApplicationCommandAutocomplete, message({ content: "hi" }))).toBe(50035);
  });

  it("locates the problem the way Discord does, so discord.js can name it", () => {
    const verdict = validateCallback(command, message({ content: "x".repeat(2001) }), 0);
    expect(verdict).toMatchObject({
      rejected: {
        status: 400,
        body: {
          code: 50035,
          errors: {
            data: {
              content: {
                _errors: [{ code: "BASE_TYPE_MAX_LENGTH", message: "Must be 2000 or fewer in length." }],
              },
            },
          },
        },
      },
    });
  });

  it("checks modal titles and counts attached files as content", () => {
    const modal = {
      type: Response.Modal,
      data: { custom_id: "m", title: "x".repeat(46), components: [{ type: 18 }] },
    };
    expect(errorCode(command, modal)).toBe(50035);
    expect("accepted" in validateCallback(command, message({}), 1)).toBe(true);
  });
});
