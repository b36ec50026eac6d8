import { type APIEmbed, ButtonStyle, ComponentType } from "discord.js";
import { QUIZ_KIND_NAMES, type QuizQuestion } from "../../quiz/question-kinds.ts";
import type { QuizSummary, RoundOutcome } from "../../quiz/quiz-game.ts";
import type { QuizRank, QuizStanding } from "../../store/index.ts";
import { escapeText, plainText } from "./escape.ts";
import { fitMessage } from "./fit-message.ts";
import { truncateText } from "./fit-text.ts";
import { LIMITS } from "./limits.ts";
import { articleLinkRow } from "./link-buttons.ts";
import { type ButtonRow, COLORS, type MessagePayload } from "./payload.ts";
import { formatCitation, formatQuotedExcerpt } from "./quoted-excerpt.ts";

/**
 * Every message of /quiz: the question with its four answer buttons, the same question closed, the
 * reveal, the end of a stopped quiz, and the leaderboards. Members are named by mention (`<@id>`),
 * which Discord shows as their name; no message ever pings (every send sets no allowed mentions).
 */

export const LETTERS = ["A", "B", "C", "D"] as const;

/** `quiz:<quiz id>:<round>:<choice>`: all an answer click needs. */
const PATTERN = /^quiz:([\w-]{1,16}):(\d{1,2}):([0-3])$/;

export interface QuizButton {
  quizId: string;
  round: number;
  choice: number;
}

export function isQuizButton(customId: string): boolean {
  return customId.startsWith("quiz:");
}

/** Undefined for anything the bot did not write, which a modified client can send. */
export function decodeQuizButton(customId: string): QuizButton | undefined {
  const match = PATTERN.exec(customId);
  if (match === null) return undefined;
  const [, quizId, round, choice] = match;
  if (quizId === undefined || round === undefined || choice === undefined) return undefined;
  return { quizId, round: Number(round), choice: Number(choice) };
}

export interface QuestionView {
  quizId: string;
  round: number;
  total: number;
  seconds: number;
  seed: number;
  question: QuizQuestion;
}

/** Choices this short ride on their buttons; longer ones are listed in the embed, the buttons lettered. */
const SHORT_CHOICE = 36;

export function renderQuestion(view: QuestionView, note?: string): MessagePayload {
  return fitMessage({
    ...(note === undefined ? {} : { content: note }),
    embeds: [questionEmbed(view, `${view.seconds} s to answer · one answer each · seed ${view.seed}`)],
    components: [answerRow(view, undefined)],
  });
}

/** The question once its round is over: buttons off, the right one green when it was revealed. */
export function renderClosedQuestion(view: QuestionView, revealed: boolean): MessagePayload {
  const footer = revealed ? "Closed · the answer is below" : "Closed · the quiz was stopped";
  return fitMessage({
    embeds: [questionEmbed(view, footer)],
    components: [answerRow(view, revealed ? view.question.answer : -1)],
  });
}

function questionEmbed(view: QuestionView, footer: string): APIEmbed {
  const { question } = view;
  const parts = [`**${escapeText(question.prompt)}**`];
  if (question.clue !== undefined) parts.push(formatQuotedExcerpt(question.clue, 1200));
  if (!choicesFitButtons(question)) {
    parts.push(question.choices.map((choice, i) => `**${LETTERS[i]}.** ${escapeText(choice)}`).join("\n"));
  }
  return {
    title: `Question ${view.round} of ${view.total} · ${QUIZ_KIND_NAMES[question.kind]}`,
    description: parts.join("\n\n"),
    color: COLORS.confident,
    footer: { text: footer },
  };
}

const choicesFitButtons = (question: QuizQuestion) =>
  question.choices.every((choice) => choice.length <= SHORT_CHOICE);

/** `right`: undefined while open; the right choice's index once revealed; -1 when stopped. */
function answerRow(view: QuestionView, right: number | undefined): ButtonRow {
  const withText = choicesFitButtons(view.question);
  return {
    type: ComponentType.ActionRow,
    components: view.question.choices.map((choice, choiceIndex) => ({
      type: ComponentType.Button as const,
      style: choiceIndex === right ? ButtonStyle.Success : ButtonStyle.Secondary,
      label: truncateText(
        plainText(withText ? `${LETTERS[choiceIndex]} · ${choice}` : (LETTERS[choiceIndex] ?? "?")),
        LIMITS.buttonLabel,
      ),
      custom_id: `quiz:${view.quizId}:${view.round}:${choiceIndex}`,
      disabled: right !== undefined,
    })),
  };
}

