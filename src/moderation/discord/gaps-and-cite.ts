import type { ChatInputCommandInteraction } from "discord.js";
import { readInteger, readString } from "../../interaction/command-input.ts";
import { sendReply } from "../../interaction/reply.ts";
import { findArticle } from "../../knowledge/corpus.ts";
import type { Article, Paragraph } from "../../knowledge/schema.ts";
import { escapeText, plainText, ZERO_WIDTH_SPACE } from "../../render/discord/escape.ts";
import { fitMessage } from "../../render/discord/fit-message.ts";
import { truncateText } from "../../render/discord/fit-text.ts";
import { COLORS, type MessagePayload } from "../../render/discord/payload.ts";
import type { Gap } from "../../store/index.ts";
import { UserError } from "../../user-error.ts";
import type { Moderation } from "../moderation.ts";
import { requireGuildModerator } from "./interaction-guard.ts";
import { formatWhen } from "./qa-entry-embed.ts";

const DEFAULT_GAPS = 15;

/**
 * /qa gaps: questions members asked (privately too) that got no confident answer or a 👎. Only the
 * question text is kept, never who asked, but it is still members' words: moderators only.
 */
export async function listGaps(
  interaction: ChatInputCommandInteraction,
  moderation: Moderation,
): Promise<void> {
  const guildId = requireGuildModerator(interaction, moderation);
  const limit = readInteger(interaction, "limit") ?? DEFAULT_GAPS;
  const gaps = await moderation.store.gaps(guildId, { limit: Math.min(25, Math.max(1, limit)) });
  await sendReply(interaction, gapsMessage(gaps), { ephemeral: true });
}

/**
 * /qa cite article paragraph: the paragraph's exact text, to copy an excerpt from, since a modal's
 * inputs cannot suggest anything while the moderator types.
 */
export async function citeParagraph(
  interaction: ChatInputCommandInteraction,
  moderation: Moderation,
): Promise<void> {
  const articleId = (readString(interaction, "article") ?? "").trim().toLowerCase();
  const n = readInteger(interaction, "paragraph") ?? 0;
  const article = findArticle(moderation.corpus, articleId);
  if (article === undefined) {
    throw new UserError("qa-no-article", `There is no article "${articleId}": pick one of the suggestions.`);
  }
  if (article.duplicateOf !== undefined) {
    throw new UserError(
      "qa-duplicate-article",
      `"${article.id}" republishes ${article.duplicateOf} and is never quoted: cite ${article.duplicateOf} instead.`,
    );
  }
  const paragraph = article.paragraphs[n - 1];
  if (paragraph === undefined) {
    throw new UserError(
      "qa-no-paragraph",
      `${article.id} has no ¶${n}: its paragraphs are ¶1 to ¶${article.paragraphs.length}.`,
    );
  }
  await sendReply(interaction, citeMessage(article, paragraph), { ephemeral: true });
}

const QUESTION_PREVIEW = 200;

function times(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** /qa gaps: what members asked that the articles and entries answered badly, for moderators to answer. */
export function gapsMessage(gaps: readonly Gap[]): MessagePayload {
  if (gaps.length === 0) {
    return fitMessage({
      embeds: [
        {
          description: "No gaps: every recent question got a confident answer, and no answer was voted down.",
          color: COLORS.neutral,
        },
      ],
      components: [],
    });
  }
  const lines = gaps.map((gap) => {
    const signals = [
      gap.unconfident > 0 ? times(gap.unconfident, "unconfident answer", "unconfident answers") : undefined,
      gap.downvotes > 0 ? `${gap.downvotes} 👎` : undefined,
      `last asked ${formatWhen(gap.lastAskedAt, "R")}`,
    ].filter((part): part is string => part !== undefined);
    return `• ${truncateText(escapeText(gap.question), QUESTION_PREVIEW)}\n  ${signals.join(" · ")}`;
  });
  return fitMessage({
    embeds: [
      {
        title: "Questions the bot answered badly",
        description: lines.join("\n"),
        color: COLORS.notConfident,
        footer: { text: "Most recent first. Answer one with /qa add; it is used by /ask at once." },
      },
    ],
    components: [],
  });
}

const EXAMPLE_WORDS = 8;
/** Room for the code fences inside an embed description's 4,096 characters. */
const RAW_TEXT_MAX = 4000;

/**
 * /qa cite: one paragraph as raw text in a code block (so it copies exactly, with no markdown escapes),
 * and a ready-made citation line to paste into the form and trim.
 */
export function citeMessage(article: Article, paragraph: Paragraph): MessagePayload {
  const words = paragraph.text.split(/\s+/).slice(0, EXAMPLE_WORDS).join(" ");
  const example = `${article.id} ¶${paragraph.n}: ${words}`;
  const escaped = paragraph.text.replace(/`/g, `\`${ZERO_WIDTH_SPACE}`);
  // Cut by hand: inside a code block there is no markdown to repair.
  const raw = escaped.length <= RAW_TEXT_MAX ? escaped : `${escaped.slice(0, RAW_TEXT_MAX - 1)}…`;
  const source = [article.title, article.outlet]
    .filter((part) => part !== undefined && part !== "")
    .join(" — ");
  return fitMessage({
    content: `Copy the words you need into the citations, one a line, e.g.\n\`${example.replace(/`/g, "'")}\``,
    embeds: [
      {
        title: truncateText(
          `${article.id} ¶${paragraph.n}${paragraph.section ? ` · ${escapeText(paragraph.section)}` : ""}`,
          256,
        ),
        description: `\`\`\`\n${raw}\n\`\`\``,
        color: COLORS.neutral,
        footer: { text: truncateText(plainText(source), 2048) },
      },
    ],
    components: [],
  });
}
