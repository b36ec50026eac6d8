import { decode } from "fast-png";
import { describe, expect, it } from "vitest";
import { button, isInteractionCallback, slashCommand } from "../fake-discord/index.ts";
import { pageButtonsOf, sent, useHarness } from "./bot-harness.ts";

/** /timeline sends its events twice: as the embed with excerpts, and drawn as a PNG attachment. */
describe("/timeline's picture, end to end", () => {
  const harness = useHarness();

  it("arrives as a PNG attachment beside the embed, and stays when the page turns", async () => {
    const { id, callback } = await harness.send(slashCommand("timeline"));
    const request = await harness.fake.waitForRequest(isInteractionCallback(id));
    expect(request.headers["content-type"]).toMatch(/^multipart\/form-data/);
    const [file] = request.files;
    expect(request.files).toHaveLength(1);
    expect(file?.filename).toBe("timeline.png");
    const image = decode(file?.data ?? Buffer.alloc(0));
    expect(image.width).toBe(1200);
    expect(image.height).toBeGreaterThan(600);

    const message = sent(callback);
    expect(message.embeds[0]?.title).toBe("Timeline");
    expect(message.embeds[0]?.description).toMatch(/^\*\*1991\*\* · The Soviet Union collapses\n> /);
    expect(message.allowed_mentions).toEqual({ parse: [] });

    const original = harness.fake.interaction(id)?.original;
    if (original === undefined) throw new Error("the reply was not stored");
    expect(original.attachments).toHaveLength(1);
    const more = pageButtonsOf(message).find((b) => b.label === "More ▶")?.custom_id;
    if (more === undefined) throw new Error("no More button");
    await harness.send(button(more, { message: original }));
    expect(harness.fake.interaction(id)?.original?.attachments).toHaveLength(1);
  });

  it("draws the range asked for, and attaches nothing when no event falls in it", async () => {
    const ranged = await harness.send(slashCommand("timeline", { from: "2014", to: "2019" }));
    const request = await harness.fake.waitForRequest(isInteractionCallback(ranged.id));
    expect(decode(request.files[0]?.data ?? Buffer.alloc(0)).height).toBeLessThan(600);

    const empty = await harness.send(slashCommand("timeline", { from: "1800", to: "1801" }));
    const emptyRequest = await harness.fake.waitForRequest(isInteractionCallback(empty.id));
    expect(emptyRequest.files).toEqual([]);
    expect(sent(empty.callback).embeds[0]?.description).toMatch(/No dated event/);
  });
});
