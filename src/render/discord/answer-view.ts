import type { Answer, AnswerResult } from "../../answer/answer.ts";
import { NOT_COVERED_MESSAGE, notCoveredMessage } from "../../answer/dossier.ts";
import { escapeText } from "./escape.ts";

/**
 * What a paged answer message shows: the command's answer plus the words the member typed, which the
 * header repeats. Kept in the bot's recent-answers cache so "More" and "Previous" can re-render any page.
 * `sourceCounts` says how much evidence each result's entry has in all (by `sourcesKey`), for the
 * "Sources (N)" buttons; `serverName` names the server in its moderators' answers.
 */
export type AnswerView = (
  | { kind: "ask"; question: string; answer: Answer; serverName?: string }
  | { kind: "demand"; topic?: string; answer: Answer; menu?: readonly DemandChoice[] }
  | { kind: "quote"; speaker?: string; topic?: string; answer: Answer }
  | { kind: "timeline"; from?: string; to?: string; topic?: string; answer: Answer }
  | { kind: "who"; person: string; answer: Answer }
) & { sourceCounts?: ReadonlyMap<string, number> };

/** A demand in the /demand picker. */
export interface DemandChoice {
  id: string;
  title: string;
}

export const sourcesKey = (result: AnswerResult) => `${result.kind}:${result.id}`;

export type AnswerViewKind = AnswerView["kind"];

/**
 * Items per page, so that a page reads at a glance (under 2,000 characters of embed text). An /ask
 * result is a card of its own; /demand shows one demand (or the list to pick from); quotes and events
 * are listed several to an embed. /who pages through the person's quotations, with the person's own
 * card on every page.
 */
export const PAGE_SIZE: Record<AnswerViewKind, number> = {
  ask: 3,
  demand: 1,
  quote: 4,
  timeline: 5,
  who: 3,
};

/** Embed text a page may use in all: what a member takes in at a glance. */
export const PAGE_BUDGET = 1900;

export const NOT_COVERED_NOTE = `${NOT_COVERED_MESSAGE} — closest passages:`;

/**
 * The note goes above the closest matches, or above the other articles' answer to a question asked
 * of one; with no matches at all there is nothing for it to introduce.
 */
export function coverageNote(answer: Answer): string | undefined {
  if (answer.confident || answer.results.length === 0) return undefined;
  if (answer.notCoveredBy === undefined) return NOT_COVERED_NOTE;
  return `${escapeText(notCoveredMessage(answer))} — the other articles:`;
}

/** What the pages are made of: the results, except on /who where the person heads every page. */
export function pagedItems(view: AnswerView): AnswerResult[] {
  if (view.kind === "who") return view.answer.results.filter((result) => result.kind !== "person");
  return view.answer.results;
}

/** /demand is one page: the list to pick from, or one demand's card (the picker changes it). */
export function pageCountOf(view: AnswerView): number {
  if (view.kind === "demand") return 1;
  return Math.max(1, Math.ceil(pagedItems(view).length / PAGE_SIZE[view.kind]));
}
