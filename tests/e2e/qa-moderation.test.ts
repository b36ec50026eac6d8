import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VOTE_THANKS } from "../../src/moderation/discord/votes.ts";
import { NOT_A_MODERATOR } from "../../src/moderation/permissions.ts";
import {
  autocomplete,
  button,
  type FakeDiscord,
  modalSubmit,
  slashCommand,
  startFakeDiscord,
} from "../fake-discord/index.ts";
import { BALTIC_FORM, tempDataDir } from "../moderation/fixtures/moderation-world.ts";
import {
  MODERATOR_PERMISSIONS,
  modalSchema,
  prefilled,
  type QaBot,
  startQaBot,
} from "../moderation/fixtures/qa-bot.ts";
import { BOT_TOKEN, EPHEMERAL, otherMember, pageButtonsOf, type Sent, sent } from "./bot-harness.ts";

/** Entries of their own for the tests below, so no test depends on another's entry. */
const READING_FORM = {
  question: "Which reading did the study group assign before the Geneva talks?",
  answer: "The study group assigned the Foreign Policy piece on the hundred thousand troops.",
  alternatives: "",
  citations:
    "fp-mackinnon ¶1: With an estimated 100,000 Russian troops positioned uncomfortably close to Ukraine's border",
};
const NOTES_FORM = {
  question: "Where does the study group keep its shared reading notes?",
  answer: "In the pinned thread; the notes start from the observation that not much is new.",
  alternatives: "reading notes",
  citations: "On the face of it, not much is new here.",
};

const asModerator = { permissions: MODERATOR_PERMISSIONS };
const qa = (subcommand: string, options: Record<string, string | number> = {}, moderator = true) =>
  slashCommand("qa", options, { subcommand, ...(moderator ? asModerator : {}) });

/**
 * Moderators' entries through the real discord.js client, the fake Discord and a real SQLite file in
 * a temporary DATA_DIR: the form, /ask, the history, the refusals, the votes, and a restart.
 */
