import { answerCommand } from "../src/answer-commands.ts";
import { replyWithAnswer } from "../src/bot/answer-pages.ts";
import {
  readAnswerOptions,
  type SlashCommand,
  slashCommandData,
  suggestFromSpec,
} from "../src/bot/command.ts";

const spec = answerCommand("quote");

/** /quote [speaker] [topic] [private]: who said what, verbatim. In memory: no defer. */
export const quote: SlashCommand = {
  data: slashCommandData(spec),
  cooldown: spec.cooldown,

  async execute(interaction, ctx) {
    const { speaker, topic } = readAnswerOptions(interaction, spec);
    const { answer } = spec.run(ctx.dossier, { speaker, topic });
    await replyWithAnswer(interaction, ctx, {
      kind: "quote",
      ...(speaker === undefined ? {} : { speaker }),
      ...(topic === undefined ? {} : { topic }),
      answer,
    });
  },

  autocomplete: suggestFromSpec(spec),
};
