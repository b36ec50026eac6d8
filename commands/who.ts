import { SlashCommandBuilder } from "discord.js";
import { replyWithAnswer } from "../src/bot/answer-reply.ts";
import type { SlashCommand } from "../src/bot/command.ts";
import {
  MAX_LENGTH,
  privateOption,
  readPrivate,
  readRequiredText,
  textOption,
} from "../src/bot/command-input.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";

/** /who person [private]: role, other names, where the articles introduce them and what they said. No defer. */
export const who: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("who")
    .setDescription("Who someone in the articles is, and what they said")
    .addStringOption(
      textOption({
        name: "person",
        description: "A name, e.g. Ryabkov",
        max: MAX_LENGTH.name,
        required: true,
        autocomplete: true,
      }),
    )
    .addBooleanOption(privateOption),
  cooldown: true,

  async execute(interaction, ctx) {
    const person = readRequiredText(interaction, { name: "person", label: "name", max: MAX_LENGTH.name });
    const answer = ctx.dossier.who(person);
    await replyWithAnswer(interaction, ctx, { kind: "who", person, answer }, readPrivate(interaction));
  },

  autocomplete: (interaction, ctx) => respondWithSuggestions(interaction, ctx.dossier, { person: "person" }),
};
