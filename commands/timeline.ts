import { answerCommand } from "../src/answer-commands.ts";
import { replyWithAnswer } from "../src/bot/answer-pages.ts";
import {
  readAnswerOptions,
  type SlashCommand,
  slashCommandData,
  suggestFromSpec,
} from "../src/bot/command.ts";
import { renderTimelinePng, TIMELINE_PNG_NAME } from "../src/render/picture/timeline-png.ts";

const spec = answerCommand("timeline");

/**
 * /timeline [from] [to] [topic] [private]: dated events, oldest first, with the same events drawn as
 * a picture (under 100 ms, so still no defer). The embed keeps the excerpts that date each event.
 */
export const timeline: SlashCommand = {
  data: slashCommandData(spec),
  cooldown: spec.cooldown,

  async execute(interaction, ctx) {
    const { from, to, topic } = readAnswerOptions(interaction, spec);
    const filter = {
      ...(from === undefined ? {} : { from }),
      ...(to === undefined ? {} : { to }),
      ...(topic === undefined ? {} : { topic }),
    };
    const { answer } = spec.run(ctx.dossier, filter);
    const picture = answer.results.length === 0 ? undefined : renderTimelinePng(answer, filter);
    const files =
      picture === undefined
        ? []
        : [{ name: TIMELINE_PNG_NAME, data: picture.png, description: picture.description }];
    await replyWithAnswer(interaction, ctx, { kind: "timeline", ...filter, answer }, [], files);
  },

  autocomplete: suggestFromSpec(spec),
};
