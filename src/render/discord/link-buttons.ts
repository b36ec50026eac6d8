import { ButtonStyle, ComponentType } from "discord.js";
import type { Citation } from "../../answer/answer.ts";
import { plainText } from "./escape.ts";
import { truncateText } from "./fit-text.ts";
import { LIMITS } from "./limits.ts";
import type { ButtonRow } from "./payload.ts";

/** One "Read" button per article cited on the page that has a known address, best-ranked first. */
export function articleLinkRow(citations: readonly Citation[]): ButtonRow | undefined {
  const seen = new Set<string>();
  const buttons = [];
  for (const citation of citations) {
    if (citation.url === undefined || seen.has(citation.url) || !isWebAddress(citation.url)) continue;
    seen.add(citation.url);
    buttons.push({
      type: ComponentType.Button as const,
      style: ButtonStyle.Link as const,
      label: truncateText(plainText(`Read: ${citation.outlet ?? citation.title}`), LIMITS.buttonLabel),
      url: citation.url,
    });
    if (buttons.length === LIMITS.buttonsPerRow) break;
  }
  return buttons.length === 0 ? undefined : { type: ComponentType.ActionRow, components: buttons };
}

/** Discord refuses a link button whose address is not http(s); knowledge files are checked, but cheaply re-checked here. */
function isWebAddress(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol) && url.length <= 512;
}
