import type { Answer } from "../answer.ts";
import type { DossierIndexes } from "../dossier-indexes.ts";
import { personResult, quoteResult } from "../excerpts/entry-results.ts";
import { findPerson } from "./find-person.ts";
import { NO_TERMS } from "./topic-search.ts";

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
  return { confident: true, results: [personResult(library, person, NO_TERMS), ...quotes] };
}
