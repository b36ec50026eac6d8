import { type APIUser, ButtonStyle, InteractionResponseType, PermissionFlagsBits } from "discord.js";
import { describe, expect, it } from "vitest";
import { NOT_YOUR_QUIZ, QUIZ_FAILED, TOO_LATE } from "../../src/bot/quiz-games.ts";
import { findParagraph } from "../../src/knowledge/corpus.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { makeQuiz } from "../../src/quiz/make-quiz.ts";
import { formatCitation } from "../../src/render/discord/quoted-excerpt.ts";
import {
  button,
  isFollowUp,
  isOriginalMessageEdit,
  type RecordedRequest,
  slashCommand,
  succeeded,
} from "../fake-discord/index.ts";
import { MEMBER_PERMISSIONS } from "../fake-discord/world.ts";
import {
  EPHEMERAL,
  type Harness,
  otherMember,
  pageButtonsOf,
  type Sent,
  sent,
  useHarness,
} from "./bot-harness.ts";

const corpus = loadCorpus(new URL("../../knowledge/", import.meta.url).pathname);
const SEED = 4242;

const moderator: APIUser = {
  id: "1198765432109876002",
  username: "moderator",
  global_name: "Moderator",
  discriminator: "0",
  avatar: null,
};
const MODERATOR_PERMISSIONS = MEMBER_PERMISSIONS | PermissionFlagsBits.ManageMessages;

/** The messages of one quiz, as the channel sees them: its reply, then its follow-ups in order. */
function quizMessages(harness: Harness, startId: string) {
  const token = harness.fake.interaction(startId)?.token ?? "";
  let seen = harness.fake.requests.length;
  return {
    /** The next follow-up the quiz posts (a reveal or a question), parsed. */
    async next(): Promise<{ message: Sent; id: string }> {
      const request = await harness.fake.waitForRequest((r) => isFollowUp(token)(r) && succeeded(r), {
        since: seen,
      });
      seen = request.index + 1;
      return { message: sent(request.body), id: idOf(request) };
    },
    /** The stored message a button sits on, so a click carries it as Discord's would. */
    stored(messageId: string) {
      const interaction = harness.fake.interaction(startId);
      const message =
        messageId === "@original" ? interaction?.original : interaction?.followUps.get(messageId);
      if (message === undefined) throw new Error(`no stored message ${messageId}`);
      return message;
    },
  };
}

function idOf(request: RecordedRequest): string {
  const body = request.responseBody;
  return typeof body === "object" && body !== null && "id" in body ? String(body.id) : "";
}

function answerButtons(message: Sent) {
  return pageButtonsOf(message).filter((b) => b.custom_id?.startsWith("quiz:"));
}

/** Discord markdown back to text: the block-quote markers, bold and escapes removed. */
function quotedText(description: string): string {
  return description
    .split("\n")
    .filter((line) => line.startsWith("> "))
    .map((line) => line.slice(2))
    .join("\n")
    .replace(/\*\*/g, "")
    .replace(/\\(.)/g, "$1");
}

