import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createDossier } from "../../src/answer/create-dossier.ts";
import {
  addEntry,
  EditConflictError,
  editEntry,
  removeEntry,
  restoreEntry,
} from "../../src/moderation/entry-actions.ts";
import { readEntryForm } from "../../src/moderation/entry-form.ts";
import { loadGuildEntries } from "../../src/moderation/load-guild-entries.ts";
import type { QaContent } from "../../src/store/index.ts";
import { EntryValidationError } from "../../src/store/index.ts";
import {
  BALTIC_FORM,
  GUILD,
  MODERATOR,
  type ModerationWorld,
  OTHER_MODERATOR,
  openModerationWorld,
} from "./fixtures/moderation-world.ts";

function balticContent(world: ModerationWorld): QaContent {
  const reading = readEntryForm({ ...BALTIC_FORM }, world.corpus);
  if (!reading.ok) throw new Error(`fixture form is refused: ${reading.problems.join(" ")}`);
  return reading.content;
}

const topResultId = (world: ModerationWorld, question: string, guildId = GUILD) =>
  world.dossier.ask(question, { guildId }).results[0]?.id;

describe("moderator changes reach /ask at once", () => {
  let world: ModerationWorld;
  beforeEach(() => {
    world = openModerationWorld();
  });
  afterEach(async () => {
    await world.close();
  });

  it("answers with an added entry first in its own server only", async () => {
    const entry = await addEntry(world.moderation, GUILD, balticContent(world), MODERATOR);

    const answer = world.dossier.ask(BALTIC_FORM.question, { guildId: GUILD });
    expect(answer.confident).toBe(true);
    expect(answer.results[0]).toMatchObject({ kind: "qa", id: entry.id, summary: BALTIC_FORM.answer });
    // Another server never sees this server's entries.
    expect(topResultId(world, BALTIC_FORM.question, "200000000000000099")).not.toBe(entry.id);
  });

  it("answers with the edited text, stops after a removal and answers again after a restore", async () => {
    const entry = await addEntry(world.moderation, GUILD, balticContent(world), MODERATOR);
    const edited = {
      ...balticContent(world),
      answer: "The glossary session now covers the Bucharest summit of 2008.",
    };
    const { entry: after, changed } = await editEntry(
      world.moderation,
      GUILD,
      entry.id,
      edited,
      OTHER_MODERATOR,
      1,
    );
    expect(changed).toBe(true);
    expect(after.version).toBe(2);
    expect(world.dossier.ask(BALTIC_FORM.question, { guildId: GUILD }).results[0]?.summary).toBe(
      edited.answer,
    );

    await removeEntry(world.moderation, GUILD, entry.id, "duplicate of a pinned message", MODERATOR);
    expect(
      world.dossier.ask(BALTIC_FORM.question, { guildId: GUILD }).results.map((r) => r.id),
    ).not.toContain(entry.id);

    await restoreEntry(world.moderation, GUILD, entry.id, MODERATOR);
    expect(topResultId(world, BALTIC_FORM.question)).toBe(entry.id);
    expect((await world.store.history(GUILD, entry.id)).map((r) => r.action)).toEqual([
      "add",
      "edit",
      "remove",
      "restore",
    ]);
  });

  it("reports an unchanged edit without a new version", async () => {
    const entry = await addEntry(world.moderation, GUILD, balticContent(world), MODERATOR);
    const { entry: same, changed } = await editEntry(
      world.moderation,
      GUILD,
      entry.id,
      balticContent(world),
      MODERATOR,
      1,
    );
    expect(changed).toBe(false);
    expect(same.version).toBe(1);
  });

  it("refuses an edit made on an older version and writes nothing", async () => {
    const entry = await addEntry(world.moderation, GUILD, balticContent(world), MODERATOR);
    await editEntry(
      world.moderation,
      GUILD,
      entry.id,
      { ...balticContent(world), answer: "First rewrite of the answer." },
      MODERATOR,
      1,
    );
    const stale = editEntry(
      world.moderation,
      GUILD,
      entry.id,
      { ...balticContent(world), answer: "Second rewrite." },
      OTHER_MODERATOR,
      1,
    );
    await expect(stale).rejects.toBeInstanceOf(EditConflictError);
    expect((await world.store.get(GUILD, entry.id))?.answer).toBe("First rewrite of the answer.");
  });

  it("writes nothing and leaves /ask alone when the store refuses the entry", async () => {
    const refused = addEntry(world.moderation, GUILD, { ...balticContent(world), answer: "" }, MODERATOR);
    await expect(refused).rejects.toBeInstanceOf(EntryValidationError);
    expect((await world.store.list(GUILD, { includeRemoved: true, offset: 0, limit: 10 })).total).toBe(0);
  });

  it("loads every active entry into a fresh answer core at start, and skips removed ones", async () => {
    const kept = await addEntry(world.moderation, GUILD, balticContent(world), MODERATOR);
    const gone = await addEntry(
      world.moderation,
      GUILD,
      { ...balticContent(world), question: "What did the glossary session say about Romania and Georgia?" },
      MODERATOR,
    );
    await removeEntry(world.moderation, GUILD, gone.id, "merged into the other entry", MODERATOR);

    const restarted = createDossier(world.corpus);
    const loaded = await loadGuildEntries(world.store, restarted);
    expect(loaded).toEqual({ loaded: 1, skipped: [] });
    expect(restarted.ask(BALTIC_FORM.question, { guildId: GUILD }).results[0]?.id).toBe(kept.id);
  });

  it("skips, and reports, an entry the answer core refuses instead of failing the start", async () => {
    const entry = await addEntry(world.moderation, GUILD, balticContent(world), MODERATOR);
    const refusing = {
      upsertGuildQa: () => {
        throw new Error("excerpt not found");
      },
    };
    expect(await loadGuildEntries(world.store, refusing)).toEqual({
      loaded: 0,
      skipped: [{ guildId: GUILD, id: entry.id, reason: "excerpt not found" }],
    });
  });
});
