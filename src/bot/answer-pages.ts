import type { ChatInputCommandInteraction } from "discord.js";
import type { Answer } from "../answer/answer.ts";
import type { Dossier } from "../answer/dossier.ts";
import type { Clock } from "../interaction/clock.ts";
import { readPrivate } from "../interaction/command-input.ts";
import { ButtonMemory, type KeyedMemory } from "../interaction/recent-cache.ts";
import { type ReplyFile, sendReply } from "../interaction/reply.ts";
import { type AnswerView, pageCountOf } from "../render/discord/answer-view.ts";
import type { ButtonRow } from "../render/discord/payload.ts";
import { renderAnswerPage } from "../render/discord/render-answer-page.ts";
import type { Context } from "./context.ts";
import { withSourceCounts } from "./show-sources.ts";

/** An answer whose pages can still be turned. */
export interface StoredAnswer {
  view: AnswerView;
  /** Rows that stay under every page (the feedback buttons). */
  extraRows: ButtonRow[];
}

export interface AnswerPagesOptions {
  clock: Clock;
  maxEntries?: number;
  ttlMs?: number;
}

export type AnswerPages = KeyedMemory<StoredAnswer>;

/**
 * Recent answers by short key, for the "More" / "Previous" buttons: a question (up to 300 characters)
 * cannot ride in a 100-character custom id, and re-running a search on every click could give a
 * different page than the one the member is reading if knowledge changed meanwhile.
 *
 * 15 minutes matches how long Discord lets the bot edit an answer through its interaction token;
 * 500 answers of a few kilobytes each bound the memory to a few megabytes.
 */
export function createAnswerPages(options: AnswerPagesOptions): AnswerPages {
  return new ButtonMemory({
    clock: options.clock,
    maxEntries: options.maxEntries ?? 500,
    ttlMs: options.ttlMs ?? 15 * 60_000,
  });
}

/**
 * Replies with the first page of an answer, privately when the member set `private`, with how much
 * each result cites for its "Sources" button. Only answers with more than one page are remembered for
 * the "More" / "Previous" buttons, so one-page answers cost the cache nothing.
 */
export async function replyWithAnswer(
  interaction: ChatInputCommandInteraction,
  ctx: Pick<Context, "dossier" | "pages">,
  answered: AnswerView,
  extraRows: ButtonRow[] = [],
  files: readonly ReplyFile[] = [],
): Promise<void> {
  const view = withSourceCounts(answered, ctx.dossier, interaction.guildId);
  const ephemeral = readPrivate(interaction);
  const paging = pageCountOf(view) > 1 ? { key: await ctx.pages.remember({ view, extraRows }) } : undefined;
  await sendReply(interaction, renderAnswerPage(view, 0, paging, extraRows), { ephemeral, files });
}

/**
 * Draws an answer's first page as /ask replies with it, for the warm-up (see warmUpInBackground), so
 * that V8 has optimized the drawing as well as the answering before members ask: a bot restarted
 * under 200 interactions a second answered about fifty of its first second's 30–55 ms late without
 * it, and seven to sixteen with it.
 */
export function drawnForWarmUp(dossier: Dossier): (question: string, answer: Answer) => void {
  return (question, answer) => {
    const view = withSourceCounts({ kind: "ask", question, answer }, dossier, null);
    renderAnswerPage(view, 0, pageCountOf(view) > 1 ? { key: "warm-up" } : undefined);
  };
}
