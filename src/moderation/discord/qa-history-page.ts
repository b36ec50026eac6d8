import type { APIEmbed } from "discord.js";
import { escapeText, ZERO_WIDTH_SPACE } from "../../render/discord/escape.ts";
import { fitMessage } from "../../render/discord/fit-message.ts";
import { truncateText } from "../../render/discord/fit-text.ts";
import { turnPageRow } from "../../render/discord/page-buttons.ts";
import { COLORS, type MessagePayload } from "../../render/discord/payload.ts";
import type { RevisionAction } from "../../store/index.ts";
import type { FieldChange, RevisionChanges } from "../revision-changes.ts";
import { encodeQaCustomId } from "./qa-custom-ids.ts";
import { formatActor, formatWhen } from "./qa-entry-embed.ts";

/** Four revisions of at most ~1,400 characters each fit the 6,000 a message's embeds share. */
export const HISTORY_PAGE_SIZE = 4;
const REVISION_BUDGET = 1400;
const DIFF_LINE_MAX = 180;

const ACTION_TITLES: Record<RevisionAction, string> = {
  add: "added",
  edit: "edited",
  remove: "removed",
  restore: "restored",
  import: "imported",
};

export function historyPageCount(revisions: number): number {
  return Math.max(1, Math.ceil(revisions / HISTORY_PAGE_SIZE));
}

/** Inside a code block only a run of three backticks can break out; a zero-width space breaks every run. */
function codeSafe(text: string): string {
  return text.replace(/`/g, `\`${ZERO_WIDTH_SPACE}`);
}

/** The changed lines as a ```diff block (Discord colours - and + lines), cut to `budget` characters. */
export function formatDiffBlock(fields: readonly FieldChange[], budget: number): string {
  const lines = fields.flatMap((change) => [
    `@@ ${change.field}`,
    ...change.lines.map((line) => `${line.op} ${truncateText(codeSafe(line.text), DIFF_LINE_MAX)}`),
  ]);
  const open = "```diff\n";
  const close = "\n```";
  const kept: string[] = [];
  let used = open.length + close.length;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index;
    const note = `… ${left} more line${left === 1 ? "" : "s"}`;
    const rest = lines.length - index - 1;
    const reserve = rest > 0 ? note.length + 1 : 0;
    if (used + line.length + 1 + reserve > budget) {
      kept.push(note);
      break;
    }
    kept.push(line);
    used += line.length + 1;
  }
  return `${open}${kept.join("\n")}${close}`;
}

function revisionEmbed(changes: RevisionChanges): APIEmbed {
  const { revision, status, fields } = changes;
  const parts = [`By ${formatActor(revision.actor)}, ${formatWhen(revision.at)}.`];
  if (status?.now === "removed") parts.push(`Reason: ${escapeText(status.reason ?? "none given")}`);
  if (fields.length > 0) parts.push(formatDiffBlock(fields, REVISION_BUDGET - parts.join("\n").length - 1));
  else if (revision.action === "edit" || revision.action === "import") parts.push("No change to the text.");
  return {
    title: `Version ${revision.version} · ${ACTION_TITLES[revision.action]}`,
    description: parts.join("\n"),
    color: revision.snapshot.status === "active" ? COLORS.confident : COLORS.notConfident,
  };
}

/** One page of /qa history, newest revision first: who changed what, when, as a compact line diff. */
export function historyPage(
  entryId: string,
  changes: readonly RevisionChanges[],
  pageIndex: number,
): MessagePayload {
  const newestFirst = [...changes].reverse();
  const pages = historyPageCount(changes.length);
  const page = Math.min(Math.max(0, pageIndex), pages - 1);
  const shown = newestFirst.slice(page * HISTORY_PAGE_SIZE, (page + 1) * HISTORY_PAGE_SIZE);
  const embeds = shown.map(revisionEmbed);
  const last = embeds.at(-1);
  if (last !== undefined) {
    last.footer = { text: `${entryId} · ${changes.length} revisions · page ${page + 1} of ${pages}` };
  }
  return fitMessage({
    content: `History of \`${entryId}\`, newest first:`,
    embeds,
    components: turnPageRow(page, pages, ["◀ Newer", "Older ▶"], (target) =>
      encodeQaCustomId({ kind: "history", id: entryId, page: target }),
    ),
  });
}
