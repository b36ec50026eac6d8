import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AnswerResult } from "../../src/answer/answer.ts";
import type { StoredAnswer } from "../../src/bot/answer-pages.ts";
import { createSharedMemories } from "../../src/bot/shared-memories.ts";
import { openPostgresQaStore } from "../../src/store/postgres/open-store.ts";
import type { PostgresQaStore } from "../../src/store/postgres/postgres-qa-store.ts";
import { TestClock } from "../bot/manual-clock.ts";
import { articleCorpus } from "../store/fixtures/article-corpus.ts";
import { createTestDatabase } from "../store/fixtures/test-store.ts";

const excerpt = {
  text: "Guarantees. With all the words",
  highlights: [{ start: 0, end: 10 }],
  citation: { article: "npr", title: "4 things", outlet: "NPR", authors: [], paragraph: 4 },
};
const moderatorsEntry: AnswerResult = {
  kind: "qa",
  id: "ryabkov",
  heading: "What did Ryabkov ask for?",
  summary: "Our server's own words.",
  guildId: "g1",
  excerpts: [excerpt],
  score: 2,
};

/**
 * A page kept for "More" is read back on the replica a click reaches, through the schema: whatever
 * a page shows must survive it, or that replica shows something else (a server's moderators' words
 * labelled as the curators').
 */
describe("answer pages shared by replicas", () => {
  let stores: PostgresQaStore[];
  const clock = new TestClock();
  const memoriesOf = (store: PostgresQaStore) =>
    createSharedMemories(
      store.sharedValues(() => clock.now()),
      clock,
      pino({ level: "silent" }),
    );

  beforeAll(async () => {
    const url = await createTestDatabase();
    stores = await Promise.all([1, 2].map(() => openPostgresQaStore({ url, corpus: articleCorpus() })));
  });
  afterAll(async () => {
    for (const store of stores ?? []) await store.close();
  });

  it("come back on the other replica with everything a page shows", async () => {
    const [one, two] = (stores ?? []).map(memoriesOf);
    if (one === undefined || two === undefined) throw new Error("no stores");
    const pages: StoredAnswer[] = [
      {
        view: {
          kind: "ask",
          question: "what did ryabkov want",
          serverName: "Study group",
          answer: {
            confident: false,
            results: [moderatorsEntry],
            notCoveredBy: { article: "trenin", title: "What Putin Really Wants", outlet: "Foreign Affairs" },
          },
        },
        extraRows: [],
      },
      {
        view: {
          kind: "demand",
          answer: { confident: true, results: [{ ...moderatorsEntry, kind: "demand", guildId: undefined }] },
          menu: [{ id: "no-expansion", title: "No more NATO expansion" }],
        },
        extraRows: [],
      },
    ];
    for (const page of pages) {
      const key = await one.pages.remember(page);
      expect(await two.pages.recall(key)).toEqual(page);
    }
  });

  it("keep a member's last question under their conversation, the latest one replacing it", async () => {
    const [one, two] = (stores ?? []).map(memoriesOf);
    if (one === undefined || two === undefined) throw new Error("no stores");
    expect(await two.lastQuestions.recall("c1:u1")).toBeUndefined();
    await one.lastQuestions.keep("c1:u1", { question: "what did ryabkov say", shown: ["npr#4"] });
    await one.lastQuestions.keep("c1:u1", { question: "who is sherman", shown: ["npr#6", "wapo#3"] });
    expect(await two.lastQuestions.recall("c1:u1")).toEqual({
      question: "who is sherman",
      shown: ["npr#6", "wapo#3"],
    });
    expect(await two.lastQuestions.recall("c1:u2")).toBeUndefined();
    // Ten minutes without a question: the next one is read alone.
    clock.advance(10 * 60_000);
    expect(await two.lastQuestions.recall("c1:u1")).toBeUndefined();
  });
});
