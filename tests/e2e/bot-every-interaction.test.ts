import { describe, expect, it } from "vitest";
import { STALE_BUTTON } from "../../src/bot/page-turner.ts";
import { STALE_COMMAND, UNKNOWN_COMMAND } from "../../src/interaction/command-input.ts";
import {
  type InteractionSeed,
  isInteractionCallback,
  slashCommand,
  stringSelect,
  succeeded,
  userContextMenu,
} from "../fake-discord/index.ts";
import { EPHEMERAL, otherMember, sent, useHarness } from "./bot-harness.ts";

/**
 * Interactions the bot never registered or sent, which a stale registration, another copy of the bot
 * or a modified client can still deliver. Unanswered, Discord tells the member "The application did
 * not respond"; each gets exactly one private sentence instead.
 */
const cases: Array<{ what: string; seed: InteractionSeed; sentence: string }> = [
  {
    what: "a /qa sub-command this version does not know",
    seed: slashCommand("qa", { id: "why-now" }, { subcommand: "archive" }),
    sentence: UNKNOWN_COMMAND,
  },
  {
    what: "/qa without a sub-command",
    seed: slashCommand("qa"),
    sentence: STALE_COMMAND,
  },
  {
    what: "a string select menu",
    seed: stringSelect("poll:choice", ["yes"]),
    sentence: STALE_BUTTON,
  },
  {
    what: "a string select menu wearing a page button's custom id",
    seed: stringSelect("page:abc:1:1198765432109876001", ["1"]),
    sentence: STALE_BUTTON,
  },
  {
    what: "a user context-menu command",
    seed: userContextMenu("Ask Dossier about", otherMember),
    sentence: UNKNOWN_COMMAND,
  },
];

describe("every interaction gets exactly one answer, end to end", () => {
  const harness = useHarness({ withStore: true });

  it.each(cases)("$what → one private sentence", async ({ seed, sentence }) => {
    const { id, callback } = await harness.send(seed);
    expect(sent(callback)).toMatchObject({
      content: sentence,
      flags: EPHEMERAL,
      allowed_mentions: { parse: [] },
    });
    expect(harness.fake.requests.filter((r) => isInteractionCallback(id)(r) && succeeded(r))).toHaveLength(1);
  });

  it("logged no bug for any of them", () => {
    expect(harness.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});
