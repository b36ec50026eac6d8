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

/** /quote [speaker] [topic] [private]: who said what, verbatim. In memory: no defer. */
export const quote: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("quote")
    .setDescription("Quotations from the articles: who said what")
    .addStringOption(
      textOption({
        name: "speaker",
        description: "Who spoke, e.g. Putin",
        max: MAX_LENGTH.name,
        autocomplete: true,
      }),
    )
    .addStringOption(
      textOption({
        name: "topic",
        description: "What about, e.g. NATO expansion",
        max: MAX_LENGTH.name,
        autocomplete: true,
      }),
    )
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const speaker = readOptionalText(interaction, {
      name: "speaker",
      label: "speaker",
      max: MAX_LENGTH.name,
    });
    const topic = readOptionalText(interaction, { name: "topic", label: "topic", max: MAX_LENGTH.name });
    const filter = {
      ...(speaker === undefined ? {} : { speaker }),
      ...(topic === undefined ? {} : { topic }),
    };
    const answer = ctx.dossier.quotes(filter);
    await replyWithAnswer(interaction, ctx, { kind: "quote", ...filter, answer }, readPrivate(interaction));
  },

  autocomplete: (interaction, ctx) =>
    respondWithSuggestions(interaction, ctx.dossier, { speaker: "speaker", topic: "topic" }),
};
