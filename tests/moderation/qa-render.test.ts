import { ComponentType, PermissionFlagsBits, TextInputStyle } from "discord.js";
import { describe, expect, it } from "vitest";
import { qa } from "../../commands/qa.ts";
import {
  decodeQaCustomId,
  encodeQaCustomId,
  type QaCustomId,
} from "../../src/moderation/discord/qa-custom-ids.ts";
import { entryModal, prefillProblem } from "../../src/moderation/discord/qa-entry-modal.ts";
import { formatDiffBlock, historyPage } from "../../src/moderation/discord/qa-history-page.ts";
import { entryListPage } from "../../src/moderation/discord/qa-list-page.ts";
import { formProblemsMessage } from "../../src/moderation/discord/qa-problems.ts";
import { formValuesOf } from "../../src/moderation/entry-form.ts";
import { revisionChanges } from "../../src/moderation/revision-changes.ts";
import { LIMITS } from "../../src/render/discord/limits.ts";
import type { EntrySnapshot, GuildQaEntry, Revision } from "../../src/store/index.ts";
import { QA_LIMITS } from "../../src/store/index.ts";

const longestId = `a${"-b".repeat(31)}-99`;

describe("custom ids", () => {
  const targets: QaCustomId[] = [
    { kind: "form-add" },
    { kind: "form-edit", id: longestId, version: 999_999 },
    { kind: "draft", key: "AbC_-123" },
    { kind: "list", page: 12, includeRemoved: true },
    { kind: "history", id: longestId, page: 3 },
    { kind: "vote", vote: "down", key: "k3y" },
  ];

  it.each(targets)("round-trips $kind within Discord's 100 characters", (target) => {
    const customId = encodeQaCustomId(target);
    expect(customId.length).toBeLessThanOrEqual(LIMITS.customId);
    expect(decodeQaCustomId(customId)).toEqual(target);
  });

  it.each([
    "qa-form:edit:1:Bad Id",
    "qa-form:delete",
    "vote:sideways:k",
    "qa-list:-1:0",
    `qa-draft:${"x".repeat(40)}`,
    "page:x:1:2",
  ])("refuses %s, which it never wrote", (customId) => expect(decodeQaCustomId(customId)).toBeUndefined());
});

