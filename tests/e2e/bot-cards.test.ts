import { ComponentType, InteractionResponseType } from "discord.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { autocomplete, button, slashCommand, stringSelect } from "../fake-discord/index.ts";
import { EPHEMERAL, otherMember, realDossier, type Sent, sent, useHarness } from "./bot-harness.ts";

const DEV_QUESTIONS = z
  .array(z.object({ question: z.string() }))
  .parse(await import("../eval/dev.json", { with: { type: "json" } }).then((module) => module.default));

/** Every "— outlet · … · ¶n" line of a message, the article link left out. */
function citedParagraphs(message: Sent): string[] {
  return quotedPassages(message).map((passage) => passage.citation);
}

/** Every quote of a message with the citation under it. */
function quotedPassages(message: Sent): Array<{ words: string; citation: string }> {
  return message.embeds.flatMap((embed) =>
    [embed.description ?? "", ...(embed.fields ?? []).map((field) => field.value)].flatMap((text) =>
      [...text.matchAll(/^> (.*)\n(?:(?!> |— ).*\n)?(— .*¶\d+)$/gm)].map((match) => ({
        words: match[1] ?? "",
        citation: (match[2] ?? "").replace(/\]\(.*?\)/, "]"),
      })),
    ),
  );
}

describe("answers as labelled cards, end to end", () => {
  const harness = useHarness({ withStore: true });

  async function command(name: string, options: Record<string, string> = {}) {
    const { id, callback } = await harness.send(slashCommand(name, options));
    const message = harness.fake.interaction(id)?.original;
    if (message === undefined) throw new Error("the reply was not stored");
    return { reply: sent(callback), message };
  }

  it("labels a curated answer as the curators' summary, and leads with it", async () => {
    const { reply } = await command("ask", { question: "is ukraine going to join nato?" });
    const [first] = reply.embeds;
    expect(first?.author?.name).toBe("1 · Curators' summary");
    expect(first?.title).toBe("Is Ukraine actually close to joining NATO?");
    expect(reply.embeds.map((embed) => embed.author?.name?.replace(/^\d+ · /, ""))).not.toContain(undefined);
  });

  it("labels a server's own entry as its moderators' answer, with the server's name", async () => {
    realDossier().upsertGuildQa(harness.fake.guildId, {
      id: "tabletop-exercise",
      question: "What did our tabletop exercise conclude about the talks in Geneva?",
      alternatives: [],
      answer: "That Ryabkov wanted guarantees, not assurances.",
      citations: [
        {
          article: "npr-2022-01-12",
          paragraph: 4,
          excerpt: "We need ironclad, waterproof, bulletproof, legally binding guarantees",
        },
      ],
    });
    const { reply } = await command("ask", {
      question: "what did our tabletop exercise conclude about geneva",
    });
    expect(reply.embeds[0]?.author?.name).toBe("1 · Moderators' answer · Study Group");
  });

  it("never shows one passage twice in a reply", async () => {
    const answers = await Promise.all(
      DEV_QUESTIONS.slice(0, 12).map(({ question }) => command("ask", { question })),
    );
    answers.push(
      await command("demand", { topic: "missiles" }),
      await command("demand", { topic: "Ukraine" }),
    );
    // An answer never cites one paragraph twice.
    for (const { reply } of answers) {
      const cited = citedParagraphs(reply);
      expect(cited.length).toBeGreaterThan(0);
      expect(new Set(cited).size).toBe(cited.length);
    }
    // A listing may quote two people, or date two events, from one paragraph, but never the same words twice.
    for (const [name, options] of [
      ["timeline", {}],
      ["who", { person: "putin" }],
      ["quote", {}],
    ] as const) {
      const { reply } = await command(name, options);
      const passages = quotedPassages(reply).map(({ words, citation }) => `${citation} ${words}`);
      expect(passages.length).toBeGreaterThan(0);
      expect(new Set(passages).size).toBe(passages.length);
    }
  });

  it("opens a card's Sources privately for whoever pressed it, leaving the answer as it was", async () => {
    const { reply, message } = await command("ask", { question: "is ukraine going to join nato?" });
    const sources1 = reply.components
      .flatMap((row) => row.components)
      .find((b) => /^Sources for 1 /.test(b.label ?? ""));
    const count = Number(/\((\d+)\)$/.exec(sources1?.label ?? "")?.[1]);
    const sourcesId = sources1?.custom_id;
    if (sourcesId === undefined || !(count > 1)) throw new Error("no Sources button on the first card");

    const press = await harness.send(button(sourcesId, { message, user: otherMember }));
    expect(press.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const sources = sent(press.callback);
    expect(sources.flags).toBe(EPHEMERAL);
    expect(sources.allowed_mentions).toEqual({ parse: [] });
    expect(citedParagraphs(sources)).toHaveLength(count);
    // A private reply of its own: the asker's message was not touched.
    expect(harness.fake.interaction(press.id)?.sourceMessage?.embeds).toEqual(message.embeds);
  });

  it("opens an event's sources from the timeline's menu, privately", async () => {
    const { reply, message } = await command("timeline");
    const menu = reply.components
      .flatMap((row) => row.components)
      .find((c) => c.type === ComponentType.StringSelect);
    const option = menu?.options?.[0];
    if (menu?.custom_id === undefined || option === undefined) throw new Error("no sources menu");
    const pick = await harness.send(stringSelect(menu.custom_id, [option.value], { message }));
    const sources = sent(pick.callback);
    expect(sources.flags).toBe(EPHEMERAL);
    expect(sources.embeds[0]?.title).toMatch(/^Sources: /);
  });

  it("lets a member pick a demand from /demand's menu: in place for the asker, a private copy for others", async () => {
    const { reply, message } = await command("demand");
    const menu = reply.components[0]?.components[0];
    expect(menu?.type).toBe(ComponentType.StringSelect);
    const missiles = menu?.options?.find((option) => /missiles/.test(option.label));
    if (menu?.custom_id === undefined || missiles === undefined) throw new Error("no demand menu");

    const mine = await harness.send(stringSelect(menu.custom_id, [missiles.value], { message }));
    expect(mine.callback.type).toBe(InteractionResponseType.UpdateMessage);
    const card = sent(mine.callback);
    expect(card.embeds[0]?.author?.name).toBe("Russia's demand");
    expect(card.embeds[0]?.title).toMatch(/missiles/);
    expect(card.embeds[0]?.fields?.map((field) => field.name)).toEqual(
      expect.arrayContaining(["Russia's reasoning", "Western response"]),
    );
    expect(card.components[0]?.components[0]?.options?.find((o) => o.default === true)?.value).toBe(
      missiles.value,
    );
    expect(card.components.flatMap((row) => row.components).map((c) => c.label)).toContainEqual(
      expect.stringMatching(/^Sources \(\d+\)$/),
    );

    const theirs = await harness.send(
      stringSelect(menu.custom_id, [missiles.value], { message, user: otherMember }),
    );
    expect(theirs.callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(sent(theirs.callback).flags).toBe(EPHEMERAL);
  });

  it("answers a demand that is not in the dossier with a private note", async () => {
    const { message } = await command("demand");
    const pick = await harness.send(stringSelect("demand:pick", ["no-such-demand"], { message }));
    expect(sent(pick.callback)).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/run \/demand again/),
    });
  });

  it("suggests curated and this server's questions while a member types /ask, ranked like the others", async () => {
    const typed = await harness.send(autocomplete("ask", { question: "ukraine nato" }, "question"));
    const choices = sent(typed.callback).choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.map((choice) => choice.value)).toContain("Is Ukraine actually close to joining NATO?");

    const empty = await harness.send(autocomplete("ask", { question: "" }, "question"));
    const defaults = sent(empty.callback).choices ?? [];
    expect(defaults).toHaveLength(25);
    // This server's own questions come first when nothing is typed.
    expect(defaults[0]?.value).toBe("What did our tabletop exercise conclude about the talks in Geneva?");

    // Whatever is typed can still be asked: a question no suggestion matches.
    const { reply } = await command("ask", { question: "zzqx why now" });
    expect(reply.content).toMatch(/^\*\*Asked:\*\* zzqx why now/);
  });
});
