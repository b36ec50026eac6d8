import type { TimelineEvent } from "../../knowledge/schema.ts";
import { type DateSpan, readDateBound, spanOfDate } from "../../text/partial-date.ts";
import { UserError } from "../../user-error.ts";
import type { Answer } from "../answer.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { eventResult } from "../excerpts/entry-results.ts";
import { NO_TERMS, searchTopic } from "./topic-search.ts";

/**
 * Whether an event may fall within [from, to]. An event known only to the year or month is kept when
 * its span overlaps the range: "Russia masses troops (2021)" may well belong to "from 2021-06", and
 * hiding it would be a worse mistake than showing it with its own, coarser date.
 */
function overlaps(event: TimelineEvent, from: DateSpan | undefined, to: DateSpan | undefined): boolean {
  const span = spanOfDate(event.date);
  if (!span) return false;
  return (from === undefined || span.last >= from.first) && (to === undefined || span.first <= to.last);
}

const given = (value: string | undefined) => value !== undefined && value.trim() !== "";

/** Dated events, oldest first (a year before its months, as in timeline.yaml), within a range and topic. */
export function listTimeline(
  indexes: DossierIndexes,
  filter: { from?: string; to?: string; topic?: string },
): Answer {
  const from = given(filter.from) ? readDateBound(filter.from ?? "", "from") : undefined;
  const to = given(filter.to) ? readDateBound(filter.to ?? "", "to") : undefined;
  if (from && to && from.first > to.last) {
    throw new UserError(
      "dates-reversed",
      `"from" (${filter.from?.trim()}) is after "to" (${filter.to?.trim()}): swap them.`,
    );
  }
  const inRange = indexes.corpus.timeline.filter((event) => overlaps(event, from, to));
  const order = new Map(indexes.corpus.timeline.map((event, index) => [event.id, index]));
  const chronological = (events: TimelineEvent[]) =>
    [...events].sort(
      (a, b) => a.date.localeCompare(b.date) || (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0),
    );

  if (!given(filter.topic)) {
    const results = chronological(inRange).map((event) => eventResult(indexes.library, event, NO_TERMS, 1));
    return { confident: results.length > 0, results };
  }
  const { matches, near, terms } = searchTopic(indexes, filter.topic ?? "", "event");
  const allowed = new Set(inRange.map((event) => event.id));
  const pick = (hits: typeof matches) =>
    hits.flatMap((hit) => {
      const event = indexes.events.get(hit.ref);
      return event && allowed.has(event.id) ? [{ event, score: hit.relevance }] : [];
    });
  const found = pick(matches);
  const chosen = found.length > 0 ? found : pick(near);
  const scores = new Map(chosen.map(({ event, score }) => [event.id, score]));
  const results = chronological(chosen.map(({ event }) => event)).map((event) =>
    eventResult(indexes.library, event, terms, scores.get(event.id) ?? 0),
  );
  return { confident: found.length > 0, results };
}
