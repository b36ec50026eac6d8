import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import type { Answer } from "../../src/answer/answer.ts";
import { createDossier } from "../../src/answer/create-dossier.ts";
import type { Dossier } from "../../src/answer/dossier.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { type AnswerView, pageCountOf } from "../../src/render/discord/answer-view.ts";
import { renderSources } from "../../src/render/discord/card-sources.ts";
import { embedLength } from "../../src/render/discord/fit-message.ts";
import type { MessagePayload } from "../../src/render/discord/payload.ts";
import { renderAnswerPage } from "../../src/render/discord/render-answer-page.ts";
import { renderHelp } from "../../src/render/discord/render-help.ts";
import { renderSource, renderSourceList } from "../../src/render/discord/render-sources.ts";
import { UserError } from "../../src/user-error.ts";
import { limitViolations } from "./discord-limits.ts";

const KNOWLEDGE_DIR = new URL("../../knowledge/", import.meta.url).pathname;
const QUESTION_FILES = ["dev.json", "dev-members.json", "holdout.json"];
const questions = QUESTION_FILES.flatMap((file) =>
  z
    .array(z.object({ id: z.string(), question: z.string() }))
    .parse(JSON.parse(readFileSync(new URL(`../eval/${file}`, import.meta.url), "utf8"))),
);

/** What a member takes in at a glance: the embed text of a reply's first page, in all. */
const FIRST_PAGE_EMBED_TEXT = 2000;

/** The longest key the paging buttons carry. */
const WORST_PAGING = { key: "Ab-_0123" };

/** Runs a dossier call; a UserError is a fine answer to odd input (it becomes a one-line notice). */
function answerOrNothing(call: () => Answer): Answer | undefined {
  try {
    return call();
  } catch (error) {
    if (error instanceof UserError) return undefined;
    throw error;
  }
}

function everyPage(view: AnswerView): MessagePayload[] {
  return Array.from({ length: pageCountOf(view) }, (_, page) => renderAnswerPage(view, page, WORST_PAGING));
}

function embedText(payload: MessagePayload): number {
  return payload.embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
}

/** The same excerpt twice in one reply, or (on /ask and /demand) the same paragraph twice. */
function repeatedPassages(label: string, payload: MessagePayload): string[] {
  const quoted = payload.embeds.flatMap((embed) =>
    [embed.description ?? "", ...(embed.fields ?? []).map((field) => field.value)].flatMap((text) =>
      [...text.matchAll(/^> (.*)\n(?:.*\n)?— .*¶(\d+)$/gm)].map((match) => ({
        words: match[1] ?? "",
        citation:
          match[0]
            .split("\n")
            .at(-1)
            ?.replace(/\]\(.*?\)/, "]") ?? "",
      })),
    ),
  );
  const strict = label.includes("/ask") || label.includes("/demand");
  return quoted.flatMap((one, i) =>
    quoted
      .slice(i + 1)
      .some((other) => other.citation === one.citation && (strict || other.words === one.words))
      ? [`${label}: ${one.citation} shown twice`]
      : [],
  );
}

interface Rendered {
  label: string;
  payload: MessagePayload;
}

function renderer(into: Rendered[]) {
  return (label: string, view: AnswerView) => {
    for (const [page, payload] of everyPage(view).entries())
      into.push({ label: `${label} p${page + 1}`, payload });
  };
}

function violations(rendered: Rendered[]): string[] {
  return rendered.flatMap(({ label, payload }) => [
    ...limitViolations(payload).map((problem) => `${label}: ${problem}`),
    ...(label.endsWith(" p1") && embedText(payload) > FIRST_PAGE_EMBED_TEXT
      ? [`${label}: ${embedText(payload)} characters of embed text on the first page`]
      : []),
    ...repeatedPassages(label, payload),
  ]);
}

