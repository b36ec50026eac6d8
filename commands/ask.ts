import { answerCommand, asRead, followingOn } from "../src/answer-commands.ts";
import { replyWithAnswer } from "../src/bot/answer-pages.ts";
import {
  readAnswerOptions,
  type SlashCommand,
  slashCommandData,
  suggestFromSpec,
} from "../src/bot/command.ts";
import { readPrivate } from "../src/interaction/command-input.ts";
import { sendReply } from "../src/interaction/reply.ts";
import { noteAskedQuestion } from "../src/moderation/discord/votes.ts";
import { renderSource, renderSourceList } from "../src/render/discord/render-sources.ts";

const spec = answerCommand("ask");

/** Three pages of three: enough to look further without burying the best answers. */
const RESULT_LIMIT = 9;

/**
 * /ask question [article] [private]. Answering is an in-memory search that takes well under a
 * millisecond, and noting the question for moderators is one local SQLite insert, both far inside
 * Discord's 3 seconds, so the reply is sent directly without deferring.
 */
export const ask: SlashCommand = {
  data: slashCommandData(spec),
  cooldown: spec.cooldown,

  async execute(interaction, ctx) {
    const values = readAnswerOptions(interaction, spec);
    const question = values.question ?? "";
    // A follow-up ("what else did he say") is read with the member's last question here.
    const conversation = `${interaction.channelId}:${interaction.user.id}`;
    const last = await ctx.lastQuestions.recall(conversation);
    const result = spec.run(ctx.dossier, values, {
      limit: RESULT_LIMIT,
      ...(interaction.guildId === null ? {} : { guildId: interaction.guildId }),
      ...followingOn(last),
    });
    // "Who wrote the npr piece": the article's details, as /source shows them.
    if (result.kind !== "answer") {
      const details =
        result.kind === "source" ? renderSource(result.source) : renderSourceList(result.sources);
      await sendReply(interaction, details, { ephemeral: readPrivate(interaction) });
      return;
    }
    const { answer } = result;
    await ctx.lastQuestions.keep(conversation, asRead(answer, question, last));
    // With a data folder, the question is noted for /qa gaps and the answer gets 👍/👎 buttons.
    const feedback = await noteAskedQuestion(ctx.moderation, interaction.guildId, question, answer);
    const serverName = interaction.guild?.name;
    const view = {
      kind: "ask" as const,
      question,
      answer,
      ...(serverName === undefined ? {} : { serverName }),
    };
    await replyWithAnswer(interaction, ctx, view, feedback === undefined ? [] : [feedback]);
  },

  /** Curated questions, and this server's moderators' questions; any other question may still be typed. */
  autocomplete: suggestFromSpec(spec),
};
