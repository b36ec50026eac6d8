import type { Person, Quote, TimelineEvent } from "../../knowledge/schema.ts";
import { passageRef, type SearchKind } from "../../search/search-documents.ts";
import { type DateSpan, readDateBound, spanOfDate } from "../../text/partial-date.ts";
import { UserError } from "../../user-error.ts";
import { type Answer, type AnswerResult, type Excerpt, paragraphOf } from "../answer.ts";
import { CONFIDENT_COVERAGE, type RankedHit, rankHits } from "../ask/ranking.ts";
import { readQuestion } from "../ask/read-question.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { demandResult, eventResult, personResult, quoteResult } from "../excerpts/entry-results.ts";
import { orderExcerpts } from "../excerpts/order-excerpts.ts";
import { NO_TERMS, type RelevantTerms, relevantTerms } from "../excerpts/relevant-terms.ts";
import { findPerson } from "./find-person.ts";
import { foldName } from "./name-match.ts";

// The listings: /timeline, /demand, /quote and /who list curated entries (timeline.yaml,
// demands.yaml, quotes.yaml, people.yaml), where `ask` searches everything the dossier holds.

interface TopicHits {
  /** Hits that cover the topic well, best first. */
  matches: RankedHit[];
  /** The best of the rest, offered when nothing matches. */
  near: RankedHit[];
  terms: RelevantTerms;
}

/** The entries of one kind about a topic typed by a member ("missiles", "Minsk", "no-nato-enlargement"). */
function searchTopic(indexes: DossierIndexes, topic: string, kind: SearchKind): TopicHits {
  const { analyzer, statistics } = indexes.index;
  const plan = analyzer.query(readQuestion(topic));
  const hits = rankHits(indexes.index.search(plan, { kinds: [kind] }));
  return {
    matches: hits.filter((hit) => hit.coverage >= CONFIDENT_COVERAGE),
    near: hits.slice(0, 3),
    terms: relevantTerms(plan, hits, statistics),
  };
}

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

/** All demands in their curated order, or those about a topic or with that id. */
export function listDemands(indexes: DossierIndexes, topic?: string): Answer {
  const { library, corpus } = indexes;
  if (topic === undefined || topic.trim() === "") {
    return { confident: true, results: corpus.demands.map((d) => demandResult(library, d, NO_TERMS, 1)) };
  }
  const byId = corpus.demands.find((demand) => foldName(demand.id) === foldName(topic));
  if (byId) return { confident: true, results: [demandResult(library, byId, NO_TERMS, 1)] };
  const { matches, near, terms } = searchTopic(indexes, topic, "demand");
  const confident = matches.length > 0;
  // Each part of a demand leads with the passage about the topic ("georgia": the Post's ¶37, which
  // names Georgia, before NPR's ¶4, which names only Ukraine).
  const topicFirst = (excerpts: Excerpt[]) =>
    orderExcerpts(
      { kind: "demand", id: "", excerpts, score: 0 },
      terms,
      indexes.index.analyzer.indexTerms,
      excerpts.length,
    ).excerpts;
  const results = (confident ? matches : near).flatMap((hit) => {
    const demand = indexes.demands.get(hit.ref);
    if (!demand) return [];
    const result = demandResult(library, demand, terms, hit.relevance);
    const sections = result.sections?.map((section) => ({
      ...section,
      excerpts: topicFirst(section.excerpts),
    }));
    return [{ ...result, excerpts: topicFirst(result.excerpts), ...(sections && { sections }) }];
  });
  return { confident, results };
}

