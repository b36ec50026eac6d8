import type { ChatInputCommandInteraction } from "discord.js";
import { readInteger, readString } from "../../interaction/command-input.ts";
import { sendReply } from "../../interaction/reply.ts";
import { findArticle } from "../../knowledge/corpus.ts";
import { UserError } from "../../user-error.ts";
import type { Moderation } from "../moderation.ts";
import { requireGuildModerator } from "./interaction-guard.ts";
import { citeMessage } from "./qa-cite.ts";
import { gapsMessage } from "./qa-gaps.ts";

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
