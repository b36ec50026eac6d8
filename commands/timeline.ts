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

/** /timeline [from] [to] [topic] [private]: dated events, oldest first. In memory: no defer. */
export const timeline: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("timeline")
    .setDescription("Dated events the articles mention, oldest first")
    .addStringOption(
      textOption({
        name: "from",
        description: "A year or date, e.g. 2008 or 2021-12",
        max: MAX_LENGTH.date,
        autocomplete: true,
      }),
    )
    .addStringOption(
      textOption({
        name: "to",
        description: "A year or date, e.g. 2022-01",
        max: MAX_LENGTH.date,
        autocomplete: true,
      }),
    )
    .addStringOption(
      textOption({
        name: "topic",
        description: "Only events about this, e.g. Minsk",
        max: MAX_LENGTH.name,
        autocomplete: true,
      }),
    )
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const from = readOptionalText(interaction, { name: "from", label: "start date", max: MAX_LENGTH.date });
    const to = readOptionalText(interaction, { name: "to", label: "end date", max: MAX_LENGTH.date });
    const topic = readOptionalText(interaction, { name: "topic", label: "topic", max: MAX_LENGTH.name });
    const filter = {
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(topic === undefined ? {} : { topic }),
    };
    const answer = ctx.dossier.timeline(filter);
    await replyWithAnswer(
      interaction,
      ctx,
      { kind: "timeline", ...filter, answer },
      readPrivate(interaction),
    );
  },

  autocomplete: (interaction, ctx) =>
    respondWithSuggestions(interaction, ctx.dossier, { from: "year", to: "year", topic: "topic" }),
};
