import { InteractionResponseType } from "discord.js";
import { describe, expect, it } from "vitest";
import { VOTE_THANKS } from "../../src/moderation/discord/votes.ts";
import { button, slashCommand } from "../fake-discord/index.ts";
import { EPHEMERAL, pageButtonsOf, type Sent, sent, useHarness } from "./bot-harness.ts";

function customIdOf(message: Sent, label: string): string {
  const found = pageButtonsOf(message).find((b) => b.label === label)?.custom_id;
  if (found === undefined) throw new Error(`no "${label}" button`);
  return found;
}

/** With a data folder, answers carry 👍/👎 buttons that the router hands to moderation. */
describe("feedback buttons under /ask, end to end", () => {
  const harness = useHarness({ withStore: true });

  it("keeps the feedback buttons on every page and records a vote", async () => {
    const { id, callback } = await harness.send(
      slashCommand("ask", { question: "What does Russia want from NATO?" }),
    );
    const reply = sent(callback);
    // One quiet row: More (Previous only from page 2 on) beside Helpful and Not helpful.
    const quietRow = reply.components.at(-1)?.components.map((b) => b.label);
    expect(quietRow).toEqual(["More ▶", "Helpful", "Not helpful"]);
    expect(reply.components.length).toBeLessThanOrEqual(2);

    const message = harness.fake.interaction(id)?.original;
    if (message === undefined) throw new Error("the reply was not stored");
    const more = await harness.send(button(customIdOf(reply, "More ▶"), { message }));
    expect(more.callback.type).toBe(InteractionResponseType.UpdateMessage);
    expect(pageButtonsOf(sent(more.callback)).map((b) => b.label)).toContain("Helpful");

    const vote = await harness.send(button(customIdOf(reply, "Helpful"), { message }));
    expect(sent(vote.callback)).toMatchObject({ content: VOTE_THANKS, flags: EPHEMERAL });
  });
});

describe("/qa without a data folder, end to end", () => {
  const harness = useHarness();

  it("says the server entries need a data folder instead of failing", async () => {
    const { callback } = await harness.send(slashCommand("qa", {}, { subcommand: "list" }));
    const message = sent(callback);
    expect(message.flags).toBe(EPHEMERAL);
    expect(message.content).toMatch(/keeps no server entries/);
  });
});
