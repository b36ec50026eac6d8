import { SlashCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answer-reply.ts";
import type { SlashCommand } from "../src/bot/command.ts";
import {
  MAX_LENGTH,
  privateOption,
  readOptionalText,
  readPrivate,
  readRequiredText,
  textOption,
} from "../src/bot/command-input.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";
import { noteAskedQuestion } from "../src/moderation/discord/votes.ts";

/** Three pages of three: enough to look further without burying the best answers. */
const RESULT_LIMIT = 9;

/**
 * /ask question [article] [private]. Answering is an in-memory search that takes well under a
 * millisecond, and noting the question for moderators is one local SQLite insert, both far inside
 * Discord's 3 seconds, so the reply is sent directly without deferring.
 */
export const ask: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask a question about the articles; the answer quotes them")
    .addStringOption(
      textOption({
        name: "question",
        description: "Your question, e.g. why now?",
        max: MAX_LENGTH.question,
        required: true,
      }),
    )
    .addStringOption(
      textOption({
        name: "article",
        description: "Only search this article",
        max: MAX_LENGTH.name,
        autocomplete: true,
      }),
    )
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const question = readRequiredText(interaction, {
      name: "question",
      label: "question",
      max: MAX_LENGTH.question,
    });
    const article = readOptionalText(interaction, {
      name: "article",
      label: "article",
      max: MAX_LENGTH.name,
    });
    const answer = ctx.dossier.ask(question, {
      limit: RESULT_LIMIT,
      ...(interaction.guildId === null ? {} : { guildId: interaction.guildId }),
      ...(article === undefined ? {} : { article }),
    });
    // With a data folder, the question is noted for /qa gaps and the answer gets 👍/👎 buttons.
    const feedback = await noteAskedQuestion(ctx.moderation, interaction.guildId, question, answer);
    const view = { kind: "ask" as const, question, answer };
    await replyWithAnswer(
      interaction,
      ctx,
      view,
      readPrivate(interaction),
      feedback === undefined ? [] : [feedback],
    );
  },

  autocomplete: (interaction, ctx) =>
    respondWithSuggestions(interaction, ctx.dossier, { article: "article" }),
};
