import { answerCommand } from "../src/answer-commands.ts";
import {
  readAnswerOptions,
  type SlashCommand,
  slashCommandData,
  suggestFromSpec,
} from "../src/bot/command.ts";
import { readPrivate } from "../src/interaction/command-input.ts";
import { sendReply } from "../src/interaction/reply.ts";
import { renderSource, renderSourceList } from "../src/render/discord/render-sources.ts";
import { UserError } from "../src/user-error.ts";

const spec = answerCommand("source");

/** /source [article] [private]: the articles, or one article's details and link. A fixed list: no cooldown, no defer. */
export const source: SlashCommand = {
  data: slashCommandData(spec),
  cooldown: spec.cooldown,

  async execute(interaction, ctx) {
    const id = readAnswerOptions(interaction, spec).article;
    const ephemeral = readPrivate(interaction);
    if (id === undefined) {
      await sendReply(interaction, renderSourceList(ctx.dossier.sources()), { ephemeral });
      return;
    }
    // In Discord the articles are a suggestion away, so the sentence points there rather than listing them.
    const article = ctx.dossier.source(id);
    if (article === undefined) {
      throw new UserError("unknown-article", `No article has the id "${id}": run /source to list them.`);
    }
    await sendReply(interaction, renderSource(article), { ephemeral });
  },

  autocomplete: suggestFromSpec(spec),
};
