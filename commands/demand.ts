import { answerCommand } from "../src/answer-commands.ts";
import { replyWithAnswer } from "../src/bot/answer-pages.ts";
import {
  readAnswerOptions,
  type SlashCommand,
  slashCommandData,
  suggestFromSpec,
} from "../src/bot/command.ts";

const spec = answerCommand("demand");

/**
 * /demand [topic] [private]: the list of Russia's demands with a menu to pick one, or straight to the
 * demand that best matches the topic, with its reasoning and the Western response. In memory: no defer.
 */
export const demand: SlashCommand = {
  data: slashCommandData(spec),
  cooldown: spec.cooldown,

  async execute(interaction, ctx) {
    const values = readAnswerOptions(interaction, spec);
    const menu = ctx.dossier.demands().results.map((result) => ({
      id: result.id,
      title: result.heading ?? result.id,
    }));
    const { answer } = spec.run(ctx.dossier, values);
    await replyWithAnswer(interaction, ctx, {
      kind: "demand",
      ...(values.topic === undefined ? {} : { topic: values.topic }),
      menu,
      answer,
    });
  },

  autocomplete: suggestFromSpec(spec),
};
