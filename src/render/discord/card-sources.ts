import { type APIEmbed, type APIStringSelectComponent, ButtonStyle, ComponentType } from "discord.js";
import { z } from "zod";
import type { AnswerResult, Excerpt, ResultKind } from "../../answer/answer.ts";
import { cardTitle } from "../card-content.ts";
import { escapeText, plainText } from "./escape.ts";
import { fitMessage } from "./fit-message.ts";
import { truncateText } from "./fit-text.ts";
import { LIMITS } from "./limits.ts";
import { articleLinkRow } from "./link-buttons.ts";
import { type ButtonRow, COLORS, type ComponentRow, type MessagePayload } from "./payload.ts";
import { formatCitation, formatQuotedExcerpt } from "./quoted-excerpt.ts";

/**
 * "Sources": a card shows one excerpt, and this opens everything its entry cites, privately, for
 * whoever pressed it. The custom id names the entry itself (`sources:<kind>:<id>`), so the button
 * needs no memory and still works after a restart; a select menu (`sources`) does the same for pages
 * of many cards, each option's value being `<kind>:<id>`.
 */

const PREFIX = "sources";
const resultKind = z.enum(["qa", "passage", "quote", "event", "demand", "person"]);
const target = z.object({ kind: resultKind, id: z.string().min(1).max(90) });

export interface SourcesTarget {
  kind: ResultKind;
  id: string;
}

/** A card with more evidence than it shows, and how much there is. */
export interface SourcesEntry {
  result: AnswerResult;
  /** The card's place on the page, named on its button when the page has several cards. */
  number?: number;
  count: number;
}

export function isSourcesCustomId(customId: string): boolean {
  return customId === PREFIX || customId.startsWith(`${PREFIX}:`);
}

const encodeTarget = (result: AnswerResult) => `${result.kind}:${result.id}`;

/** What a Sources button or select option points at; undefined for anything we did not write. */
export function decodeSourcesTarget(customIdOrValue: string): SourcesTarget | undefined {
  const value = customIdOrValue.startsWith(`${PREFIX}:`)
    ? customIdOrValue.slice(PREFIX.length + 1)
    : customIdOrValue;
  const colon = value.indexOf(":");
  const parsed = target.safeParse({ kind: value.slice(0, colon), id: value.slice(colon + 1) });
  return colon > 0 && parsed.success ? parsed.data : undefined;
}

/** "Sources (3)", or "Sources for 2 (3)" among several cards; one button a card, in a row. */
export function sourcesButtonRow(entries: readonly SourcesEntry[]): ButtonRow | undefined {
  const buttons = entries
    .filter((entry) => `${PREFIX}:${encodeTarget(entry.result)}`.length <= LIMITS.customId)
    .slice(0, LIMITS.buttonsPerRow)
    .map((entry) => ({
      type: ComponentType.Button as const,
      style: ButtonStyle.Secondary as const,
      label:
        entry.number === undefined
          ? `Sources (${entry.count})`
          : `Sources for ${entry.number} (${entry.count})`,
      custom_id: `${PREFIX}:${encodeTarget(entry.result)}`,
    }));
  return buttons.length === 0 ? undefined : { type: ComponentType.ActionRow, components: buttons };
}

/** For a page of many short entries (the timeline): one menu instead of a button each. */
export function sourcesSelectRow(
  entries: ReadonlyArray<SourcesEntry & { label: string }>,
): ComponentRow | undefined {
  const options = entries
    .filter((entry) => encodeTarget(entry.result).length <= LIMITS.choiceText)
    .slice(0, LIMITS.selectOptions)
    .map((entry) => ({
      label: truncateText(plainText(entry.label), LIMITS.choiceText),
      value: encodeTarget(entry.result),
      description: `${entry.count} sources`,
    }));
  if (options.length === 0) return undefined;
  const select: APIStringSelectComponent = {
    type: ComponentType.StringSelect,
    custom_id: PREFIX,
    placeholder: "Sources of an event…",
    options,
  };
  return { type: ComponentType.ActionRow, components: [select] };
}

/**
 * The private message a Sources button opens: every excerpt the entry cites, each with its citation,
 * a demand's grouped under their labels; links to the articles below. Nothing is cut unless the whole
 * would pass Discord's limits.
 */
export function renderSources(result: AnswerResult): MessagePayload {
  const groups = [
    { label: undefined, excerpts: result.excerpts },
    ...(result.sections ?? []).map((section) => ({ label: section.label, excerpts: section.excerpts })),
  ].filter((group) => group.excerpts.length > 0);
  const count = groups.reduce((sum, group) => sum + group.excerpts.length, 0);
  const share = Math.floor((LIMITS.embedTotal - 400) / Math.max(1, count));
  const embeds: APIEmbed[] = groups.map((group, index) => {
    const embed: APIEmbed = {
      color: COLORS.neutral,
      description: group.excerpts.map((excerpt) => sourceBlock(excerpt, share)).join("\n\n"),
    };
    if (index === 0) embed.title = truncateText(escapeText(`Sources: ${cardTitle(result)}`), LIMITS.title);
    if (group.label !== undefined) embed.author = { name: plainText(group.label) };
    return embed;
  });
  const links = articleLinkRow(groups.flatMap((group) => group.excerpts.map((e) => e.citation)));
  return fitMessage({ embeds, components: links === undefined ? [] : [links] });
}

function sourceBlock(excerpt: Excerpt, max: number): string {
  const citation = formatCitation(excerpt.citation);
  return `${formatQuotedExcerpt(excerpt, Math.max(80, max - citation.length - 1))}\n${citation}`;
}
