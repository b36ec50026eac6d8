import { ButtonStyle } from "discord.js";
import { describe, expect, it } from "vitest";
import { NOT_COVERED_NOTE } from "../../src/render/discord/answer-view.ts";
import { decodePageButton } from "../../src/render/discord/page-buttons.ts";
import type { ButtonRow } from "../../src/render/discord/payload.ts";
import { renderAnswerPage } from "../../src/render/discord/render-answer-page.ts";
import { answerOf, excerptOf, foreignPolicy, npr, passage } from "./answer-fixtures.ts";

const paging = { key: "k3y" };
const sevenPassages = answerOf([1, 2, 3, 4, 5, 6, 7].map((n) => passage(n)));

function pageButtons(rows: ButtonRow[]) {
  return rows.flatMap((row) => row.components).filter((button) => button.style === ButtonStyle.Secondary);
}

describe("renderAnswerPage for /ask", () => {
  it("shows three results a page, the page in the footer, and More/Previous leading to the neighbours", () => {
    const page = renderAnswerPage({ kind: "ask", question: "why?", answer: sevenPassages }, 1, paging);
    expect(page.embeds.map((embed) => embed.description?.split("\n")[0])).toEqual([
      "> Passage number 4 about NATO expansion.",
      "> Passage number 5 about NATO expansion.",
      "> Passage number 6 about NATO expansion.",
    ]);
    expect(page.embeds.at(-1)?.footer?.text).toBe("Page 2 of 3");
    const [previous, more] = pageButtons(page.components);
    expect(previous && "custom_id" in previous && decodePageButton(previous.custom_id)).toEqual({
      ...paging,
      page: 0,
    });
    expect(more && "custom_id" in more && decodePageButton(more.custom_id)).toEqual({ ...paging, page: 2 });
    expect([previous?.disabled, more?.disabled]).toEqual([false, false]);
  });

  it("disables Previous on the first page and More on the last", () => {
    const view = { kind: "ask" as const, question: "why?", answer: sevenPassages };
    expect(pageButtons(renderAnswerPage(view, 0, paging).components).map((b) => b.disabled)).toEqual([
      true,
      false,
    ]);
    expect(pageButtons(renderAnswerPage(view, 2, paging).components).map((b) => b.disabled)).toEqual([
      false,
      true,
    ]);
  });

  it("clamps a page number from a stale or forged button to a real page", () => {
    const view = { kind: "ask" as const, question: "why?", answer: sevenPassages };
    expect(renderAnswerPage(view, 99, paging).embeds.at(-1)?.footer?.text).toBe("Page 3 of 3");
  });

  it("has no paging row or footer when everything fits on one page", () => {
    const page = renderAnswerPage(
      { kind: "ask", question: "why?", answer: answerOf([passage(1)]) },
      0,
      paging,
    );
    expect(pageButtons(page.components)).toEqual([]);
    expect(page.embeds[0]?.footer).toBeUndefined();
  });

  it("repeats the question, escaped, and adds the note when the articles do not cover it", () => {
    const page = renderAnswerPage(
      { kind: "ask", question: "*why* @everyone", answer: answerOf([passage(1)], false) },
      0,
    );
    expect(page.content).toBe(`**Asked:** \\*why\\* @\u200beveryone\n${NOT_COVERED_NOTE}`);
  });

  it("puts a Q&A entry's summary above its excerpts", () => {
    const qa = {
      kind: "qa" as const,
      id: "why-now",
      heading: "Why now?",
      summary: "Urgency in the Kremlin.",
      excerpts: [excerptOf("What has changed is the sense of urgency", foreignPolicy)],
      score: 1,
    };
    const [embed] = renderAnswerPage({ kind: "ask", question: "why now", answer: answerOf([qa]) }, 0).embeds;
    expect(embed?.title).toBe("Why now?");
    expect(embed?.description).toBe(
      "Urgency in the Kremlin.\n\n> What has changed is the sense of urgency\n— Foreign Policy · Amy Mackinnon · ¶3",
    );
  });

  it("links each cited article with a known address once, as a link button", () => {
    const page = renderAnswerPage(
      { kind: "ask", question: "q", answer: answerOf([passage(1), passage(2, foreignPolicy), passage(3)]) },
      0,
    );
    const links = page.components
      .flatMap((row) => row.components)
      .filter((b) => b.style === ButtonStyle.Link);
    expect(links).toEqual([{ type: 2, style: ButtonStyle.Link, label: "Read: NPR", url: npr.url }]);
  });

  it("says plainly when there is nothing to show", () => {
    const page = renderAnswerPage({ kind: "ask", question: "q", answer: answerOf([], false) }, 0);
    expect(page.content).toBe("**Asked:** q");
    expect(page.embeds).toHaveLength(1);
    expect(page.embeds[0]?.description).toMatch(/^Nothing in the articles matches that question/);
  });
});

