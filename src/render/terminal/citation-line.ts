import type { Citation } from "../../answer/types.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import type { TerminalStyle } from "./style.ts";

/** "— Outlet · Author · date · ¶n", then the link on its own line so terminals can open it. */
export function renderCitation(citation: Citation, indent: string, style: TerminalStyle): string[] {
  const parts = [
    citation.outlet ?? citation.title,
    citation.authors.length > 0 ? citation.authors.join(", ") : undefined,
    citation.published === undefined ? undefined : formatPartialDate(citation.published, "long"),
    `¶${citation.paragraph}`,
  ].filter((part): part is string => part !== undefined);
  const lines = [`${indent}  — ${parts.join(" · ")}`];
  if (citation.url !== undefined) lines.push(`${indent}    ${style.dim(citation.url)}`);
  return lines;
}
