import { escapeText } from "../../render/discord/escape.ts";
import { fitMessage } from "../../render/discord/fit-message.ts";
import { truncateText } from "../../render/discord/fit-text.ts";
import { turnPageRow } from "../../render/discord/page-buttons.ts";
import { COLORS, type MessagePayload } from "../../render/discord/payload.ts";
import type { EntryPage } from "../../store/index.ts";
import { encodeQaCustomId } from "./qa-custom-ids.ts";

/** Ten lines of at most ~170 characters stay well inside an embed's 4,096. */
export const LIST_PAGE_SIZE = 10;
const QUESTION_PREVIEW = 140;

export function listPageCount(total: number): number {
  return Math.max(1, Math.ceil(total / LIST_PAGE_SIZE));
}

/** One page of /qa list: each entry's id (what the other subcommands take) and its question. */
export function entryListPage(page: EntryPage, pageIndex: number, includeRemoved: boolean): MessagePayload {
  const pages = listPageCount(page.total);
  if (page.total === 0) {
    const text = includeRemoved
      ? "This server has no Q&A entries yet: add one with /qa add."
      : "This server has no active Q&A entries: add one with /qa add, or list removed ones with /qa list include-removed:True.";
    return fitMessage({ embeds: [{ description: text, color: COLORS.neutral }], components: [] });
  }
  const lines = page.entries.map((entry) => {
    const removed = entry.status === "removed" ? " *(removed)*" : "";
    return `\`${entry.id}\` — ${truncateText(escapeText(entry.question), QUESTION_PREVIEW)}${removed}`;
  });
  return fitMessage({
    embeds: [
      {
        title: includeRemoved
          ? "Q&A entries of this server, with removed ones"
          : "Q&A entries of this server",
        description: lines.join("\n"),
        color: COLORS.neutral,
        footer: { text: `Page ${pageIndex + 1} of ${pages} · ${page.total} entries · /qa show <id> for one` },
      },
    ],
    components: turnPageRow(pageIndex, pages, ["◀ Previous", "Next ▶"], (target) =>
      encodeQaCustomId({ kind: "list", page: target, includeRemoved }),
    ),
  });
}
