import { type APIUser, InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TOO_LATE } from "../../src/bot/quiz-games.ts";
import { VOTE_THANKS } from "../../src/moderation/discord/votes.ts";
import { makeQuiz } from "../../src/quiz/make-quiz.ts";
import { otherMember, pageButtonsOf, realCorpus, type Sent, sent } from "../e2e/bot-harness.ts";
import { button, isFollowUp, modalSubmit, slashCommand, succeeded } from "../fake-discord/index.ts";
import { type HttpHarness, startHttpHarness } from "../http/http-harness.ts";
import { BALTIC_FORM } from "../moderation/fixtures/moderation-world.ts";
import { MODERATOR_PERMISSIONS, modalSchema, prefilled } from "../moderation/fixtures/qa-bot.ts";
import { createTestDatabase } from "../store/fixtures/test-store.ts";
import { rowsOf } from "./postgres-helpers.ts";

const asModerator = { permissions: MODERATOR_PERMISSIONS };

/**
 * Two `serve-http` replicas on one Postgres, behind the round-robin proxy, which sends every click
 * to the replica that did not write the button: what a replica remembers must be in the database.
 */
describe("two HTTP replicas sharing Postgres", () => {
  let harness: HttpHarness;
  let databaseUrl: string;
  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
    harness = await startHttpHarness({ replicas: 2, databaseUrl });
  });
  afterAll(() => harness?.close());

  it("turn a page and count a vote on the replica that did not answer", async () => {
    const { id, callback } = await harness.send(
      slashCommand("ask", { question: "What does Russia want from NATO?" }),
    );
    const reply = sent(callback);
    const message = harness.fake.interaction(id)?.original;
    const buttons = pageButtonsOf(reply);
    const more = buttons.find((b) => b.label === "More ▶")?.custom_id;
    const helpful = buttons.find((b) => b.label === "Helpful")?.custom_id;
    if (message === undefined || more === undefined || helpful === undefined) throw new Error("no buttons");
    const crossed = harness.proxy.crossedOver;

    const turned = await harness.send(button(more, { message }));
    // The page is found on the replica that did not answer. Known gap: over HTTP it arrives as the
    // asker's private copy rather than turning the message in place (see the round's notes).
    expect([
      InteractionResponseType.UpdateMessage,
      InteractionResponseType.ChannelMessageWithSource,
    ]).toContain(turned.callback.type);
    expect(sent(turned.callback).embeds.at(-1)?.footer?.text).toMatch(/^Page 2 of \d+$/);
    const voted = await harness.send(button(helpful, { message }));
    expect(sent(voted.callback).content).toBe(VOTE_THANKS);

    expect(harness.proxy.crossedOver).toBe(crossed + 2);
    expect(harness.proxy.answeredBy.get(turned.id)).not.toBe(harness.proxy.answeredBy.get(id));
    expect(await rowsOf(databaseUrl, "SELECT vote FROM feedback")).toEqual([{ vote: "up" }]);
  });

  it("read a member's follow-up with the question the other replica answered", async () => {
    const asked = await harness.send(slashCommand("ask", { question: "what did ryabkov say" }));
    const followUp = await harness.send(slashCommand("ask", { question: "what else did he say" }));
    expect(harness.proxy.answeredBy.get(followUp.id)).not.toBe(harness.proxy.answeredBy.get(asked.id));
    expect(sent(followUp.callback).content).toMatch(
      /^\*\*Asked:\*\* what else did he say\n-# Read with your last question: what did ryabkov say(\n|$)/,
    );
  });

  it("reopen a refused form, filled in, on the other replica", async () => {
    const typed = { ...BALTIC_FORM, citations: "fp-mackinnon ¶3: words that are nowhere in the article" };
    const refused = await harness.send(modalSubmit("qa-form:add", typed, asModerator));
    const [fix] = pageButtonsOf(sent(refused.callback));
    expect(fix?.label).toBe("Fix and resubmit");
    const reopened = await harness.send(button(fix?.custom_id ?? "", asModerator));
    expect(harness.proxy.answeredBy.get(reopened.id)).not.toBe(harness.proxy.answeredBy.get(refused.id));
    expect(prefilled(modalSchema.parse(reopened.callback.data))).toEqual(typed);
  });

  it("refuse a request replayed to the other replica", async () => {
    const body = JSON.stringify({ id: "77", type: 1, token: "t", application_id: "2", version: 1 });
    const headers = harness.fake.signedHeaders(body);
    const [first, second] = harness.replicas;
    const post = (url: string | undefined) =>
      fetch(`${url}/interactions`, { method: "POST", headers, body }).then((response) => response.status);
    expect(await post(first?.url)).toBe(200);
    expect(await post(second?.url)).toBe(401);
  });

  /** A quiz started through the proxy, with what a test needs to press its buttons and read it. */
  async function startQuiz(seed: number) {
    const started = await harness.send(slashCommand("quiz", { rounds: 2, seed }, { subcommand: "start" }));
    const starter = harness.proxy.answeredBy.get(started.id);
    const interaction = harness.fake.interaction(started.id);
    if (starter === undefined || interaction?.original === undefined) throw new Error("no quiz started");
    const { original, token } = interaction;
    const questions = makeQuiz(realCorpus(), { seed, rounds: 2 });
    const choiceButton = (choice: number) =>
      pageButtonsOf(sent(started.callback)).filter((b) => b.custom_id?.startsWith("quiz:"))[choice]
        ?.custom_id ?? "";
    let seen = harness.fake.requests.length;
    return {
      starter,
      right: questions[0]?.answer ?? 0,
      press: async (choice: number, user?: APIUser) => {
        const pressed = await harness.send(
          button(choiceButton(choice), { message: original, ...(user === undefined ? {} : { user }) }),
        );
        return { content: sent(pressed.callback).content, replica: harness.proxy.answeredBy.get(pressed.id) };
      },
      /** The quiz's next message in the channel (a reveal, a question), whichever replica posts it. */
      next: async (): Promise<Sent> => {
        const request = await harness.fake.waitForRequest((r) => isFollowUp(token)(r) && succeeded(r), {
          since: seen,
        });
        seen = request.index + 1;
        return sent(request.body);
      },
    };
  }

  it("count a quiz's answers pressed on either replica, once per member, and reveal them together", async () => {
    const quiz = await startQuiz(4242);
    const other = 1 - quiz.starter;
    const wrong = (quiz.right + 1) % 4;
    // The tester's press reaches the replica that did not ask the question…
    expect(await quiz.press(quiz.right)).toEqual({
      content: expect.stringMatching(/^You answered [A-D]\./),
      replica: other,
    });
    // …the other member's reaches the one that did, and a second press of theirs, the other one.
    harness.proxy.pin(quiz.starter);
    expect(await quiz.press(wrong, otherMember)).toMatchObject({ replica: quiz.starter });
    harness.proxy.pin(other);
    expect(await quiz.press(quiz.right, otherMember)).toEqual({
      content: expect.stringMatching(/^You already answered [A-D]: one answer each\.$/),
      replica: other,
    });
    harness.proxy.pin(undefined);

    await harness.quizTimer.fire();
    const reveal = await quiz.next();
    expect(reveal.embeds[0]?.fields).toEqual([{ name: "Right (1)", value: `<@${harness.fake.tester.id}>` }]);
    expect(reveal.embeds[0]?.footer?.text).toBe("1 wrong answer");
    expect((await quiz.next()).embeds[0]?.title).toMatch(/^Question 2 of 2 · /);
    await harness.quizTimer.fire();
    const last = await quiz.next();
    expect(last.embeds[1]?.description).toBe(
      `1. <@${harness.fake.tester.id}> · 1 right of 1\n2. <@${otherMember.id}> · 0 right of 1`,
    );
    expect(await rowsOf(databaseUrl, "SELECT user_id, correct FROM quiz_answers ORDER BY correct")).toEqual([
      { user_id: otherMember.id, correct: false },
      { user_id: harness.fake.tester.id, correct: true },
    ]);
  });

  it("reveal a round on the other replica when the one that asked it is gone before its deadline", async () => {
    const quiz = await startQuiz(77);
    const other = 1 - quiz.starter;
    expect((await quiz.press(quiz.right)).replica).toBe(other);
    // The replica that asked the question goes away: its timer never fires, it takes no request.
    harness.proxy.down(quiz.starter);
    harness.clock.advance(20_000);
    // The first press after the deadline finds the round overdue: too late for it, and its reveal.
    expect(await quiz.press(quiz.right, otherMember)).toEqual({ content: TOO_LATE, replica: other });
    const reveal = await quiz.next();
    expect(reveal.embeds[0]?.fields).toEqual([{ name: "Right (1)", value: `<@${harness.fake.tester.id}>` }]);
    // The other replica carries the quiz on: the next question, then a stop it answers.
    expect((await quiz.next()).embeds[0]?.title).toMatch(/^Question 2 of 2 · /);
    const stopped = await harness.send(slashCommand("quiz", {}, { subcommand: "stop" }));
    expect(sent(stopped.callback).content).toBe(
      `<@${harness.fake.tester.id}> stopped the quiz after 1 of 2 rounds.`,
    );
    expect(harness.proxy.answeredBy.get(stopped.id)).toBe(other);
  });
});
