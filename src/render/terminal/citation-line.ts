import type { Citation } from "../../answer/answer.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import { wrapLines } from "./quote-block.ts";
import type { TerminalStyle } from "./terminal.ts";

/**
 * "— Outlet · Author · date · ¶n", wrapped at `width` like the quote above it, then the link on its
 * own line (never broken, so terminals can open it).
 */
export function renderCitation(
  citation: Citation,
  indent: string,
  style: TerminalStyle,
  width?: number,
): string[] {
  const parts = [
    citation.outlet ?? citation.title,
    citation.authors.length > 0 ? citation.authors.join(", ") : undefined,
    citation.published === undefined ? undefined : formatPartialDate(citation.published, "long"),
    `¶${citation.paragraph}`,
  ].filter((part): part is string => part !== undefined);
  const lines = wrapLines(`— ${parts.join(" · ")}`, `${indent}  `, width);
  if (citation.url !== undefined) lines.push(`${indent}    ${style.dim(citation.url)}`);
  return lines;
}
