import type { Answer, Citation, Excerpt } from "../../answer/answer.ts";
import { NOT_COVERED_MESSAGE, notCoveredMessage } from "../../answer/dossier.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import {
  type CardContent,
  cardContents,
  cardLabel,
  cardTitle,
  NOTHING_MATCHES,
  NOTHING_MORE,
  speakingLine,
} from "../card-content.ts";
import { type BlockLayout, renderQuoteBlock, wrapLines } from "./quote-block.ts";
import type { TerminalStyle } from "./terminal.ts";

export interface AnswerLayout {
  style: TerminalStyle;
  width?: number | undefined;
}

export const NOT_CONFIDENT_NOTE = `${NOT_COVERED_MESSAGE}. Closest passages:`;
export const NOTHING_FOUND = `${NOT_COVERED_MESSAGE}.`;
const INDENT = "   ";

/**
 * An answer for a terminal: the same cards, in the same order, as a Discord reply: each numbered,
 * labelled with what it is, its one best excerpt (a demand's sections one each) and the citation.
 */
export function renderAnswer(answer: Answer, layout: AnswerLayout, command = "ask"): string {
  const readWith =
    answer.readWith === undefined ? [] : [`(Read with your last question: ${answer.readWith})`];
  if (answer.results.length === 0) {
    // Nothing to show says why ("No dated event falls in that range"), as in Discord.
    const note =
      answer.readWith !== undefined
        ? NOTHING_MORE
        : Object.hasOwn(NOTHING_MATCHES, command)
          ? NOTHING_MATCHES[command as keyof typeof NOTHING_MATCHES]
          : NOTHING_FOUND;
    return [...readWith, note].join("\n\n");
  }
  const cards = cardContents(answer.results);
  // Under a person's own card (/who), their quotations need not repeat their name and role.
  const speakerKnown = answer.results.some((result) => result.kind === "person");
  const blocks = cards.map((card, i) => renderCard(card, i + 1, layout, speakerKnown).join("\n"));
  const notes = [
    ...readWith,
    ...(answer.notCoveredBy !== undefined
      ? [`${notCoveredMessage(answer)}. From the other articles:`]
      : answer.confident
        ? []
        : [NOT_CONFIDENT_NOTE]),
  ];
  return [...notes, ...blocks].join("\n\n");
}

/** /demand with no topic: the demands to choose from, as Discord's picker lists them. */
export function renderDemandList(answer: Answer, layout: AnswerLayout): string {
  const lines = answer.results.flatMap((result, i) => {
    const [first = "", ...rest] = wrapLines(result.heading ?? result.id, "    ", layout.width);
    return [`${String(i + 1).padStart(2)}. ${first.trimStart()}`, ...rest];
  });
  const title = layout.style.bold(`Russia's demands (${answer.results.length})`);
  return [title, ...lines, ...wrapLines(DEMAND_HINT, "", layout.width)].join("\n");
}

export const DEMAND_HINT =
  "For one demand, its reasoning, the Western response and any compromise: /demand topic:missiles";

function renderCard(
  card: CardContent,
  number: number,
  layout: AnswerLayout,
  speakerKnown: boolean,
): string[] {
  const { result } = card;
  const block: BlockLayout = { style: layout.style, width: layout.width, indent: INDENT };
  const quotedPerson = speakerKnown && result.kind === "quote";
  const title = (quotedPerson ? [] : wrapLines(cardTitle(result), INDENT, layout.width)).map(
    (line) => `${INDENT}${layout.style.bold(line.slice(INDENT.length))}`,
  );
  const lines = [`[${number}] ${layout.style.dim(cardLabel(result, "long"))}`, ...title];
  const occasion =
    result.kind === "quote"
      ? [result.speaker?.context, result.date && formatPartialDate(result.date, "long")]
          .filter((part) => part !== undefined && part !== "")
          .join(", ")
      : undefined;
  for (const line of [...(result.summary?.split("\n") ?? []), occasion, speakingLine(result)]) {
    if (line !== undefined && line.length > 0) lines.push(...wrapLines(line, INDENT, layout.width));
  }
  if (card.excerpt !== undefined) lines.push(...renderExcerpt(card.excerpt, block));
  for (const section of card.sections) {
    lines.push(
      `${INDENT}${layout.style.bold(`${section.label}:`)}`,
      ...renderExcerpt(section.excerpt, block),
    );
  }
  return lines;
}

function renderExcerpt(excerpt: Excerpt, layout: BlockLayout): string[] {
  return [
    ...renderQuoteBlock(excerpt, layout),
    ...renderCitation(excerpt.citation, layout.indent, layout.style, layout.width),
  ];
}

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
