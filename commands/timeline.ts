import { SlashCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answer-reply.ts";
import type { SlashCommand } from "../src/bot/command.ts";
import { MAX_LENGTH, privateOption, readOptionalTexts, textOption } from "../src/bot/command-input.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";
import { renderTimelinePng, TIMELINE_PNG_NAME } from "../src/render/picture/timeline-png.ts";

const FROM = {
  name: "from",
  label: "start date",
  description: "A year or date, e.g. 2008 or 2021-12",
  max: MAX_LENGTH.date,
  autocomplete: true,
} as const;
const TO = {
  name: "to",
  label: "end date",
  description: "A year or date, e.g. 2022-01",
  max: MAX_LENGTH.date,
  autocomplete: true,
} as const;
const TOPIC = {
  name: "topic",
  label: "topic",
  description: "Only events about this, e.g. Minsk",
  max: MAX_LENGTH.name,
  autocomplete: true,
} as const;

/**
 * /timeline [from] [to] [topic] [private]: dated events, oldest first, with the same events drawn as
 * a picture (under 100 ms, so still no defer). The embed keeps the excerpts that date each event.
 */
export const timeline: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("timeline")
    .setDescription("Dated events the articles mention, oldest first")
    .addStringOption(textOption(FROM))
    .addStringOption(textOption(TO))
    .addStringOption(textOption(TOPIC))
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const filter = readOptionalTexts(interaction, [FROM, TO, TOPIC]);
    const answer = ctx.dossier.timeline(filter);
    const picture = answer.results.length === 0 ? undefined : renderTimelinePng(answer, filter);
    const files =
      picture === undefined
        ? []
        : [{ name: TIMELINE_PNG_NAME, data: picture.png, description: picture.description }];
    await replyWithAnswer(interaction, ctx, { kind: "timeline", ...filter, answer }, [], files);
  },

  autocomplete: (interaction, ctx) =>
    respondWithSuggestions(interaction, ctx.dossier, { from: "year", to: "year", topic: "topic" }),
};
