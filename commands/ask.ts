import { SlashCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answer-reply.ts";
import type { SlashCommand } from "../src/bot/command.ts";
import {
  MAX_LENGTH,
  privateOption,
  readOptionalTexts,
  readRequiredText,
  textOption,
} from "../src/bot/command-input.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";
import { noteAskedQuestion } from "../src/moderation/discord/votes.ts";

/** Three pages of three: enough to look further without burying the best answers. */
const RESULT_LIMIT = 9;

const QUESTION = {
  name: "question",
  label: "question",
  description: "Your question, e.g. why now?",
  max: MAX_LENGTH.question,
  required: true,
  autocomplete: true,
} as const;
const ARTICLE = {
  name: "article",
  label: "article",
  description: "Only search this article",
  max: MAX_LENGTH.name,
  autocomplete: true,
} as const;

/**
 * /ask question [article] [private]. Answering is an in-memory search that takes well under a
 * millisecond, and noting the question for moderators is one local SQLite insert, both far inside
 * Discord's 3 seconds, so the reply is sent directly without deferring.
 */
export const ask: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("ask")
    .setDescription("Ask a question about the articles; the answer quotes them")
    .addStringOption(textOption(QUESTION))
    .addStringOption(textOption(ARTICLE))
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const question = readRequiredText(interaction, QUESTION);
    const answer = ctx.dossier.ask(question, {
      limit: RESULT_LIMIT,
      ...(interaction.guildId === null ? {} : { guildId: interaction.guildId }),
      ...readOptionalTexts(interaction, [ARTICLE]),
    });
    // With a data folder, the question is noted for /qa gaps and the answer gets 👍/👎 buttons.
    const feedback = await noteAskedQuestion(ctx.moderation, interaction.guildId, question, answer);
    const serverName = interaction.guild?.name;
    const view = {
      kind: "ask" as const,
      question,
      answer,
      ...(serverName === undefined ? {} : { serverName }),
    };
    await replyWithAnswer(interaction, ctx, view, feedback === undefined ? [] : [feedback]);
  },

  /** Curated questions, and this server's moderators' questions; any other question may still be typed. */
  autocomplete: (interaction, ctx) =>
    respondWithSuggestions(interaction, ctx.dossier, { question: "question", article: "article" }),
};
