import { ButtonStyle, ComponentType } from "discord.js";
import type { ButtonRow } from "./payload.ts";

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
