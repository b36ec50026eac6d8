import { ButtonStyle, InteractionResponseType } from "discord.js";
import { describe, expect, it } from "vitest";
import { NOTHING_MORE } from "../../src/render/card-content.ts";
import { autocomplete, slashCommand } from "../fake-discord/index.ts";
import { EPHEMERAL, otherMember, realDossier, sent, useHarness } from "./bot-harness.ts";

/** Every slash command through the real client, the real dossier and the fake Discord. */
describe("the bot's slash commands, end to end", () => {
  const harness = useHarness();

  it("/ask answers in public with quoted excerpts, no mentions and paging buttons", async () => {
    const { callback } = await harness.send(
      slashCommand("ask", { question: "What does Russia want from NATO?" }),
    );
    expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    const message = sent(callback);
    expect(message.flags ?? 0).toBe(0);
    expect(message.allowed_mentions).toEqual({ parse: [] });
    expect(message.content).toBe("**Asked:** What does Russia want from NATO?");
    expect(message.embeds.length).toBeGreaterThan(0);
    for (const embed of message.embeds) expect(embed.description).toMatch(/^(.+\n\n)?> /s);
    const paging = message.components.flatMap((row) => row.components).map((button) => button.label);
    expect(paging).toContain("More ▶");
  });

  it("/ask reads a member's follow-up with their last question in the channel, and says so", async () => {
    await harness.send(slashCommand("ask", { question: "what did ryabkov say" }));
    const followUp = sent(
      (await harness.send(slashCommand("ask", { question: "what else did he say" }))).callback,
    );
    expect(followUp.content).toMatch(
      /^\*\*Asked:\*\* what else did he say\n-# Read with your last question: what did ryabkov say(\n|$)/,
    );
    // The first answer showed every paragraph naming him: there is nothing more, and it says so.
    expect(followUp.embeds[0]?.description).toBe(NOTHING_MORE);
    // Another member's follow-up is not read with someone else's question.
    const theirs = await harness.send(
      slashCommand("ask", { question: "what else did he say" }, { user: otherMember }),
    );
    // (Alone, it asks nothing of the articles: they are told how to ask.)
    expect(sent(theirs.callback).content).not.toContain("Read with your last question");
  });

  it("/ask with private: true answers only the asker", async () => {
    const { callback } = await harness.send(slashCommand("ask", { question: "Minsk?", private: true }));
    expect(sent(callback).flags).toBe(EPHEMERAL);
  });

  it("/ask with an article only quotes that article", async () => {
    const { callback } = await harness.send(
      slashCommand("ask", { question: "NATO expansion", article: "npr-2022-01-12" }),
    );
    const citations = sent(callback).embeds.flatMap((embed) => embed.description?.match(/^— .*$/gm) ?? []);
    expect(citations.length).toBeGreaterThan(0);
    for (const line of citations) expect(line).toMatch(/^— \[NPR\]\(https:\/\/www\.npr\.org\/.*\) · /);
  });

  it("/demand lists every demand, with a menu to pick one", async () => {
    const { callback } = await harness.send(slashCommand("demand"));
    const message = sent(callback);
    const demandCount = realDossier().demands().results.length;
    const list = message.embeds[0]?.description?.split("\n") ?? [];
    expect(list.filter((line) => /^\d+\. /.test(line))).toHaveLength(demandCount);
    expect(message.components[0]?.components[0]?.options).toHaveLength(demandCount);
  });

  it("/demand with a topic goes straight to the best match, with Russia's reasoning and the Western response", async () => {
    const { callback } = await harness.send(slashCommand("demand", { topic: "missiles" }));
    const message = sent(callback);
    expect(message.content).toMatch(/^\*\*Demands about:\*\* missiles/);
    expect(message.embeds).toHaveLength(1);
    expect(message.embeds[0]?.title).toMatch(/missiles/);
    const fields = message.embeds[0]?.fields?.map((field) => field.name) ?? [];
    expect(fields).toEqual(expect.arrayContaining(["Russia's reasoning", "Western response"]));
  });

  it("/quote by a speaker shows their quotations with role and source", async () => {
    const { callback } = await harness.send(slashCommand("quote", { speaker: "putin" }));
    const [embed] = sent(callback).embeds;
    expect(embed?.title).toBe("Quotes by putin");
    expect(embed?.fields?.length).toBeGreaterThan(0);
    for (const field of embed?.fields ?? []) {
      expect(field.name).toMatch(/^Vladimir Putin — /);
      expect(field.value).toMatch(/^> [\s\S]+\n— .+ · ¶\d+$/);
    }
  });

  it("/timeline from and to shows only events dated in that range, oldest first", async () => {
    const { callback } = await harness.send(slashCommand("timeline", { from: "2014", to: "2019" }));
    const description = sent(callback).embeds[0]?.description ?? "";
    const years = [...description.matchAll(/^\*\*(?:\d{1,2} )?(?:[A-Z][a-z]{2} )?(\d{4})\*\* · /gm)].map(
      (m) => Number(m[1]),
    );
    expect(years.length).toBeGreaterThan(0);
    expect(years.every((year) => year >= 2014 && year <= 2019)).toBe(true);
    expect(years).toEqual([...years].sort((a, b) => a - b));
  });

  it("/who shows who the person is, without the other spellings search knows them by", async () => {
    const { callback } = await harness.send(slashCommand("who", { person: "Ryabkov" }));
    const [card] = sent(callback).embeds;
    expect(card?.author?.name).toBe("Person");
    expect(card?.title).toBe("Sergei Ryabkov");
    expect(card?.description).toMatch(/^Russian deputy foreign minister/);
    expect(card?.description).not.toMatch(/Also called|Riabkov/);
  });

  it("/source lists the articles with links to read them", async () => {
    const { callback } = await harness.send(slashCommand("source"));
    const message = sent(callback);
    const quoted = realDossier()
      .sources()
      .filter((article) => article.duplicateOf === undefined);
    expect(message.embeds[0]?.title).toBe(`The articles (${quoted.length})`);
    // The republished copy is named, in words a member understands.
    expect(JSON.stringify(message.embeds)).toContain(
      "`trenin-republished`, the same article as `trenin-2021-12-28` published again; answers quote the original.",
    );
    const links = message.components
      .flatMap((row) => row.components)
      .filter((b) => b.style === ButtonStyle.Link);
    expect(links.length).toBeGreaterThan(0);
  });

  it("/source with an article shows its details and a link", async () => {
    const { callback } = await harness.send(slashCommand("source", { article: "npr-2022-01-12" }));
    const message = sent(callback);
    const article = realDossier().source("npr-2022-01-12");
    expect(message.embeds[0]?.url).toBe(article?.url);
    expect(message.components[0]?.components[0]).toMatchObject({
      style: ButtonStyle.Link,
      url: article?.url,
    });
  });

  it("/ask about an article itself shows its details, as /source does", async () => {
    const { callback } = await harness.send(slashCommand("ask", { question: "who wrote the npr article" }));
    const message = sent(callback);
    const article = realDossier().source("npr-2022-01-12");
    expect(message.embeds[0]?.title).toBe(article?.title);
    expect(message.embeds[0]?.url).toBe(article?.url);
  });

  it("/help answers privately and names every command", async () => {
    const { callback } = await harness.send(slashCommand("help"));
    const message = sent(callback);
    expect(message.flags).toBe(EPHEMERAL);
    for (const name of ["ask", "demand", "quote", "timeline", "who", "source", "help"]) {
      expect(message.embeds[0]?.description).toContain(`**/${name}`);
    }
  });

  it("answers every reply with mentions switched off", async () => {
    const callbacks = harness.fake.requests.filter((r) => r.path.endsWith("/callback") && r.status < 300);
    expect(callbacks.length).toBeGreaterThan(5);
    for (const request of callbacks) expect(sent(request.body).allowed_mentions).toEqual({ parse: [] });
  });
});