describe("the entry form", () => {
  it("has four labelled inputs whose lengths and required flags are the store's", () => {
    const modal = entryModal("qa-form:add", "New Q&A entry");
    expect(modal.title.length).toBeLessThanOrEqual(45);
    const inputs = modal.components.map((component) => {
      if (component.type !== ComponentType.Label || component.component.type !== ComponentType.TextInput) {
        throw new Error("every input sits in a label");
      }
      expect(component.label.length).toBeLessThanOrEqual(45);
      expect((component.description ?? "").length).toBeLessThanOrEqual(100);
      return component.component;
    });
    expect(inputs.map((i) => [i.custom_id, i.style, i.min_length, i.max_length, i.required])).toEqual([
      ["question", TextInputStyle.Short, QA_LIMITS.questionMin, QA_LIMITS.questionMax, true],
      ["answer", TextInputStyle.Paragraph, QA_LIMITS.answerMin, QA_LIMITS.answerMax, true],
      ["alternatives", TextInputStyle.Paragraph, undefined, QA_LIMITS.alternativesText, false],
      ["citations", TextInputStyle.Paragraph, undefined, QA_LIMITS.citationsText, true],
    ]);
    for (const input of inputs) expect(input.max_length).toBeLessThanOrEqual(4000);
  });

  it("prefills an edit with the entry as the moderator would type it", () => {
    const values = formValuesOf({
      question: "Why now?",
      answer: "Urgency.",
      alternatives: ["why the urgency", "what changed"],
      citations: [
        { article: "fp-mackinnon", paragraph: 3, excerpt: "What has changed\n is the sense of urgency" },
      ],
    });
    const modal = entryModal("qa-form:edit:2:why-now", "Edit why-now", values);
    const prefilled = modal.components.map((c) =>
      c.type === ComponentType.Label && "value" in c.component ? c.component.value : undefined,
    );
    expect(prefilled).toEqual([
      "Why now?",
      "Urgency.",
      "why the urgency\nwhat changed",
      "fp-mackinnon ¶3: What has changed is the sense of urgency",
    ]);
  });

  it("explains, rather than opens, a form whose citations would not fit", () => {
    const long = {
      question: "q",
      answer: "a",
      alternatives: "",
      citations: "x".repeat(QA_LIMITS.citationsText + 1),
    };
    expect(prefillProblem(long)).toMatch(/citations .* more than the form's 4000: export .* import/);
  });
});

const entry = (n: number, status: GuildQaEntry["status"] = "active"): GuildQaEntry => ({
  guildId: "1",
  id: `entry-${n}`,
  question: `Question number ${n} with *markdown* and @everyone?`,
  alternatives: [],
  answer: "An answer.",
  citations: [{ article: "fp-mackinnon", paragraph: 3, excerpt: "What has changed" }],
  status,
  version: 1,
  createdBy: "300000000000000001",
  createdAt: "2022-01-10T09:00:00.000Z",
  updatedBy: "300000000000000001",
  updatedAt: "2022-01-10T09:00:00.000Z",
});

describe("/qa list", () => {
  it("lists ids and escaped questions, with paging buttons that carry the next page", () => {
    const page = entryListPage({ entries: [entry(11), entry(12, "removed")], total: 23 }, 1, true);
    const description = page.embeds[0]?.description ?? "";
    expect(description.split("\n")).toEqual([
      "`entry-11` — Question number 11 with \\*markdown\\* and @\u200beveryone?",
      "`entry-12` — Question number 12 with \\*markdown\\* and @\u200beveryone? *(removed)*",
    ]);
    expect(page.embeds[0]?.footer?.text).toMatch(/^Page 2 of 3 · 23 entries/);
    const buttons = page.components[0]?.components.map((b) => ("custom_id" in b ? b.custom_id : ""));
    expect(buttons).toEqual(["qa-list:0:1", "qa-list:2:1"]);
  });
});

describe("/qa history", () => {
  const snapshot: EntrySnapshot = { ...entry(1), status: "active" };
  const revision = (
    version: number,
    action: Revision["action"],
    change: Partial<EntrySnapshot>,
  ): Revision => ({
    guildId: "1",
    entryId: "entry-1",
    version,
    action,
    actor: version === 1 ? "300000000000000001" : "command-line",
    at: "2022-01-10T09:00:00.000Z",
    snapshot: { ...snapshot, ...change },
  });

  it("shows each revision, newest first, with who, when and a diff block", () => {
    const page = historyPage(
      "entry-1",
      revisionChanges([
        revision(1, "add", {}),
        revision(2, "edit", { answer: "A better answer with ``` fences." }),
        revision(3, "remove", {
          answer: "A better answer with ``` fences.",
          status: "removed",
          removalReason: "outdated",
        }),
      ]),
      0,
    );
    expect(page.embeds.map((e) => e.title)).toEqual([
      "Version 3 · removed",
      "Version 2 · edited",
      "Version 1 · added",
    ]);
    expect(page.embeds[0]?.description).toBe("By command-line, <t:1641805200:f>.\nReason: outdated");
    expect(page.embeds[1]?.description).toBe(
      "By command-line, <t:1641805200:f>.\n```diff\n@@ answer\n- An answer.\n+ A better answer with `\u200b`\u200b`\u200b fences.\n```",
    );
    expect(page.embeds[2]?.description).toMatch(
      /^By <@300000000000000001>, <t:1641805200:f>\.\n```diff\n@@ question\n\+ Question number 1/,
    );
    expect(page.components).toEqual([]);
  });

  it("cuts a long diff to its budget and says how many lines were left out", () => {
    const lines = Array.from({ length: 50 }, (_, i) => ({
      op: "+" as const,
      text: `line ${i} ${"x".repeat(40)}`,
    }));
    const block = formatDiffBlock([{ field: "alternatives", lines }], 500);
    expect(block.length).toBeLessThanOrEqual(520);
    expect(block).toMatch(/… \d+ more lines\n```$/);
  });
});

describe("the /qa command as registered", () => {
  const json = qa.data.toJSON();
  it("is hidden from members without Manage Messages, and offered in servers only", () => {
    expect(json.default_member_permissions).toBe(PermissionFlagsBits.ManageMessages.toString());
    expect(json.contexts).toEqual([0]);
  });
  it("has the moderators' subcommands", () => {
    expect(json.options?.map((option) => option.name)).toEqual([
      "add",
      "edit",
      "remove",
      "restore",
      "show",
      "list",
      "history",
      "gaps",
      "cite",
    ]);
  });
});

describe("a refused form", () => {
  it("shows the text it quotes as typed: a link or a tag stays text, `code` stays code", () => {
    const message = formProblemsMessage(
      [
        'The alternative "[click](https://example.com) <@123456789012345678>" is too long: keep it under 200.',
      ],
      "k3y",
    );
    expect(message.embeds[0]?.description).toBe(
      'Nothing was saved:\n• The alternative "\\[click\\](https://example.com) \\<@123456789012345678>" is too long: keep it under 200.',
    );
    const hint = formProblemsMessage(["Write each citation as `article-id ¶N: excerpt`."], undefined);
    expect(hint.embeds[0]?.description).toContain("`article-id ¶N: excerpt`");
  });
});
