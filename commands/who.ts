import { answerCommand } from "../src/answer-commands.ts";
import { replyWithAnswer } from "../src/bot/answer-pages.ts";
import {
  readAnswerOptions,
  type SlashCommand,
  slashCommandData,
  suggestFromSpec,
} from "../src/bot/command.ts";

const spec = answerCommand("who");

/** /who person [private]: role, other names, where the articles introduce them and what they said. No defer. */
export const who: SlashCommand = {
  data: slashCommandData(spec),
  cooldown: spec.cooldown,

  async execute(interaction, ctx) {
    const values = readAnswerOptions(interaction, spec);
    const { answer } = spec.run(ctx.dossier, values);
    await replyWithAnswer(interaction, ctx, { kind: "who", person: values.person ?? "", answer });
  },

  autocomplete: suggestFromSpec(spec),
};