/** Quotations, by speaker (id, name or alias, typos allowed) and/or about a topic. */
export function listQuotes(indexes: DossierIndexes, filter: { speaker?: string; topic?: string }): Answer {
  const { corpus, library, people } = indexes;
  let quotes: ReadonlyArray<Quote> = corpus.quotes;
  if (filter.speaker !== undefined && filter.speaker.trim() !== "") {
    const quoted = new Set(corpus.quotes.map((quote) => quote.speaker));
    const person = findPerson(corpus.people, filter.speaker, "speaker");
    if (!quoted.has(person.id)) {
      throw new UserError(
        "not-quoted",
        `The articles mention ${person.name} but quote none of their words; try /who ${person.name}.`,
      );
    }
    quotes = corpus.quotes.filter((quote) => quote.speaker === person.id);
  }
  const toResult = (quote: Quote, terms = NO_TERMS, score = 1): AnswerResult =>
    quoteResult(library, quote, people.get(quote.speaker), terms, score);

  if (filter.topic === undefined || filter.topic.trim() === "") {
    return { confident: true, results: quotes.map((quote) => toResult(quote)) };
  }
  const allowed = new Set(quotes.map((quote) => quote.id));
  const { matches, near, terms } = searchTopic(indexes, filter.topic, "quote");
  const found = matches.filter((hit) => allowed.has(hit.ref));
  if (found.length > 0) {
    return {
      confident: true,
      results: found.flatMap((hit) => {
        const quote = indexes.quotes.get(hit.ref);
        return quote ? [toResult(quote, terms, hit.relevance)] : [];
      }),
    };
  }
  // Nothing on that topic: the speaker's quotes (or the nearest quotes) are offered instead.
  const offered =
    quotes.length < corpus.quotes.length
      ? quotes
      : near.flatMap((hit) => {
          const quote = indexes.quotes.get(hit.ref);
          return quote ? [quote] : [];
        });
  return { confident: false, results: offered.map((quote) => toResult(quote, terms)) };
}

/**
 * A person: role, aliases and where the articles introduce them, then each of their quotations.
 * Like the other listings (and unlike `ask`), two quotations from one paragraph are both listed:
 * they are different words, not the same evidence twice.
 */
export function describePerson(indexes: DossierIndexes, typed: string): Answer {
  const { corpus, library } = indexes;
  const person = findPerson(corpus.people, typed, "person");
  const quotes = corpus.quotes
    .filter((quote) => quote.speaker === person.id)
    .map((quote) => quoteResult(library, quote, person, NO_TERMS, 1));
  return { confident: true, results: [personCard(indexes, person), ...quotes] };
}

/** Who someone is: their role, and where the articles introduce them (or their article's credits). */
export function personCard(indexes: DossierIndexes, person: Person): AnswerResult {
  const { corpus, library } = indexes;
  // The card shows who they are by name from a paragraph their quotations do not show again, when
  // one does ("Ryabkov, amplified the pressure…", not his words the next card quotes).
  const quoted = new Set(
    corpus.quotes
      .filter((quote) => quote.speaker === person.id)
      .map((quote) => passageRef(quote.citation.article, quote.citation.paragraph)),
  );
  const names = [person.name, ...person.aliases].map((name) => name.toLocaleLowerCase("en"));
  const card = personResult(library, person, NO_TERMS);
  const introduces = card.excerpts.find(
    (excerpt) =>
      !quoted.has(paragraphOf(excerpt)) &&
      names.some((name) => excerpt.text.toLocaleLowerCase("en").includes(name)),
  );
  const excerpts = introduces
    ? [introduces, ...card.excerpts.filter((e) => e !== introduces)]
    : card.excerpts;
  // A writer is introduced by what their article says of them, word for word ("DMITRI TRENIN is
  // Director of the Carnegie Moscow Center."): no paragraph does.
  const credited = corpus.articles
    .filter((article) => article.duplicateOf === undefined)
    .flatMap((article) =>
      (article.credits ?? [])
        .filter((line) => names.some((name) => line.toLocaleLowerCase("en").includes(name)))
        .map((line) => `${article.outlet ?? article.title}, of its writers: “${line}”`),
    );
  const summary = [card.summary, ...credited].filter((part) => part !== undefined).join("\n");
  return { ...card, summary, excerpts };
}
