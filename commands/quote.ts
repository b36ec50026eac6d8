import { SlashCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answer-reply.ts";
import type { SlashCommand } from "../src/bot/command.ts";
import { MAX_LENGTH, privateOption, readOptionalTexts, textOption } from "../src/bot/command-input.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";

const SPEAKER = {
  name: "speaker",
  label: "speaker",
  description: "Who spoke, e.g. Putin",
  max: MAX_LENGTH.name,
  autocomplete: true,
} as const;
const TOPIC = {
  name: "topic",
  label: "topic",
  description: "What about, e.g. NATO expansion",
  max: MAX_LENGTH.name,
  autocomplete: true,
} as const;

/** /quote [speaker] [topic] [private]: who said what, verbatim. In memory: no defer. */
export const quote: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("quote")
    .setDescription("Quotations from the articles: who said what")
    .addStringOption(textOption(SPEAKER))
    .addStringOption(textOption(TOPIC))
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const filter = readOptionalTexts(interaction, [SPEAKER, TOPIC]);
    await replyWithAnswer(interaction, ctx, { kind: "quote", ...filter, answer: ctx.dossier.quotes(filter) });
  },

  autocomplete: (interaction, ctx) =>
    respondWithSuggestions(interaction, ctx.dossier, { speaker: "speaker", topic: "topic" }),
};
