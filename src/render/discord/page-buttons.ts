import { type APIButtonComponent, ButtonStyle, ComponentType } from "discord.js";
import type { ButtonRow } from "./payload.ts";

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

/**
 * The row of buttons that turn a paged message back and forward: no row on a single page, each button
 * disabled at its end. `customIdFor` says what a click on the button leading to a page carries.
 */
export function turnPageRow(
  page: number,
  pageCount: number,
  labels: readonly [back: string, forward: string],
  customIdFor: (page: number) => string,
): ButtonRow[] {
  if (pageCount <= 1) return [];
  const button = (label: string, target: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: customIdFor(target),
    disabled,
  });
  const [back, forward] = labels;
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        button(back, Math.max(0, page - 1), page <= 0),
        button(forward, Math.min(pageCount - 1, page + 1), page >= pageCount - 1),
      ],
    },
  ];
}