describe("every command's reply stays within Discord's limits", () => {
  let dossier: Dossier;

  beforeAll(() => {
    dossier = createDossier(loadCorpus(KNOWLEDGE_DIR));
  });

  it("for every evaluation question (dev and holdout), through every command that takes text", () => {
    const rendered: Rendered[] = [];
    const render = renderer(rendered);
    for (const { id, question } of questions) {
      const asked = answerOrNothing(() => dossier.ask(question, { limit: 9 }));
      if (asked !== undefined) {
        render(`${id} /ask`, { kind: "ask", question, answer: asked });
        // A non-conforming client can send a question far over the registered 300 characters.
        render(`${id} /ask (6000)`, {
          kind: "ask",
          question: question.repeat(6000).slice(0, 6000),
          answer: asked,
        });
      }
      const demands = answerOrNothing(() => dossier.demands(question));
      if (demands !== undefined)
        render(`${id} /demand`, { kind: "demand", topic: question, answer: demands });
      const byTopic = answerOrNothing(() => dossier.quotes({ topic: question }));
      if (byTopic !== undefined)
        render(`${id} /quote topic`, { kind: "quote", topic: question, answer: byTopic });
      const bySpeaker = answerOrNothing(() => dossier.quotes({ speaker: question }));
      if (bySpeaker !== undefined)
        render(`${id} /quote speaker`, { kind: "quote", speaker: question, answer: bySpeaker });
      const events = answerOrNothing(() => dossier.timeline({ topic: question }));
      if (events !== undefined)
        render(`${id} /timeline`, { kind: "timeline", topic: question, answer: events });
      const person = answerOrNothing(() => dossier.who(question));
      if (person !== undefined) render(`${id} /who`, { kind: "who", person: question, answer: person });
    }
    expect(violations(rendered)).toEqual([]);
    // Every question reached /ask; the count guards against a loop that silently rendered nothing.
    expect(rendered.filter(({ label }) => label.endsWith("/ask p1")).length).toBe(questions.length);
  });

  it("for the listings without a filter, every person, every speaker and every article", () => {
    const rendered: Rendered[] = [];
    const render = renderer(rendered);
    render("/demand", { kind: "demand", answer: dossier.demands() });
    for (const { id } of dossier.demands().results) {
      render(`/demand ${id}`, { kind: "demand", topic: id, answer: dossier.demands(id) });
    }
    const years = new Set(dossier.timeline({}).results.map((event) => event.date?.slice(0, 4) ?? ""));
    for (const year of years) {
      render(`/timeline ${year}`, {
        kind: "timeline",
        from: year,
        to: year,
        answer: dossier.timeline({ from: year, to: year }),
      });
    }
    render("/quote", { kind: "quote", answer: dossier.quotes({}) });
    render("/timeline", { kind: "timeline", answer: dossier.timeline({}) });
    for (const { value } of dossier.suggest("person", "", 25)) {
      render(`/who ${value}`, { kind: "who", person: value, answer: dossier.who(value) });
    }
    for (const { value } of dossier.suggest("speaker", "", 25)) {
      render(`/quote ${value}`, {
        kind: "quote",
        speaker: value,
        answer: dossier.quotes({ speaker: value }),
      });
    }
    rendered.push(
      { label: "/source", payload: renderSourceList(dossier.sources()) },
      ...dossier
        .sources()
        .map((article) => ({ label: `/source ${article.id}`, payload: renderSource(article) })),
      { label: "/help", payload: renderHelp(commands.map((command) => command.data.toJSON())) },
    );
    expect(violations(rendered)).toEqual([]);
    expect(rendered.filter(({ label }) => label.startsWith("/who ")).length).toBeGreaterThan(10);
  });

  it("for the Sources of every result of every listing and of every /ask answer", () => {
    const results = [
      ...dossier.demands().results,
      ...dossier.timeline({}).results,
      ...dossier.quotes({}).results,
      ...dossier.suggest("person", "", 25).flatMap(({ value }) => dossier.who(value).results),
      ...questions.flatMap(
        ({ question }) => answerOrNothing(() => dossier.ask(question, { limit: 9 }))?.results ?? [],
      ),
    ];
    const rendered = results.flatMap((result) => {
      const evidence = dossier.evidence(result.kind, result.id);
      return evidence === undefined
        ? []
        : [{ label: `Sources ${result.kind}:${result.id}`, payload: renderSources(evidence) }];
    });
    expect(rendered.length).toBeGreaterThan(100);
    expect(
      rendered.flatMap(({ label, payload }) => limitViolations(payload).map((p) => `${label}: ${p}`)),
    ).toEqual([]);
  });
});
