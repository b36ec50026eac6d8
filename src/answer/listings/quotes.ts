import type { Quote } from "../../knowledge/schema.ts";
import { UserError } from "../../user-error.ts";
import type { Answer, AnswerResult } from "../answer.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { quoteResult } from "../excerpts/entry-results.ts";
import { findPerson } from "./find-person.ts";
import { NO_TERMS, searchTopic } from "./topic-search.ts";

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
