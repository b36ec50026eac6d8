import { ButtonStyle, ComponentType } from "discord.js";
import { describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/answer.ts";
import { NOT_COVERED_NOTE } from "../../src/render/discord/answer-view.ts";
import { decodeSourcesTarget } from "../../src/render/discord/card-sources.ts";
import { decodePageButton } from "../../src/render/discord/page-buttons.ts";
import type { ComponentRow } from "../../src/render/discord/payload.ts";
import { renderAnswerPage } from "../../src/render/discord/render-answer-page.ts";
import { answerOf, excerptOf, foreignPolicy, npr, passage } from "./answer-fixtures.ts";

const paging = { key: "k3y" };
const sevenPassages = answerOf([1, 2, 3, 4, 5, 6, 7].map((n) => passage(n)));
const NPR_LINK = `[NPR](${npr.url})`;

function buttons(rows: ComponentRow[]) {
  return rows.flatMap((row) =>
    row.components.flatMap((component) => (component.type === ComponentType.Button ? [component] : [])),
  );
}

function labels(rows: ComponentRow[]) {
  return buttons(rows).map((button) => ("label" in button ? button.label : undefined));
}

const qa = (extra: Partial<AnswerResult> = {}): AnswerResult => ({
  kind: "qa",
  id: "why-now",
  heading: "Why now?",
  summary: "Urgency in the Kremlin.",
  excerpts: [excerptOf("What has changed is the sense of urgency", foreignPolicy)],
  score: 1,
  ...extra,
});

describe("renderAnswerPage for /ask", () => {
  it("shows three numbered cards a page, each labelled with what it is", () => {
    const page = renderAnswerPage({ kind: "ask", question: "why?", answer: sevenPassages }, 1, paging);
    expect(page.embeds.map((embed) => embed.author?.name)).toEqual([
      "4 · Passage",
      "5 · Passage",
      "6 · Passage",
    ]);
    expect(page.embeds.map((embed) => embed.description?.split("\n")[0])).toEqual([
      "> Passage number 4 about NATO expansion.",
      "> Passage number 5 about NATO expansion.",
      "> Passage number 6 about NATO expansion.",
    ]);
    expect(page.embeds.at(-1)?.footer?.text).toBe("Page 2 of 3");
  });

  it("shows More alone on the first page, Previous from the second, in one row", () => {
    const view = { kind: "ask" as const, question: "why?", answer: sevenPassages };
    expect(labels(renderAnswerPage(view, 0, paging).components)).toEqual(["More ▶"]);
    const middle = renderAnswerPage(view, 1, paging).components;
    expect(labels(middle)).toEqual(["◀ Previous", "More ▶"]);
    const [previous, more] = buttons(middle);
    expect(previous && "custom_id" in previous && decodePageButton(previous.custom_id)).toEqual({
      ...paging,
      page: 0,
    });
    expect(more && "custom_id" in more && decodePageButton(more.custom_id)).toEqual({ ...paging, page: 2 });
    expect(labels(renderAnswerPage(view, 2, paging).components)).toEqual(["◀ Previous"]);
  });

  it("puts the feedback buttons in the paging row", () => {
    const feedback = {
      type: ComponentType.ActionRow as const,
      components: [
        {
          type: ComponentType.Button as const,
          style: ButtonStyle.Secondary as const,
          label: "Helpful",
          custom_id: "v:up",
        },
        {
          type: ComponentType.Button as const,
          style: ButtonStyle.Secondary as const,
          label: "Not helpful",
          custom_id: "v:down",
        },
      ],
    };
    const page = renderAnswerPage({ kind: "ask", question: "why?", answer: sevenPassages }, 0, paging, [
      feedback,
    ]);
    expect(page.components).toHaveLength(1);
    expect(labels(page.components)).toEqual(["More ▶", "Helpful", "Not helpful"]);
  });

  it("clamps a page number from a stale or forged button to a real page", () => {
    const view = { kind: "ask" as const, question: "why?", answer: sevenPassages };
    expect(renderAnswerPage(view, 99, paging).embeds.at(-1)?.footer?.text).toBe("Page 3 of 3");
  });

  it("has no buttons or footer when everything fits on one page", () => {
    const page = renderAnswerPage(
      { kind: "ask", question: "why?", answer: answerOf([passage(1)]) },
      0,
      paging,
    );
    expect(page.components).toEqual([]);
    expect(page.embeds[0]?.footer).toBeUndefined();
  });

  it("repeats the question, escaped, and adds the note when the articles do not cover it", () => {
    const page = renderAnswerPage(
      { kind: "ask", question: "*why* @everyone", answer: answerOf([passage(1)], false) },
      0,
    );
    expect(page.content).toBe(`**Asked:** \\*why\\* @\u200beveryone\n${NOT_COVERED_NOTE}`);
  });

  it("says which article a question was asked of when the other articles answer it", () => {
    const answer = {
      ...answerOf([passage(1)], false),
      notCoveredBy: { article: "fp", title: "What's *Behind*", outlet: "Foreign Affairs" },
    };
    expect(renderAnswerPage({ kind: "ask", question: "why?", answer }, 0).content).toBe(
      "**Asked:** why?\nForeign Affairs' article doesn't seem to cover that — the other articles:",
    );
    const { outlet: _none, ...untitled } = answer.notCoveredBy;
    const noOutlet = { ...answer, notCoveredBy: untitled };
    expect(renderAnswerPage({ kind: "ask", question: "why?", answer: noOutlet }, 0).content).toBe(
      "**Asked:** why?\n“What's \\*Behind\\*” doesn't seem to cover that — the other articles:",
    );
  });

  it("labels a curated answer as the curators' summary, above its verbatim excerpt", () => {
    const [embed] = renderAnswerPage(
      { kind: "ask", question: "why now", answer: answerOf([qa()]) },
      0,
    ).embeds;
    expect(embed?.author?.name).toBe("1 · Curators' summary");
    expect(embed?.title).toBe("Why now?");
    expect(embed?.description).toBe(
      "Urgency in the Kremlin.\n\n> What has changed is the sense of urgency\n— Foreign Policy · Amy Mackinnon · ¶3",
    );
  });

  it("labels a server's own entry as its moderators' answer, naming the server", () => {
    const view = {
      kind: "ask" as const,
      question: "q",
      serverName: "Study Hall",
      answer: answerOf([qa({ guildId: "1" })]),
    };
    expect(renderAnswerPage(view, 0).embeds[0]?.author?.name).toBe("1 · Moderators' answer · Study Hall");
  });

  it("links the outlet in each citation instead of a row of link buttons", () => {
    const page = renderAnswerPage({ kind: "ask", question: "q", answer: answerOf([passage(1)]) }, 0);
    expect(page.embeds[0]?.description).toContain(`— ${NPR_LINK} · 12 Jan 2022 · ¶1`);
    expect(buttons(page.components).filter((b) => b.style === ButtonStyle.Link)).toEqual([]);
  });

  it("offers Sources for a card whose entry cites more than it shows", () => {
    const view = {
      kind: "ask" as const,
      question: "q",
      answer: answerOf([qa(), passage(2)]),
      sourceCounts: new Map([["qa:why-now", 3]]),
    };
    const [sources] = buttons(renderAnswerPage(view, 0).components);
    expect(sources && "label" in sources && sources.label).toBe("Sources for 1 (3)");
    expect(sources && "custom_id" in sources && decodeSourcesTarget(sources.custom_id)).toEqual({
      kind: "qa",
      id: "why-now",
    });
  });

  it("bolds only a few telling words a card", () => {
    const text = "NATO NATO expansion Ukraine Georgia Bucharest alliance summit";
    const highlights = [...text.matchAll(/\S+/g)].map((m) => ({
      start: m.index,
      end: m.index + m[0].length,
    }));
    const result: AnswerResult = { ...passage(1), excerpts: [{ text, highlights, citation: npr }] };
    const description = renderAnswerPage({ kind: "ask", question: "q", answer: answerOf([result]) }, 0)
      .embeds[0]?.description;
    expect(description?.match(/\*\*[^*]+\*\*/g)).toHaveLength(3);
  });

  it("says plainly when there is nothing to show", () => {
    const page = renderAnswerPage({ kind: "ask", question: "q", answer: answerOf([], false) }, 0);
    expect(page.content).toBe("**Asked:** q");
    expect(page.embeds).toHaveLength(1);
    expect(page.embeds[0]?.description).toMatch(/^Nothing in the articles matches that question/);
  });
});

describe("renderAnswerPage for the listings", () => {
  const demand = (id: string, title: string): AnswerResult => ({
    kind: "demand",
    id,
    heading: title,
    excerpts: [excerptOf(`${title}: the statement.`, { ...npr, paragraph: 1 })],
    sections: [
      {
        label: "Russia's reasoning",
        excerpts: [
          excerptOf("Again the statement.", { ...npr, paragraph: 1 }),
          excerptOf("Russia's reasoning: Because of security.", { ...npr, paragraph: 2 }),
        ],
      },
      { label: "Western response", excerpts: [excerptOf("Unacceptable.", { ...npr, paragraph: 3 })] },
      { label: "Room for compromise", excerpts: [excerptOf("Unacceptable.", { ...npr, paragraph: 3 })] },
    ],
    score: 1,
  });

  it("lists the demands with a menu to pick one", () => {
    const answer = answerOf([demand("a", "No NATO enlargement"), demand("b", "No missiles")]);
    const page = renderAnswerPage({ kind: "demand", answer }, 0);
    expect(page.embeds[0]?.title).toBe("Russia's demands (2)");
    expect(page.embeds[0]?.description).toBe("1. No NATO enlargement\n2. No missiles");
    const [row] = page.components;
    const select = row?.components[0];
    expect(select?.type).toBe(ComponentType.StringSelect);
    expect(select?.type === ComponentType.StringSelect && select.options.map((o) => o.value)).toEqual([
      "a",
      "b",
    ]);
  });

  it("shows one demand as a card: a quote per section, no paragraph twice, no run-in label", () => {
    const answer = answerOf([demand("b", "No missiles")]);
    const menu = [
      { id: "a", title: "No NATO enlargement" },
      { id: "b", title: "No missiles" },
    ];
    const page = renderAnswerPage({ kind: "demand", topic: "missiles", menu, answer }, 0);
    const [embed] = page.embeds;
    expect(page.content).toBe("**Demands about:** missiles");
    expect(embed?.author?.name).toBe("Russia's demand");
    expect(embed?.title).toBe("No missiles");
    // The reasoning's first excerpt repeats ¶1, and the compromise's only one ¶3: neither is shown twice.
    expect(embed?.fields).toEqual([
      { name: "Russia's reasoning", value: `> Because of security.\n— ${NPR_LINK} · 12 Jan 2022 · ¶2` },
      { name: "Western response", value: `> Unacceptable.\n— ${NPR_LINK} · 12 Jan 2022 · ¶3` },
    ]);
    const select = page.components[0]?.components[0];
    expect(select?.type === ComponentType.StringSelect && select.options.find((o) => o.default)?.value).toBe(
      "b",
    );
    expect(labels(page.components)).toEqual(["Sources (5)"]);
  });

  it("shows each quotation as a field: speaker and role, the words, the occasion, the source", () => {
    const quote = {
      kind: "quote" as const,
      id: "q",
      heading: "Sergei Ryabkov",
      date: "2022-01-10",
      speaker: {
        id: "ryabkov",
        name: "Sergei Ryabkov",
        role: "deputy foreign minister",
        context: "in Geneva",
      },
      excerpts: [excerptOf("We need guarantees.")],
      score: 1,
    };
    const [embed] = renderAnswerPage(
      { kind: "quote", speaker: "ryabkov", answer: answerOf([quote]) },
      0,
    ).embeds;
    expect(embed?.title).toBe("Quotes by ryabkov");
    expect(embed?.fields).toEqual([
      {
        name: "Sergei Ryabkov — deputy foreign minister",
        value: `> We need guarantees.\nin Geneva, 10 Jan 2022\n— ${NPR_LINK} · 12 Jan 2022 · ¶4`,
      },
    ]);
  });

  it("shows the timeline as a dated list", () => {
    const event = (date: string, title: string, paragraph: number) => ({
      kind: "event" as const,
      id: title,
      heading: title,
      date,
      excerpts: [excerptOf(`${title} happened.`, { ...npr, paragraph })],
      score: 1,
    });
    const answer = answerOf([
      event("2008", "Bucharest summit", 4),
      event("2021-12-17", "Drafts published", 5),
    ]);
    const [embed] = renderAnswerPage({ kind: "timeline", from: "2008", answer }, 0).embeds;
    expect(embed?.title).toBe("Timeline from 2008");
    expect(embed?.description).toBe(
      `**2008** · Bucharest summit\n> Bucharest summit happened.\n— ${NPR_LINK} · 12 Jan 2022 · ¶4\n\n` +
        `**17 Dec 2021** · Drafts published\n> Drafts published happened.\n— ${NPR_LINK} · 12 Jan 2022 · ¶5`,
    );
  });

  it("heads every page of a person's quotes with their card, without search aliases or repeated roles", () => {
    const person: AnswerResult = {
      kind: "person",
      id: "ryabkov",
      heading: "Sergei Ryabkov",
      summary: "Russian deputy foreign minister",
      person: {
        id: "ryabkov",
        name: "Sergei Ryabkov",
        role: "Russian deputy foreign minister",
        aliases: ["Ryabkov", "Riabkov"],
      },
      excerpts: [excerptOf("Deputy Foreign Minister Sergei Ryabkov", { ...npr, paragraph: 1 })],
      score: 1,
    };
    const quote = (n: number): AnswerResult => ({
      kind: "quote",
      id: `q${n}`,
      heading: "Sergei Ryabkov",
      speaker: {
        id: "ryabkov",
        name: "Sergei Ryabkov",
        role: "deputy foreign minister",
        context: "in Geneva",
      },
      excerpts: [excerptOf(`Quote ${n}.`, { ...npr, paragraph: 10 + n })],
      score: 1,
    });
    const answer = answerOf([person, quote(1), quote(2), quote(3), quote(4)]);
    const second = renderAnswerPage({ kind: "who", person: "ryabkov", answer }, 1, paging);
    expect(second.embeds[0]?.title).toBe("Sergei Ryabkov");
    expect(second.embeds[0]?.description?.split("\n")[0]).toBe("Russian deputy foreign minister");
    expect(JSON.stringify(second.embeds)).not.toContain("Riabkov");
    expect(second.embeds[1]?.fields).toEqual([
      { name: "In Geneva", value: `> Quote 4.\n— ${NPR_LINK} · 12 Jan 2022 · ¶14` },
    ]);
    expect(second.embeds[1]?.footer?.text).toBe("Page 2 of 2");
  });
});
