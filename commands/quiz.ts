import { type ChatInputCommandInteraction, InteractionContextType, SlashCommandBuilder } from "discord.js";
import type { SlashCommand } from "../src/bot/command.ts";
import type { Context } from "../src/bot/context.ts";
import type { QuizStart } from "../src/bot/quiz-games.ts";
import {
  MAX_LENGTH,
  readInteger,
  readOptionalText,
  readPrivate,
  readString,
  readSubcommand,
  textOption,
} from "../src/interaction/command-input.ts";
import { sendReply } from "../src/interaction/reply.ts";
import { respondWithSuggestions } from "../src/interaction/suggestions.ts";
import { MAX_ROUNDS, MAX_SEED } from "../src/quiz/make-quiz.ts";
import { QUIZ_KIND_NAMES, QUIZ_KINDS, type QuizKind } from "../src/quiz/question-kinds.ts";
import { renderLeaderboard, renderRecord } from "../src/render/discord/quiz-messages.ts";
import { UserError } from "../src/user-error.ts";

const TOPIC = {
  name: "topic",
  label: "topic",
  description: "Only questions about this, e.g. Minsk",
  max: MAX_LENGTH.name,
  autocomplete: true,
} as const;
const DEFAULT_ROUNDS = 5;

/**
 * /quiz start [topic] [rounds] [kind] [seed], /quiz stop, /quiz scores [private]: practise together.
 * Anyone in the channel answers each question once with the buttons before QUIZ_SECONDS run out;
 * the reveal quotes the passage that settles it. A quiz has a seed, shown under each question: the
 * same seed (with the same options) asks the same questions again.
 */
export const quiz: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("quiz")
    .setDescription("Practise together: questions from the articles, answered with buttons")
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) =>
      sub
        .setName("start")
        .setDescription("Start a quiz in this channel")
        .addStringOption(textOption(TOPIC))
        .addIntegerOption((option) =>
          option
            .setName("rounds")
            .setDescription(`How many questions (default ${DEFAULT_ROUNDS})`)
            .setMinValue(1)
            .setMaxValue(MAX_ROUNDS),
        )
        .addStringOption((option) =>
          option
            .setName("kind")
            .setDescription("One kind of question (default: a mix)")
            .setMaxLength(20)
            .addChoices(QUIZ_KINDS.map((kind) => ({ name: QUIZ_KIND_NAMES[kind], value: kind }))),
        )
        .addIntegerOption((option) =>
          option
            .setName("seed")
            .setDescription("Replay a quiz: the seed shown under its questions")
            .setMinValue(0)
            .setMaxValue(MAX_SEED),
        ),
    )
    .addSubcommand((sub) =>
      sub.setName("stop").setDescription("End this channel's quiz (whoever started it, or a moderator)"),
    )
    .addSubcommand((sub) =>
      sub
        .setName("scores")
        .setDescription("This server's leaderboard, all time and the last 7 days")
        .addBooleanOption((option) =>
          option.setName("private").setDescription("Show your own record, only to you"),
        ),
    ),
  cooldown: false,

  async execute(interaction, ctx) {
    switch (readSubcommand(interaction, ["start", "stop", "scores"])) {
      case "start":
        return ctx.quizzes.start(interaction, readStart(interaction));
      case "stop":
        return ctx.quizzes.stop(interaction);
      case "scores":
        return showScores(interaction, ctx);
    }
  },

  autocomplete: (interaction, ctx) => respondWithSuggestions(interaction, ctx.dossier, { topic: "topic" }),
};

function readStart(interaction: ChatInputCommandInteraction): QuizStart {
  const start: QuizStart = {
    rounds: readWhole(readInteger(interaction, "rounds"), 1, MAX_ROUNDS, "rounds") ?? DEFAULT_ROUNDS,
  };
  const seed = readWhole(readInteger(interaction, "seed"), 0, MAX_SEED, "seed");
  const kind = readKind(readString(interaction, "kind"));
  const topic = readOptionalText(interaction, TOPIC);
  if (seed !== undefined) start.seed = seed;
  if (kind !== undefined) start.kind = kind;
  if (topic !== undefined) start.topic = topic;
  return start;
}

async function showScores(interaction: ChatInputCommandInteraction, ctx: Pick<Context, "quizzes">) {
  const store = ctx.quizzes.scores;
  const guildId = interaction.guildId;
  if (store === undefined || guildId === null) {
    throw new UserError(
      "quiz-no-scores",
      "This copy of the bot keeps no quiz scores (it runs without a data folder): quizzes still work, unscored.",
    );
  }
  const ephemeral = readPrivate(interaction);
  const userId = interaction.user.id;
  const payload = ephemeral
    ? renderRecord(
        userId,
        await store.quizRecord(guildId, userId, {}),
        await store.quizRecord(guildId, userId, { days: 7 }),
      )
    : renderLeaderboard(
        await store.quizLeaderboard(guildId, { limit: 10 }),
        await store.quizLeaderboard(guildId, { days: 7, limit: 10 }),
      );
  await sendReply(interaction, payload, { ephemeral });
}

/** Discord checks the range we register; a modified client or an old registration may not have. */
function readWhole(value: number | undefined, min: number, max: number, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (Number.isInteger(value) && value >= min && value <= max) return value;
  throw new UserError("quiz-bad-number", `The ${name} must be a whole number from ${min} to ${max}.`);
}

function readKind(value: string | undefined): QuizKind | undefined {
  if (value === undefined) return undefined;
  const kind = QUIZ_KINDS.find((known) => known === value);
  if (kind === undefined) throw new UserError("quiz-bad-kind", "Pick a kind of question from the list.");
  return kind;
}
