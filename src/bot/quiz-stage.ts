import { type REST, Routes } from "discord.js";
import { z } from "zod";
import { NO_MENTIONS } from "../interaction/reply.ts";
import { QUIZ_KINDS, type QuizQuestion } from "../quiz/question-kinds.ts";
import type { QuizStage } from "../quiz/quiz-game.ts";
import type { MessagePayload } from "../render/discord/payload.ts";
import {
  type QuestionView,
  renderClosedQuestion,
  renderQuestion,
  renderReveal,
} from "../render/discord/quiz-messages.ts";
import type { QuizGameRecord } from "../store/quiz-rounds.ts";
import { excerptSchema } from "./shared-memories.ts";

/**
 * How a quiz speaks in its channel after its first question: through the webhook of the interaction
 * that started it, which any process holding the quiz's record can use (Discord honours it for 15
 * minutes). Later questions and reveals are follow-ups; a question closes by editing its message.
 */
export function webhookStage(rest: REST, quiz: QuizGameRecord): QuizStage {
  const view = (round: number, question: QuizQuestion): QuestionView => ({
    quizId: quiz.quizId,
    round,
    total: quiz.total,
    seconds: quiz.seconds,
    seed: quiz.seed,
    question,
  });
  const close = async (
    round: number,
    question: QuizQuestion,
    messageId: string | undefined,
    revealed: boolean,
  ) => {
    if (messageId === undefined) return;
    await rest.patch(Routes.webhookMessage(quiz.applicationId, quiz.token, messageId), {
      body: { ...bodyOf(renderClosedQuestion(view(round, question), revealed)), content: "" },
      auth: false,
    });
  };
  return {
    async ask(round, question) {
      return followUp(rest, quiz, renderQuestion(view(round, question)));
    },
    async reveal(outcome, messageId, summary) {
      await close(outcome.round, outcome.question, messageId, true);
      await followUp(rest, quiz, renderReveal(outcome, summary));
    },
    abandon: (round, question, messageId) => close(round, question, messageId, false),
  };
}

const postedSchema = z.object({ id: z.string() });

/** Posts a message in the quiz's channel; resolves with its id. */
export async function followUp(
  rest: REST,
  quiz: Pick<QuizGameRecord, "applicationId" | "token">,
  payload: MessagePayload,
): Promise<string> {
  const posted = await rest.post(Routes.webhook(quiz.applicationId, quiz.token), {
    body: bodyOf(payload),
    query: new URLSearchParams({ wait: "true" }),
    auth: false,
  });
  return postedSchema.parse(posted).id;
}

/** A payload as Discord's API takes it, pinging nobody. */
function bodyOf(payload: MessagePayload) {
  return {
    ...(payload.content === undefined ? {} : { content: payload.content }),
    embeds: payload.embeds,
    components: payload.components,
    allowed_mentions: NO_MENTIONS,
  };
}

/** A question as it comes back from the store: the database is a boundary like any other. */
export const quizQuestionSchema: z.ZodType<QuizQuestion> = z.object({
  id: z.string(),
  kind: z.enum(QUIZ_KINDS),
  prompt: z.string(),
  clue: excerptSchema.optional(),
  choices: z.array(z.string()),
  answer: z.number().int().min(0),
  settling: excerptSchema,
  note: z.string().optional(),
});
