import { SlashCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answer-reply.ts";
import type { SlashCommand } from "../src/bot/command.ts";
import { MAX_LENGTH, privateOption, readOptionalTexts, textOption } from "../src/bot/command-input.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";

const TOPIC = {
  name: "topic",
  label: "topic",
  description: "A demand or topic, e.g. missiles",
  max: MAX_LENGTH.name,
  autocomplete: true,
} as const;

/**
 * /demand [topic] [private]: the list of Russia's demands with a menu to pick one, or straight to the
 * demand that best matches the topic, with its reasoning and the Western response. In memory: no defer.
 */
export const demand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("demand")
    .setDescription("Russia's demands, each with its reasoning and the Western response")
    .addStringOption(textOption(TOPIC))
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const filter = readOptionalTexts(interaction, [TOPIC]);
    const menu = ctx.dossier.demands().results.map((result) => ({
      id: result.id,
      title: result.heading ?? result.id,
    }));
    await replyWithAnswer(interaction, ctx, {
      kind: "demand",
      ...filter,
      menu,
      answer: ctx.dossier.demands(filter.topic),
    });
  },

  autocomplete: (interaction, ctx) => respondWithSuggestions(interaction, ctx.dossier, { topic: "demand" }),
};
