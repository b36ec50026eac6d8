import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { commands } from "../../commands/index.ts";
import { createDossier } from "../../src/answer/create-dossier.ts";
import type { Dossier } from "../../src/answer/dossier.ts";
import type { Answer } from "../../src/answer/types.ts";
import { UserError } from "../../src/errors.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { type AnswerView, pageCountOf } from "../../src/render/discord/answer-view.ts";
import type { MessagePayload } from "../../src/render/discord/payload.ts";
import { renderAnswerPage } from "../../src/render/discord/render-answer-page.ts";
import { renderHelp } from "../../src/render/discord/render-help.ts";
import { renderSource, renderSourceList } from "../../src/render/discord/render-sources.ts";
import { limitViolations } from "./discord-limits.ts";

const KNOWLEDGE_DIR = new URL("../../knowledge/", import.meta.url).pathname;
const QUESTIONS_FILE = new URL("../eval/questions.json", import.meta.url);
const questions = z
  .array(z.object({ id: z.string(), question: z.string() }))
  .parse(JSON.parse(readFileSync(QUESTIONS_FILE, "utf8")));

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
  return rendered.flatMap(({ label, payload }) =>
    limitViolations(payload).map((problem) => `${label}: ${problem}`),
  );
}

describe("every command's reply stays within Discord's limits", () => {
  let dossier: Dossier;

  beforeAll(() => {
    dossier = createDossier(loadCorpus(KNOWLEDGE_DIR));
  });

  it("for every evaluation question, through every command that takes text", () => {
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
});
