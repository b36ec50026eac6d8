import type { Answer, AnswerResult } from "../../answer/types.ts";

/**
 * What a paged answer message shows: the command's answer plus the words the member typed, which the
 * header repeats. Kept in the bot's recent-answers cache so "More" and "Previous" can re-render any page.
 */
export type AnswerView =
  | { kind: "ask"; question: string; answer: Answer }
  | { kind: "demand"; topic?: string; answer: Answer }
  | { kind: "quote"; speaker?: string; topic?: string; answer: Answer }
  | { kind: "timeline"; from?: string; to?: string; topic?: string; answer: Answer }
  | { kind: "who"; person: string; answer: Answer };

export type AnswerViewKind = AnswerView["kind"];

/**
 * Items per page. An /ask result is an embed of its own (three fit Discord's 6,000-character budget
 * with room for their excerpts); a demand fills an embed alone with its labelled sections; quotes and
 * events are compact enough to list several in one embed. /who pages through the person's quotations,
 * with the person's own card on every page.
 */
export const PAGE_SIZE: Record<AnswerViewKind, number> = {
  ask: 3,
  demand: 1,
  quote: 4,
  timeline: 8,
  who: 3,
};

export const NOT_COVERED_NOTE = "The articles don't seem to cover that — closest passages:";

/** The note goes above the closest matches; with no matches at all there is nothing for it to introduce. */
export function coverageNote(answer: Answer): string | undefined {
  return answer.confident || answer.results.length === 0 ? undefined : NOT_COVERED_NOTE;
}

/** What the pages are made of: the results, except on /who where the person heads every page. */
export function pagedItems(view: AnswerView): AnswerResult[] {
  if (view.kind === "who") return view.answer.results.filter((result) => result.kind !== "person");
  return view.answer.results;
}

export function pageCountOf(view: AnswerView): number {
  return Math.max(1, Math.ceil(pagedItems(view).length / PAGE_SIZE[view.kind]));
}
