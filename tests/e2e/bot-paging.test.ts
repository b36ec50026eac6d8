import { InteractionResponseType } from "discord.js";
import { describe, expect, it } from "vitest";
import { EXPIRED_ANSWER, STALE_BUTTON } from "../../src/bot/page-turner.ts";
import { button, slashCommand } from "../fake-discord/index.ts";
import { EPHEMERAL, otherMember, pageButtonsOf, type Sent, sent, useHarness } from "./bot-harness.ts";

const QUESTION = "What does Russia want from NATO?";

describe("paging through an answer with More and Previous", () => {
  const harness = useHarness();

  /** Asks, and returns the reply with the stored message its buttons sit on. */
  async function askQuestion(options: { private?: boolean } = {}) {
    const { id, callback } = await harness.send(slashCommand("ask", { question: QUESTION, ...options }));
    const message = harness.fake.interaction(id)?.original;
    if (message === undefined) throw new Error("the reply was not stored");
    return { reply: sent(callback), message };
  }

  function buttonLabelled(message: Sent, label: string): string {
    const found = pageButtonsOf(message).find((b) => b.label === label);
    if (found?.custom_id === undefined) throw new Error(`no "${label}" button`);
    return found.custom_id;
  }

  it("turns the asker's message to the next page in place, and back", async () => {
    const { reply, message } = await askQuestion();
    const total = reply.embeds.at(-1)?.footer?.text.match(/^Page 1 of (\d+)$/)?.[1];
    expect(total).toBeDefined();

    const more = await harness.send(button(buttonLabelled(reply, "More ▶"), { message }));
    expect(more.callback.type).toBe(InteractionResponseType.UpdateMessage);
    const second = sent(more.callback);
    expect(second.embeds.at(-1)?.footer?.text).toBe(`Page 2 of ${total}`);
    expect(second.allowed_mentions).toEqual({ parse: [] });
    expect(second.embeds[0]?.description).not.toBe(reply.embeds[0]?.description);

    const updated = harness.fake.interaction(more.id)?.original;
    if (updated === undefined) throw new Error("the update was not stored");
    const back = await harness.send(button(buttonLabelled(second, "◀ Previous"), { message: updated }));
    expect(back.callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(sent(back.callback).embeds).toEqual(reply.embeds);
  });

  it("gives another member their own private copy instead of turning the asker's page", async () => {
    const { reply, message } = await askQuestion();
    const click = await harness.send(button(buttonLabelled(reply, "More ▶"), { message, user: otherMember }));
    expect(click.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const copy = sent(click.callback);
    expect(copy.flags).toBe(EPHEMERAL);
    expect(copy.embeds.at(-1)?.footer?.text).toMatch(/^Page 2 of /);

    // The copy's own buttons turn the copy, for the member who holds it.
    const copyMessage = harness.fake.interaction(click.id)?.original;
    if (copyMessage === undefined) throw new Error("the copy was not stored");
    const onCopy = await harness.send(
      button(buttonLabelled(copy, "More ▶"), { message: copyMessage, user: otherMember }),
    );
    expect(onCopy.callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(sent(onCopy.callback).embeds.at(-1)?.footer?.text).toMatch(/^Page 3 of /);
  });

  it("never turns the asker's message for someone whose id a forged button carries", async () => {
    const { reply, message } = await askQuestion();
    // The viewer id the bot once wrote into page buttons, set to the presser's own by a modified client.
    const key = buttonLabelled(reply, "More ▶").split(":")[1];
    for (const forged of [`page:${key}:1:${otherMember.id}`, `page:${key}:1`]) {
      const click = await harness.send(button(forged, { message, user: otherMember }));
      expect(click.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(sent(click.callback).flags).toBe(EPHEMERAL);
    }
  });

  it("turns a private answer's pages too", async () => {
    const { reply, message } = await askQuestion({ private: true });
    expect(reply.flags).toBe(EPHEMERAL);
    const more = await harness.send(button(buttonLabelled(reply, "More ▶"), { message }));
    expect(more.callback.type).toBe(InteractionResponseType.UpdateMessage);
  });

  it("says an answer has expired once it has not been read for 15 minutes", async () => {
    const { reply, message } = await askQuestion();
    harness.clock.advance(15 * 60_000);
    const click = await harness.send(button(buttonLabelled(reply, "More ▶"), { message }));
    expect(sent(click.callback)).toMatchObject({ content: EXPIRED_ANSWER, flags: EPHEMERAL });
  });

  it("answers a button it does not know with a private note", async () => {
    const click = await harness.send(button("poll:yes"));
    expect(sent(click.callback)).toMatchObject({ content: STALE_BUTTON, flags: EPHEMERAL });
  });
});
