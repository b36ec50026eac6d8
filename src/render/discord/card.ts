import type { APIEmbed, APIEmbedField } from "discord.js";
import type { Excerpt } from "../../answer/answer.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import { type CardContent, cardLabel, cardTitle, speakingLine } from "../card-content.ts";
import { escapeText, plainText } from "./escape.ts";
import { truncateText } from "./fit-text.ts";
import { LIMITS } from "./limits.ts";
import { COLORS } from "./payload.ts";
import { formatCitation, formatQuotedExcerpt } from "./quoted-excerpt.ts";

export interface CardOptions {
  /** The card's place in the answer (1, 2, 3…), shown before its label; none on a lone card. */
  number?: number;
  confident: boolean;
  /** The server whose moderators wrote a server entry, named in its label. */
  serverName?: string;
  /** Characters of embed text the whole card may use: label, title, description and fields. */
  budget: number;
}

/** A curators' or moderators' summary is their own words, so it is kept short beside the evidence. */
const SUMMARY_MAX = 260;

/**
 * One result as a compact card: what it is (the label, in the embed's author line), its title, a
 * curated summary when there is one, then its one best excerpt with the citation, whose outlet links
 * to the article. A demand's labelled sections follow as fields, one excerpt each.
 */
export function cardEmbed(content: CardContent, options: CardOptions): APIEmbed {
  const { result } = content;
  const label = cardLabel(result, "short", options.serverName);
  const author = options.number === undefined ? label : `${options.number} · ${label}`;
  const embed: APIEmbed = {
    author: { name: truncateText(plainText(author), LIMITS.author) },
    title: truncateText(escapeText(cardTitle(result)), 200),
    color: !options.confident
      ? COLORS.notConfident
      : result.kind === "qa"
        ? COLORS.curated
        : COLORS.confident,
  };
  const lead = [
    result.summary === undefined ? undefined : truncateText(escapeText(result.summary), SUMMARY_MAX),
    result.kind === "quote" ? occasionOf(content) : undefined,
    truncateText(escapeText(speakingLine(result) ?? ""), 200),
  ].filter((line): line is string => line !== undefined && line.length > 0);

  const blocks: Array<{ name?: string; excerpt: Excerpt }> = [
    ...(content.excerpt === undefined ? [] : [{ excerpt: content.excerpt }]),
    ...content.sections.map((section) => ({ name: section.label, excerpt: section.excerpt })),
  ];
  const citations = blocks.map((block) => formatCitation(block.excerpt.citation, { link: true }));
  const fixed =
    (embed.author?.name.length ?? 0) +
    (embed.title?.length ?? 0) +
    lead.reduce((sum, line) => sum + line.length + 2, 0) +
    blocks.reduce((sum, block, i) => sum + (block.name?.length ?? 0) + (citations[i]?.length ?? 0) + 3, 0);
  // Each quote may use an equal share of what is left; what a short one leaves over goes to the next.
  let left = options.budget - fixed;
  const quoted = blocks.map((block, i) => {
    const room = Math.min(
      block.name === undefined ? LIMITS.description : LIMITS.fieldValue - (citations[i]?.length ?? 0) - 1,
      Math.floor(left / (blocks.length - i)),
    );
    const text = `${formatQuotedExcerpt(block.excerpt, Math.max(room, 40))}\n${citations[i] ?? ""}`;
    left -= text.length;
    return { name: block.name, text };
  });

  const description = [...lead, ...quoted.filter((block) => block.name === undefined).map((b) => b.text)];
  if (description.length > 0) embed.description = description.join("\n\n");
  const fields: APIEmbedField[] = quoted.flatMap((block) =>
    block.name === undefined ? [] : [{ name: escapeText(block.name), value: block.text }],
  );
  if (fields.length > 0) embed.fields = fields;
  return embed;
}

/** Where and when a quotation was said: "at a news conference in Geneva, 10 Jan 2022". */
function occasionOf(content: CardContent): string | undefined {
  const { speaker, date } = content.result;
  const when = date === undefined ? undefined : formatPartialDate(date, "short");
  const parts = [speaker?.context, when].filter((part) => part !== undefined && part.length > 0);
  return parts.length === 0 ? undefined : truncateText(escapeText(parts.join(", ")), 200);
}