describe("renderAnswerPage for the listings", () => {
  it("shows a demand with its reasoning and the Western response as fields, and lists all demands", () => {
    const demand = (id: string, title: string) => ({
      kind: "demand" as const,
      id,
      heading: title,
      excerpts: [excerptOf(`${title}: the statement.`)],
      sections: [
        { label: "Russia's reasoning", excerpts: [excerptOf("Because of security.")] },
        { label: "Western response", excerpts: [excerptOf("Unacceptable.")] },
      ],
      score: 1,
    });
    const answer = answerOf([demand("a", "No NATO enlargement"), demand("b", "No missiles")]);
    const page = renderAnswerPage({ kind: "demand", answer }, 1, paging);
    expect(page.content).toBe("**Russia's demands** (2):\n1. No NATO enlargement\n2. **No missiles** ◀");
    expect(page.embeds[0]?.title).toBe("No missiles");
    expect(page.embeds[0]?.fields?.map((field) => field.name)).toEqual([
      "Russia's reasoning",
      "Western response",
    ]);
    expect(page.embeds[0]?.fields?.[1]?.value).toBe("> Unacceptable.\n— NPR · 12 Jan 2022 · ¶4");
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
      { kind: "quote", speaker: "ryabkov", answer: answerOf([quote, quote]) },
      0,
    ).embeds;
    expect(embed?.title).toBe("Quotes by ryabkov");
    expect(embed?.fields).toEqual([
      {
        name: "Sergei Ryabkov — deputy foreign minister",
        value: "> We need guarantees.\nin Geneva, 10 Jan 2022\n— NPR · 12 Jan 2022 · ¶4",
      },
      {
        name: "Sergei Ryabkov — deputy foreign minister",
        value: "> We need guarantees.\nin Geneva, 10 Jan 2022\n— NPR · 12 Jan 2022 · ¶4",
      },
    ]);
  });

  it("shows the timeline as a dated list", () => {
    const event = (date: string, title: string) => ({
      kind: "event" as const,
      id: title,
      heading: title,
      date,
      excerpts: [excerptOf(`${title} happened.`)],
      score: 1,
    });
    const answer = answerOf([event("2008", "Bucharest summit"), event("2021-12-17", "Drafts published")]);
    const [embed] = renderAnswerPage({ kind: "timeline", from: "2008", answer }, 0).embeds;
    expect(embed?.title).toBe("Timeline from 2008");
    expect(embed?.description).toBe(
      "**2008** · Bucharest summit\n> Bucharest summit happened.\n— NPR · 12 Jan 2022 · ¶4\n\n" +
        "**17 Dec 2021** · Drafts published\n> Drafts published happened.\n— NPR · 12 Jan 2022 · ¶4",
    );
  });

  it("shows a person's role and other names on every page of their quotes", () => {
    const person = {
      kind: "person" as const,
      id: "ryabkov",
      heading: "Sergei Ryabkov",
      summary: "Russian deputy foreign minister",
      person: {
        id: "ryabkov",
        name: "Sergei Ryabkov",
        role: "Russian deputy foreign minister",
        aliases: ["Ryabkov"],
      },
      excerpts: [excerptOf("Deputy Foreign Minister Sergei Ryabkov")],
      score: 1,
    };
    const quote = (n: number) => ({
      kind: "quote" as const,
      id: `q${n}`,
      heading: "Sergei Ryabkov",
      speaker: {
        id: "ryabkov",
        name: "Sergei Ryabkov",
        role: "deputy foreign minister",
        context: "in Geneva",
      },
      excerpts: [excerptOf(`Quote ${n}.`)],
      score: 1,
    });
    const answer = answerOf([person, quote(1), quote(2), quote(3), quote(4)]);
    const second = renderAnswerPage({ kind: "who", person: "ryabkov", answer }, 1, paging);
    expect(second.embeds[0]?.description?.split("\n").slice(0, 2)).toEqual([
      "**Russian deputy foreign minister**",
      "Also called: Ryabkov",
    ]);
    expect(second.embeds[1]?.fields).toEqual([
      {
        name: "Sergei Ryabkov — deputy foreign minister",
        value: "> Quote 4.\nin Geneva\n— NPR · 12 Jan 2022 · ¶4",
      },
    ]);
    expect(second.embeds[1]?.footer?.text).toBe("Page 2 of 2");
  });
});