describe("/quiz, end to end", () => {
  const harness = useHarness({ withStore: true });
  const questions = makeQuiz(corpus, { seed: SEED, rounds: 3 });
  const rightOf = (round: number) => questions[round - 1]?.answer ?? 0;

  it("plays three rounds: one answer each, a late one refused, reveals with verbatim excerpts, then scores", async () => {
    const { id, callback } = await harness.send(
      slashCommand("quiz", { rounds: 3, seed: SEED }, { subcommand: "start" }),
    );
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const first = sent(callback);
    expect(first.flags ?? 0).toBe(0);
    expect(first.allowed_mentions).toEqual({ parse: [] });
    expect(first.embeds[0]?.title).toMatch(/^Question 1 of 3 · /);
    expect(first.embeds[0]?.footer?.text).toBe(`20 s to answer · one answer each · seed ${SEED}`);
    const buttons = answerButtons(first);
    expect(buttons).toHaveLength(4);
    const quiz = quizMessages(harness, id);
    const click = (round: number, choice: number, user: APIUser, messageId: string, list = buttons) => {
      const customId = list[choice]?.custom_id ?? "";
      expect(customId).toMatch(new RegExp(`^quiz:[\\w-]+:${round}:${choice}$`));
      return harness.send(button(customId, { user, message: quiz.stored(messageId) }));
    };

    // Round 1: the tester is right, the other member wrong; a second answer is refused.
    const right = await click(1, rightOf(1), harness.fake.tester, "@original");
    expect(sent(right.callback)).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/^You answered [A-D]\./),
    });
    await click(1, (rightOf(1) + 1) % 4, otherMember, "@original");
    const again = await click(1, rightOf(1), otherMember, "@original");
    expect(sent(again.callback).content).toMatch(/^You already answered [A-D]: one answer each\.$/);

    await harness.quizTimer.fire();
    const reveal = (await quiz.next()).message;
    const question = questions[0];
    if (question === undefined) throw new Error("no question");
    const embed = reveal.embeds[0];
    expect(embed?.title).toMatch(new RegExp(`^Round 1: ${"ABCD"[question.answer]}`));
    expect(embed?.fields).toEqual([{ name: "Right (1)", value: `<@${harness.fake.tester.id}>` }]);
    expect(embed?.footer?.text).toBe("1 wrong answer");
    expect(reveal.allowed_mentions).toEqual({ parse: [] });
    // The settling excerpt, quoted exactly as its paragraph has it, and its citation.
    const { settling } = question;
    expect(quotedText(embed?.description ?? "")).toBe(settling.text);
    expect(findParagraph(corpus, settling.citation.article, settling.citation.paragraph)?.text).toContain(
      settling.text,
    );
    expect(embed?.description).toContain(formatCitation(settling.citation));
    // The question itself is closed: buttons off, the right one green.
    const closed = sent(quiz.stored("@original"));
    expect(answerButtons(closed).every((b) => b.disabled === true)).toBe(true);
    expect(answerButtons(closed)[question.answer]?.style).toBe(ButtonStyle.Success);

    // A late answer to round 1.
    const late = await click(1, rightOf(1), otherMember, "@original");
    expect(sent(late.callback)).toMatchObject({ flags: EPHEMERAL, content: TOO_LATE });

    // Round 2: nobody answers.
    const second = await quiz.next();
    expect(second.message.embeds[0]?.title).toMatch(/^Question 2 of 3 · /);
    await harness.quizTimer.fire();
    const reveal2 = (await quiz.next()).message;
    expect(reveal2.embeds[0]?.fields?.[0]?.value).toBe("Nobody this time.");

    // Round 3: the other member is right; the last reveal carries the final tally.
    const third = await quiz.next();
    await click(3, rightOf(3), otherMember, third.id, answerButtons(third.message));
    await harness.quizTimer.fire();
    const last = (await quiz.next()).message;
    expect(last.embeds[1]?.title).toBe("Quiz over");
    expect(last.embeds[1]?.description).toBe(
      `1. <@${harness.fake.tester.id}> · 1 right of 1\n2. <@${otherMember.id}> · 1 right of 2`,
    );
    expect(harness.quizTimer.running).toBe(0);

    const scores = await harness.send(slashCommand("quiz", {}, { subcommand: "scores" }));
    const board = sent(scores.callback).embeds[0];
    expect(board?.fields?.map((f) => f.name)).toEqual(["Last 7 days", "All time"]);
    expect(board?.fields?.[1]?.value).toBe(
      `1. <@${harness.fake.tester.id}> · 1 right of 1\n2. <@${otherMember.id}> · 1 right of 2`,
    );
    const own = await harness.send(
      slashCommand("quiz", { private: true }, { subcommand: "scores", user: otherMember }),
    );
    expect(sent(own.callback).flags).toBe(EPHEMERAL);
    expect(sent(own.callback).embeds[0]?.description).toContain("**All time:** 1 right of 2, ranked 2 of 2");
  });

  it("lets only the member who started a quiz, or a moderator, stop it", async () => {
    const { id } = await harness.send(slashCommand("quiz", { rounds: 2, seed: 7 }, { subcommand: "start" }));
    const busy = await harness.send(slashCommand("quiz", {}, { subcommand: "start", user: otherMember }));
    expect(sent(busy.callback)).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/already running/),
    });

    const refused = await harness.send(slashCommand("quiz", {}, { subcommand: "stop", user: otherMember }));
    expect(sent(refused.callback)).toMatchObject({ flags: EPHEMERAL, content: NOT_YOUR_QUIZ });
    expect(harness.quizTimer.running).toBe(1);

    const stopped = await harness.send(
      slashCommand("quiz", {}, { subcommand: "stop", user: moderator, permissions: MODERATOR_PERMISSIONS }),
    );
    const message = sent(stopped.callback);
    expect(message.flags ?? 0).toBe(0);
    expect(message.content).toBe(`<@${moderator.id}> stopped the quiz after 0 of 2 rounds.`);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(harness.quizTimer.running).toBe(0);
    const closed = sent(harness.fake.interaction(id)?.original);
    expect(answerButtons(closed).every((b) => b.disabled === true && b.style === ButtonStyle.Secondary)).toBe(
      true,
    );

    const none = await harness.send(slashCommand("quiz", {}, { subcommand: "stop" }));
    expect(sent(none.callback).content).toBe("No quiz is running in this channel.");
  });

  it("tells the channel, in a sentence, when a quiz has to stop on a failure, and frees the channel", async () => {
    const { id } = await harness.send(slashCommand("quiz", { rounds: 2, seed: 8 }, { subcommand: "start" }));
    const token = harness.fake.interaction(id)?.token ?? "";
    // Discord keeps failing to close the question: the reveal cannot be shown.
    harness.fake.failNext(isOriginalMessageEdit(token), { status: 500, times: 4 });
    await harness.quizTimer.fire();
    const apology = await harness.fake.waitForFollowUp(id);
    expect(sent(apology)).toMatchObject({ content: QUIZ_FAILED, allowed_mentions: { parse: [] } });
    expect(harness.rawLog()).toContain("quiz ended by a failure");
    expect(harness.rawLog()).not.toContain(token);

    const again = await harness.send(slashCommand("quiz", { rounds: 1 }, { subcommand: "start" }));
    expect(sent(again.callback).embeds[0]?.title).toMatch(/^Question 1 of 1/);
    await harness.send(slashCommand("quiz", {}, { subcommand: "stop" }));
  });
});
