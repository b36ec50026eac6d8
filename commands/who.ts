import { SlashCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answer-reply.ts";
import type { SlashCommand } from "../src/bot/command.ts";
import { MAX_LENGTH, privateOption, readRequiredText, textOption } from "../src/bot/command-input.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";

const PERSON = {
  name: "person",
  label: "name",
  description: "A name, e.g. Ryabkov",
  max: MAX_LENGTH.name,
  required: true,
  autocomplete: true,
} as const;

/** /who person [private]: role, other names, where the articles introduce them and what they said. No defer. */
export const who: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("who")
    .setDescription("Who someone in the articles is, and what they said")
    .addStringOption(textOption(PERSON))
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const person = readRequiredText(interaction, PERSON);
    await replyWithAnswer(interaction, ctx, { kind: "who", person, answer: ctx.dossier.who(person) });
  },

  autocomplete: (interaction, ctx) => respondWithSuggestions(interaction, ctx.dossier, { person: "person" }),
};
