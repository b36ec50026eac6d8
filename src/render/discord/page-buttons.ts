import { type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";

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

/**
 * Previous and More under a paged answer, each only where it leads somewhere: a first page shows
 * More alone, a last page Previous alone.
 */
export function pageButtons(paging: { key: string }, page: number, pageCount: number): APIButtonComponent[] {
  const button = (label: string, target: number) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: encodePageButton({ ...paging, page: target }),
  });
  return [
    ...(page > 0 ? [button("◀ Previous", page - 1)] : []),
    ...(page < pageCount - 1 ? [button("More ▶", page + 1)] : []),
  ];
}