describe("autocomplete, end to end", () => {
  const harness = useHarness();

  const cases = [
    { command: "ask", option: "article", typed: "npr", expected: "npr-2022-01-12" },
    { command: "source", option: "article", typed: "wapo", expected: "wapo-sonne" },
    { command: "demand", option: "topic", typed: "", expected: undefined },
    { command: "quote", option: "speaker", typed: "puti", expected: "putin" },
    { command: "quote", option: "topic", typed: "", expected: undefined },
    { command: "timeline", option: "from", typed: "200", expected: "2008" },
    { command: "timeline", option: "to", typed: "", expected: undefined },
    { command: "timeline", option: "topic", typed: "mins", expected: undefined },
    { command: "who", option: "person", typed: "ryab", expected: "ryabkov" },
  ];

  it.each(cases)("/$command $option suggests for “$typed”", async ({ command, option, typed, expected }) => {
    const { callback } = await harness.send(autocomplete(command, { [option]: typed }, option));
    expect(callback.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = sent(callback).choices ?? [];
    expect(choices.length).toBeGreaterThan(0);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(String(choice.value).length).toBeLessThanOrEqual(100);
    }
    if (expected !== undefined) expect(choices[0]?.value).toBe(expected);
  });

  it("suggests nothing for an option without suggestions, rather than failing", async () => {
    const { callback } = await harness.send(autocomplete("who", { person: "zzzzzzzzzz" }, "person"));
    expect(sent(callback).choices).toEqual([]);
  });
});
