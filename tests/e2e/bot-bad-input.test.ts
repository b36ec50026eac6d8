import { InteractionResponseType, ApplicationCommandOptionType as OptionType } from "discord.js";
import { describe, expect, it } from "vitest";
import { APOLOGY } from "../../src/bot/answer-failure.ts";
import { STALE_COMMAND } from "../../src/interaction/command-input.ts";
import {
  type InjectOptions,
  type InteractionSeed,
  isInteractionCallback,
  slashCommand,
  succeeded,
} from "../fake-discord/index.ts";
import { EPHEMERAL, sent, useHarness } from "./bot-harness.ts";

/** What a member, or a client that ignores the registered limits, can put in a text option. */
const BAD_VALUES = {
  empty: "",
  blank: "   ",
  "6,000 characters": "NATO ".repeat(1200),
  "emoji and zalgo": `${"🤔🇺🇦👩‍👩‍👧".repeat(20)} Z̵̡̛̗͓̈́a̷̢̛͉l̴g̸o̶ ${"\u0301".repeat(300)}`,
  markdown: "**bold** __under__ ~~gone~~ ||spoiler|| `code` > quote\n# heading [link](https://example.com)",
  mentions: "@everyone @here <@123456789012345678> <@&123456789012345678>",
  "unknown id": "no-such-speaker-or-article",
  // Names every plain JavaScript object answers to: a lookup table keyed by typed text must not.
  "a JavaScript property name": "constructor",
  "JavaScript property names in a question":
    "Who was the constructor of __proto__, toString, hasOwnProperty and valueOf?",
};

/** Every text option of every command. Required options get the bad value alongside nothing else. */
const TEXT_OPTIONS = [
  ["ask", "question"],
  ["ask", "article"],
  ["demand", "topic"],
  ["quote", "speaker"],
  ["quote", "topic"],
  ["timeline", "from"],
  ["timeline", "to"],
  ["timeline", "topic"],
  ["who", "person"],
  ["source", "article"],
] as const;

/** Required options that must keep a sensible value while another option is being tested. */
const REQUIRED = { ask: { question: "Why now?" }, who: { person: "Putin" } } as const;

const cases = TEXT_OPTIONS.flatMap(([command, option]) =>
  Object.entries(BAD_VALUES).map(([kind, value]) => ({ command, option, kind, value })),
);

describe("bad input through every option, end to end", () => {
  const harness = useHarness();

  it.each(cases)(
    "/$command $option: $kind → an answer or a private sentence, once, never a bug",
    async (c) => {
      const required = c.command in REQUIRED ? REQUIRED[c.command as keyof typeof REQUIRED] : {};
      const { id, callback } = await harness.send(
        slashCommand(c.command, { ...required, [c.option]: c.value }),
      );
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      const message = sent(callback);
      expect(message.content).not.toBe(APOLOGY);
      expect(message.allowed_mentions).toEqual({ parse: [] });
      if (message.flags === EPHEMERAL && message.embeds.length === 0) {
        // A member's mistake: one sentence that says what to change.
        expect(message.content).toMatch(/^[A-Z"].{10,300}[.)]$/s);
      }
      // Mass mentions never appear as mentions, wherever the bot echoes what was typed.
      expect(JSON.stringify(message)).not.toMatch(/@(everyone|here)/);
      expect(harness.fake.requests.filter((r) => isInteractionCallback(id)(r) && succeeded(r))).toHaveLength(
        1,
      );
    },
  );

  it("logged no bug for any of them", () => {
    expect(harness.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});

/** Sets the value of the command's first option to anything at all, as a modified client can. */
function firstOptionValue(value: unknown): InjectOptions {
  return {
    tamper: (payload) => {
      const data = payload.data;
      const options =
        typeof data === "object" && data !== null && "options" in data ? data.options : undefined;
      const first: unknown = Array.isArray(options) ? options[0] : undefined;
      if (typeof first === "object" && first !== null) Object.assign(first, { value });
      return payload;
    },
  };
}

/**
 * What a registration from another version of the bot sends: the option exists under the same name
 * with another type. The member is told how it gets fixed, rather than apologised to for a bug.
 */
const wrongTypes: Array<{ what: string; seed: InteractionSeed; inject?: InjectOptions }> = [
  {
    what: "/ask question registered as an integer",
    seed: slashCommand("ask", [{ type: OptionType.Integer, name: "question", value: 42 }]),
  },
  {
    what: "/ask question that says it is text but holds a number",
    seed: slashCommand("ask", { question: "Why now?" }),
    inject: firstOptionValue(42),
  },
  {
    what: "/demand private registered as text",
    seed: slashCommand("demand", { private: "yes" }),
  },
  {
    what: "/qa show with a numeric id",
    seed: slashCommand("qa", { id: 5 }, { subcommand: "show" }),
  },
  {
    what: "/qa list with a page that is text",
    seed: slashCommand("qa", { page: "two" }, { subcommand: "list" }),
  },
];

describe("options of the wrong type, end to end", () => {
  const harness = useHarness({ withStore: true });

  it.each(wrongTypes)("$what → the sentence that says to re-run deploy-commands", async (c) => {
    const { id } = harness.fake.injectInteraction(c.seed, c.inject);
    const callback = await harness.fake.waitForCallback(id);
    expect(sent(callback)).toMatchObject({ content: STALE_COMMAND, flags: EPHEMERAL });
  });

  it("logged no bug for any of them", () => {
    expect(harness.logs.filter((line) => line.level >= 50)).toEqual([]);
  });
});
