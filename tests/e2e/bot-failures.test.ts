import { InteractionResponseType, SlashCommandBuilder } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { APOLOGY } from "../../src/bot/answer-failure.ts";
import type { SlashCommand } from "../../src/bot/command.ts";
import { UNKNOWN_COMMAND } from "../../src/interaction/command-input.ts";
import { autocomplete, isInteractionCallback, slashCommand, succeeded } from "../fake-discord/index.ts";
import { BOT_TOKEN, EPHEMERAL, sent, useHarness } from "./bot-harness.ts";

/** Commands that exist only here, to fail after deferring or after replying. */
const failingLate: SlashCommand[] = [
  {
    data: new SlashCommandBuilder().setName("slow-bug").setDescription("Defers, then fails"),
    cooldown: false,
    async execute(interaction) {
      await interaction.deferReply();
      throw new Error("failed after deferring");
    },
  },
  {
    data: new SlashCommandBuilder().setName("late-bug").setDescription("Replies, then fails"),
    cooldown: false,
    async execute(interaction) {
      await interaction.reply({ content: "first part", allowedMentions: { parse: [] } });
      throw new Error("failed after replying");
    },
  },
];

describe("errors, end to end", () => {
  const harness = useHarness({ commands: [...commands, ...failingLate] });

  it("answers an unknown command privately and points to /help", async () => {
    const { callback } = await harness.send(slashCommand("frobnicate"));
    expect(sent(callback)).toMatchObject({ content: UNKNOWN_COMMAND, flags: EPHEMERAL });
  });

  it("turns a member's mistake into a private sentence that says what to do", async () => {
    const { callback } = await harness.send(slashCommand("source", { article: "no-such-article" }));
    expect(sent(callback)).toMatchObject({
      content: 'No article has the id "no-such-article": run /source to list them.',
      flags: EPHEMERAL,
      allowed_mentions: { parse: [] },
    });
  });

  it("apologises for a bug, and logs it with the interaction, the command and the member, never a token", async () => {
    harness.sabotage({
      who: () => {
        // discord.js errors name the request, whose path holds an interaction token.
        throw new TypeError(
          "cannot read the person (POST /interactions/1/s3cret-interaction-token/callback)",
        );
      },
    });
    try {
      const { id, callback } = await harness.send(slashCommand("who", { person: "Putin" }));
      expect(sent(callback)).toMatchObject({ content: APOLOGY, flags: EPHEMERAL });
      const logged = harness.logs.find(
        (line) => line.msg === "interaction failed" && line.interactionId === id,
      );
      expect(logged).toMatchObject({
        level: 50,
        command: "who",
        userId: harness.fake.tester.id,
        error: {
          type: "TypeError",
          message: "cannot read the person (POST /interactions/1/[redacted]/callback)",
        },
      });
      const token = harness.fake.interaction(id)?.token ?? "no token";
      expect(harness.rawLog()).not.toContain(token);
      expect(harness.rawLog()).not.toContain(BOT_TOKEN);
      expect(harness.rawLog()).not.toContain("s3cret-interaction-token");
    } finally {
      harness.restore();
    }
  });

  it("edits a deferred reply into the apology", async () => {
    const { id, callback } = await harness.send(slashCommand("slow-bug"));
    expect(callback.type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(sent(await harness.fake.waitForOriginalEdit(id)).content).toBe(APOLOGY);
  });

  it("sends the apology as a private follow-up once a reply was already sent", async () => {
    const { id } = await harness.send(slashCommand("late-bug"));
    expect(sent(await harness.fake.waitForFollowUp(id))).toMatchObject({
      content: APOLOGY,
      flags: EPHEMERAL,
    });
  });

  it("answers a failing autocomplete with no choices", async () => {
    harness.sabotage({
      suggest: () => {
        throw new Error("index unavailable");
      },
    });
    try {
      const { id, callback } = await harness.send(autocomplete("who", { person: "put" }, "person"));
      expect(sent(callback).choices).toEqual([]);
      expect(
        harness.logs.some((line) => line.msg === "autocomplete failed" && line.interactionId === id),
      ).toBe(true);
    } finally {
      harness.restore();
    }
  });
});

describe("an unreliable Discord, end to end", () => {
  const harness = useHarness();

  it("resumes after the gateway drops the connection and answers the next interaction", async () => {
    harness.fake.gateway.dropConnection();
    const { callback } = await harness.send(slashCommand("ask", { question: "Minsk?" }));
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    await harness.fake.gateway.waitForResume(1);
    expect(harness.fake.gateway.stats.identifies).toBe(1);
  });

  it.each([429, 500] as const)(
    "delivers the reply exactly once when the callback first answers %i",
    async (status) => {
      const { id } = harness.fake.injectInteraction(slashCommand("ask", { question: "Minsk?" }));
      harness.fake.failNext(isInteractionCallback(id), { status });
      const callback = await harness.fake.waitForCallback(id);
      expect(sent(callback).embeds.length).toBeGreaterThan(0);
      const attempts = harness.fake.requests.filter(isInteractionCallback(id));
      expect(attempts.map((request) => request.status)).toEqual([status, 204]);
      expect(attempts.filter(succeeded)).toHaveLength(1);
    },
  );
});

describe("cooldowns, end to end", () => {
  const harness = useHarness({ cooldownSeconds: 5 });

  it("asks a member to wait between answers, and lets them ask again once it has passed", async () => {
    const first = await harness.send(slashCommand("ask", { question: "Minsk?" }));
    expect(sent(first.callback).flags ?? 0).toBe(0);

    harness.clock.advance(1_500);
    const second = await harness.send(slashCommand("demand"));
    expect(sent(second.callback)).toMatchObject({ content: "Try again in 4s.", flags: EPHEMERAL });

    const help = await harness.send(slashCommand("help"));
    expect(sent(help.callback).embeds.length).toBe(1);

    harness.clock.advance(3_500);
    const third = await harness.send(slashCommand("demand"));
    expect(sent(third.callback).embeds.length).toBeGreaterThan(0);
  });

  it("does not make a member wait to correct their own mistake", async () => {
    harness.clock.advance(10_000);
    const mistake = await harness.send(slashCommand("ask", { question: "   " }));
    expect(sent(mistake.callback)).toMatchObject({
      content: "The question is empty: type a few words.",
      flags: EPHEMERAL,
    });
    const corrected = await harness.send(slashCommand("ask", { question: "Minsk?" }));
    expect(sent(corrected.callback).embeds.length).toBeGreaterThan(0);
  });
});
