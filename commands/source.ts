import { SlashCommandBuilder } from "discord.js";
import type { SlashCommand } from "../src/bot/command.ts";
import {
  MAX_LENGTH,
  privateOption,
  readOptionalText,
  readPrivate,
  textOption,
} from "../src/bot/command-input.ts";
import { sendReply } from "../src/bot/reply.ts";
import { respondWithSuggestions } from "../src/bot/suggestions.ts";
import { UserError } from "../src/errors.ts";
import { renderSource, renderSourceList } from "../src/render/discord/render-sources.ts";

const ARTICLE = {
  name: "article",
  label: "article",
  description: "An article, e.g. npr",
  max: MAX_LENGTH.name,
  autocomplete: true,
} as const;

/** /source [article] [private]: the articles, or one article's details and link. A fixed list: no cooldown, no defer. */
export const source: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("source")
    .setDescription("The articles Dossier quotes, or one article's details")
    .addStringOption(textOption(ARTICLE))
    .addBooleanOption(privateOption),
  cooldown: false,

  async execute(interaction, ctx) {
    const id = readOptionalText(interaction, ARTICLE);
    const ephemeral = readPrivate(interaction);
    if (id === undefined) {
      await sendReply(interaction, renderSourceList(ctx.dossier.sources()), { ephemeral });
      return;
    }
    const article = ctx.dossier.source(id);
    if (article === undefined) {
      throw new UserError("unknown-article", `No article has the id "${id}": run /source to list them.`);
    }
    await sendReply(interaction, renderSource(article), { ephemeral });
  },

  autocomplete: (interaction, ctx) =>
    respondWithSuggestions(interaction, ctx.dossier, { article: "article" }),
};