describe("/qa end to end", () => {
  let fake: FakeDiscord;
  let dataDir: { path: string; remove: () => void };
  let bot: QaBot;

  beforeAll(async () => {
    fake = await startFakeDiscord({ token: BOT_TOKEN });
    dataDir = tempDataDir();
    bot = await startQaBot(fake, dataDir.path);
  });
  afterAll(async () => {
    await bot?.stop();
    await fake?.close();
    dataDir?.remove();
  });

  const send = async (seed: Parameters<QaBot["send"]>[0]): Promise<Sent> =>
    sent((await bot.send(seed)).callback);
  const ask = (question: string) => send(slashCommand("ask", { question }));
  const entryCount = async () =>
    (await bot.moderation.store.list(fake.guildId, { includeRemoved: true, offset: 0, limit: 100 })).total;

  /** /qa add, then the form submitted as a moderator; resolves with the new entry's id. */
  async function addThroughForm(form: Record<string, string>): Promise<string> {
    const opened = await bot.send(qa("add"));
    const modal = modalSchema.parse(opened.callback.data);
    const reply = await send(modalSubmit(modal.custom_id, form, asModerator));
    const id = /^Added `([a-z0-9-]+)`/.exec(reply.content ?? "")?.[1];
    if (id === undefined) throw new Error(`the form was refused: ${JSON.stringify(reply)}`);
    return id;
  }

  it("adds through the form, answers /ask with it first, edits, removes, and shows all three revisions", async () => {
    const opened = await bot.send(qa("add"));
    expect(opened.callback.type).toBe(InteractionResponseType.Modal);
    const modal = modalSchema.parse(opened.callback.data);
    expect(modal.custom_id).toBe("qa-form:add");
    expect(modal.components.map(({ component: c }) => [c.custom_id, c.max_length, c.required])).toEqual([
      ["question", 300, true],
      ["answer", 1000, true],
      ["alternatives", 1000, false],
      ["citations", 4000, true],
    ]);

    const added = await send(modalSubmit(modal.custom_id, { ...BALTIC_FORM }, asModerator));
    expect(added.flags).toBe(EPHEMERAL);
    const id = /^Added `([a-z0-9-]+)`/.exec(added.content ?? "")?.[1] ?? "";
    expect(id).toMatch(/^which-baltic-exercise/);

    const first = await ask(BALTIC_FORM.question);
    expect(first.embeds[0]?.title).toBe(BALTIC_FORM.question);
    expect(first.embeds[0]?.description).toContain(BALTIC_FORM.answer);

    const editOpened = await bot.send(qa("edit", { id }));
    const editModal = modalSchema.parse(editOpened.callback.data);
    expect(editModal.custom_id).toBe(`qa-form:edit:1:${id}`);
    expect(prefilled(editModal)).toEqual({ ...BALTIC_FORM });
    const newAnswer = "The glossary session now starts with the Bucharest summit of 2008.";
    const edited = await send(
      // The older modal layout (action rows) must read the same.
      modalSubmit(
        editModal.custom_id,
        { ...BALTIC_FORM, answer: newAnswer },
        { ...asModerator, layout: "actionRow" },
      ),
    );
    expect(edited.content).toBe(`Saved version 2 of \`${id}\`: /ask uses it from now on.`);
    expect((await ask(BALTIC_FORM.question)).embeds[0]?.description).toContain(newAnswer);

    const removed = await send(qa("remove", { id, reason: "Covered by the pinned glossary" }));
    expect(removed.content).toMatch(new RegExp(`^Removed \`${id}\`: /ask no longer answers with it`));
    const afterRemoval = await ask(BALTIC_FORM.question);
    expect(afterRemoval.embeds.map((embed) => embed.title)).not.toContain(BALTIC_FORM.question);
    expect(JSON.stringify(afterRemoval)).not.toContain(newAnswer);

    const history = await send(qa("history", { id }, false));
    expect(history.embeds.map((embed) => embed.title)).toEqual([
      "Version 3 · removed",
      "Version 2 · edited",
      "Version 1 · added",
    ]);
    const tester = `<@${fake.tester.id}>`;
    expect(history.embeds[0]?.description).toMatch(
      new RegExp(`^By ${tester}, <t:\\d+:f>\\.\\nReason: Covered by the pinned glossary$`),
    );
    expect(history.embeds[1]?.description).toContain(`@@ answer\n- ${BALTIC_FORM.answer}\n+ ${newAnswer}`);
    expect(history.embeds[2]?.description).toContain(`@@ question\n+ ${BALTIC_FORM.question}`);
  });

  it("refuses a member without Manage Messages at every step of a change, and changes nothing", async () => {
    const id = await addThroughForm(READING_FORM);
    const count = await entryCount();

    const openForm = await send(qa("add", {}, false));
    expect(openForm).toMatchObject({ content: NOT_A_MODERATOR, flags: EPHEMERAL });
    // A replayed or forged form is checked again on submit.
    const forged = await send(modalSubmit("qa-form:add", { ...NOTES_FORM }));
    expect(forged).toMatchObject({ content: NOT_A_MODERATOR, flags: EPHEMERAL });
    const forgedEdit = await send(
      modalSubmit(`qa-form:edit:1:${id}`, { ...READING_FORM, answer: "Vandalised." }),
    );
    expect(forgedEdit.content).toBe(NOT_A_MODERATOR);
    for (const seed of [qa("remove", { id, reason: "I do not like it" }, false), qa("edit", { id }, false)]) {
      expect((await send(seed)).content).toBe(NOT_A_MODERATOR);
    }

    expect(await entryCount()).toBe(count);
    const entry = await bot.moderation.store.get(fake.guildId, id);
    expect(entry).toMatchObject({ status: "active", version: 1, answer: READING_FORM.answer });
    expect((await ask(READING_FORM.question)).embeds[0]?.title).toBe(READING_FORM.question);
    // Reading stays open to anyone who can run /qa.
    expect((await send(qa("show", { id }, false))).embeds[0]?.title).toBe(READING_FORM.question);
  });

  it("keeps a refused form's text: nothing is written, and Fix and resubmit reopens it filled in", async () => {
    const count = await entryCount();
    const typed = { ...NOTES_FORM, citations: "fp-mackinnon ¶3: words that are nowhere in the article" };
    const refused = await send(modalSubmit("qa-form:add", typed, asModerator));
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.embeds[0]?.description).toMatch(
      /^Nothing was saved:\n• Line 1: The excerpt "words that are nowhere in the article" is not word for word in fp-mackinnon ¶3/,
    );
    expect(await entryCount()).toBe(count);

    const [fix] = pageButtonsOf(refused);
    expect(fix?.label).toBe("Fix and resubmit");
    const reopened = await bot.send(button(fix?.custom_id ?? "", asModerator));
    expect(reopened.callback.type).toBe(InteractionResponseType.Modal);
    const modal = modalSchema.parse(reopened.callback.data);
    expect(modal.custom_id).toBe("qa-form:add");
    expect(prefilled(modal)).toEqual(typed);
  });

  it("suggests entry ids and paragraphs while typing, and shows a paragraph to cite", async () => {
    const id = (await bot.moderation.store.allActive(fake.guildId)).find(
      (e) => e.question === READING_FORM.question,
    )?.id;
    const idChoices = await bot.send(
      autocomplete("qa", { id: "which-rea" }, "id", { subcommand: "edit", ...asModerator }),
    );
    expect(sent(idChoices.callback).choices?.[0]?.value).toBe(id);

    const paragraphs = await bot.send(
      autocomplete("qa", { article: "fp-mackinnon", paragraph: "Bucharest" }, "paragraph", {
        subcommand: "cite",
      }),
    );
    expect(sent(paragraphs.callback).choices?.map((choice) => choice.value)).toEqual([8]);

    const cited = await send(qa("cite", { article: "fp-mackinnon", paragraph: 8 }, false));
    expect(cited.flags).toBe(EPHEMERAL);
    expect(cited.embeds[0]?.title).toMatch(/^fp-mackinnon ¶8/);
    expect(cited.embeds[0]?.description).toMatch(/^```\nIn 2008, at the NATO summit in Bucharest, Romania/);
  });

  it("records one vote per member under an answer, and lists poor answers in /qa gaps", async () => {
    const question = "What did Russia demand from NATO in December?";
    const { id } = await bot.send(slashCommand("ask", { question }));
    const message = fake.interaction(id)?.original;
    if (message === undefined) throw new Error("the answer was not stored");
    const answer = sent(message);
    const vote = (label: string) => pageButtonsOf(answer).find((b) => b.label === label)?.custom_id ?? "";

    expect(await send(button(vote("Helpful"), { message }))).toMatchObject({
      content: VOTE_THANKS,
      flags: EPHEMERAL,
    });
    // The same member changes their mind: the second vote replaces the first.
    await send(button(vote("Not helpful"), { message }));
    await send(button(vote("Helpful"), { message, user: otherMember }));
    const best =
      bot.moderation.dossier.ask(question, { guildId: fake.guildId, limit: 9 }).results[0]?.id ?? "";
    expect(await bot.moderation.store.feedbackCounts(best, fake.guildId)).toEqual({ up: 1, down: 1 });

    const unanswerable = "What is the recipe for borscht with beetroot and dill?";
    await ask(unanswerable);
    const gaps = await send(qa("gaps"));
    const listed = gaps.embeds[0]?.description ?? "";
    expect(listed).toContain(`• ${unanswerable}\n  1 unconfident answer`);
    expect(listed).toContain(`• ${question}\n  1 👎`);
    expect((await send(qa("gaps", {}, false))).content).toBe(NOT_A_MODERATOR);
  });

  it("answers with the entries again after a restart over the same data folder", async () => {
    const id = await addThroughForm(NOTES_FORM);
    await bot.stop();
    bot = await startQaBot(fake, dataDir.path);

    const answer = await ask(NOTES_FORM.question);
    expect(answer.embeds[0]?.title).toBe(NOTES_FORM.question);
    expect((await bot.moderation.store.get(fake.guildId, id))?.version).toBe(1);
    // The entry removed before the restart stays removed.
    expect((await ask(BALTIC_FORM.question)).embeds.map((e) => e.title)).not.toContain(BALTIC_FORM.question);
  });
});
