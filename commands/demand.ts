import { SlashCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answer-reply.ts";
import type { SlashCommand } from "../src/bot/command.ts";
import {
  MAX_LENGTH,
  privateOption,
  readOptionalText,
  readPrivate,
  textOption,
} from "../src/bot/command-input.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";

/** /demand [topic] [private]: Russia's demands with its reasoning and the Western response. In memory: no defer. */
export const demand: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("demand")
    .setDescription("Russia's demands, each with its reasoning and the Western response")
    .addStringOption(
      textOption({
        name: "topic",
        description: "A demand or topic, e.g. missiles",
        max: MAX_LENGTH.name,
        autocomplete: true,
      }),
    )
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const topic = readOptionalText(interaction, { name: "topic", label: "topic", max: MAX_LENGTH.name });
    const answer = ctx.dossier.demands(topic);
    const view =
      topic === undefined ? { kind: "demand" as const, answer } : { kind: "demand" as const, topic, answer };
    await replyWithAnswer(interaction, ctx, view, readPrivate(interaction));
  },

  autocomplete: (interaction, ctx) => respondWithSuggestions(interaction, ctx.dossier, { topic: "demand" }),
};