/** The answer, the verbatim passage that settles it with its citation, and who got it right. */
export function renderReveal(outcome: RoundOutcome, summary?: QuizSummary): MessagePayload {
  const { question } = outcome;
  const right = question.choices[question.answer] ?? "";
  const citation = formatCitation(question.settling.citation);
  const short = right.length <= SHORT_CHOICE * 2;
  const answer = short ? "" : `**${escapeText(right)}**\n\n`;
  const note = `${answer}${question.note === undefined ? "" : `${escapeText(question.note)}\n\n`}`;
  const room = LIMITS.description - note.length - citation.length - 2;
  const who =
    outcome.right.length === 0 ? "Nobody this time." : mentionList(outcome.right, LIMITS.fieldValue);
  const wrong = outcome.wrong.length === 1 ? "1 wrong answer" : `${outcome.wrong.length} wrong answers`;
  const embeds: APIEmbed[] = [
    {
      title: `Round ${outcome.round}: ${LETTERS[question.answer]}${short ? ` · ${right}` : ""}`,
      description: `${note}${formatQuotedExcerpt(question.settling, room)}\n${citation}`,
      color: COLORS.confident,
      fields: [{ name: `Right (${outcome.right.length})`, value: who }],
      footer: { text: wrong },
    },
  ];
  if (summary !== undefined) embeds.push(summaryEmbed("Quiz over", summary));
  const links = articleLinkRow([question.settling.citation]);
  return fitMessage({ embeds, components: links === undefined ? [] : [links] });
}

export function renderStopped(summary: QuizSummary, stoppedBy: string): MessagePayload {
  const played = `${summary.played} of ${summary.total} ${summary.total === 1 ? "round" : "rounds"}`;
  return fitMessage({
    content: `${mention(stoppedBy)} stopped the quiz after ${played}.`,
    embeds: [summaryEmbed("Quiz stopped", summary)],
    components: [],
  });
}

function summaryEmbed(title: string, summary: QuizSummary): APIEmbed {
  const lines = summary.standings.slice(0, 20).map((s, i) => `${i + 1}. ${mention(s.userId)} · ${tally(s)}`);
  return {
    title,
    description: lines.length === 0 ? "Nobody answered." : lines.join("\n"),
    color: COLORS.neutral,
    footer: { text: "/quiz scores shows this server's leaderboard" },
  };
}

/** /quiz scores: the server's best, all time and over the last seven days. */
export function renderLeaderboard(
  allTime: readonly QuizStanding[],
  lastWeek: readonly QuizStanding[],
): MessagePayload {
  const list = (standings: readonly QuizStanding[]) =>
    standings.length === 0
      ? "Nobody yet: start one with /quiz start."
      : standings.map((s, i) => `${i + 1}. ${mention(s.userId)} · ${tally(s)}`).join("\n");
  return fitMessage({
    embeds: [
      {
        title: "Quiz leaderboard",
        color: COLORS.neutral,
        fields: [
          { name: "Last 7 days", value: list(lastWeek) },
          { name: "All time", value: list(allTime) },
        ],
        footer: {
          text: "One point per right answer; fewer answers break a tie. /quiz scores private:True shows your own.",
        },
      },
    ],
    components: [],
  });
}

/** /quiz scores private: True: the member's own record. */
export function renderRecord(userId: string, allTime?: QuizRank, lastWeek?: QuizRank): MessagePayload {
  const line = (rank: QuizRank | undefined) =>
    rank === undefined ? "No answers." : `${tally(rank)}, ranked ${rank.rank} of ${rank.players}`;
  return fitMessage({
    embeds: [
      {
        title: "Your quiz record",
        description: `${mention(userId)}\n**Last 7 days:** ${line(lastWeek)}\n**All time:** ${line(allTime)}`,
        color: COLORS.neutral,
      },
    ],
    components: [],
  });
}

/** As many whole mentions as fit, then how many more: a cut mention would show as broken text. */
function mentionList(userIds: readonly string[], max: number): string {
  const shown: string[] = [];
  for (const [index, userId] of userIds.entries()) {
    const more = ` and ${userIds.length - index} more`;
    const next = [...shown, mention(userId)].join(" ");
    if (next.length + (index < userIds.length - 1 ? more.length + 12 : 0) > max) {
      return `${shown.join(" ")}${more}`;
    }
    shown.push(mention(userId));
  }
  return shown.join(" ");
}

function tally(standing: QuizStanding): string {
  return `${standing.right} right of ${standing.answered}`;
}

/** Snowflakes only: anything else would not be a mention, and is shown as plain text instead. */
function mention(userId: string): string {
  return /^\d{15,25}$/.test(userId) ? `<@${userId}>` : escapeText(userId);
}
