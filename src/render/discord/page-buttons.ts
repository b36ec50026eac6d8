import type { ButtonRow } from "./payload.ts";
import { turnPageRow } from "./turn-page-row.ts";

/**
 * "Previous" / "More" buttons. Their custom id carries everything the click needs except the answer
 * itself, which can be far longer than the 100 characters a custom id allows: `page:<key>:<page>`,
 * where `key` names the answer in the bot's recent-answers cache. Who may turn a message in place is
 * not written here: a client can send any custom id, so the bot asks Discord whose message it is.
 */

const PREFIX = "page";
const PATTERN = /^page:([\w-]{1,32}):(\d{1,4})$/;

export interface PageTarget {
  key: string;
  page: number;
}

export function isPageButton(customId: string): boolean {
  return customId.startsWith(`${PREFIX}:`);
}

export function encodePageButton(target: PageTarget): string {
  return `${PREFIX}:${target.key}:${target.page}`;
}

/** Undefined for anything we did not write, which a client can send; it is never trusted blindly. */
export function decodePageButton(customId: string): PageTarget | undefined {
  const match = PATTERN.exec(customId);
  if (match === null) return undefined;
  const [, key, page] = match;
  if (key === undefined || page === undefined) return undefined;
  return { key, page: Number(page) };
}

/** Previous and More under a paged answer. */
export function pageButtonRow(paging: { key: string }, page: number, pageCount: number): ButtonRow[] {
  return turnPageRow(page, pageCount, ["◀ Previous", "More ▶"], (target) =>
    encodePageButton({ ...paging, page: target }),
  );
}
