import type { AnswerContext } from "./answer-context.ts";
import { demandResult, eventResult, passageResult, qaResult, quoteResult } from "./entry-results.ts";
import type { RankedHit } from "./ranking.ts";
import type { RelevantTerms } from "./relevant-terms.ts";
import type { AnswerResult } from "./types.ts";

/** The knowledge entry behind a search hit, as a result; undefined if it vanished meanwhile. */
export function resultOfHit(
  context: AnswerContext,
  hit: RankedHit,
  terms: RelevantTerms,
): AnswerResult | undefined {
  const { library } = context;
  const score = hit.relevance;
  switch (hit.kind) {
    case "passage": {
      const passage = library.get(hit.ref);
      return passage && passageResult(passage, terms, score);
    }
    case "qa": {
      const entry =
        hit.guildId === undefined ? context.qa.get(hit.ref) : context.guildQa.get(hit.guildId)?.get(hit.ref);
      return entry && qaResult(library, entry, terms, score);
    }
    case "quote": {
      const quote = context.quotes.get(hit.ref);
      return quote && quoteResult(library, quote, context.people.get(quote.speaker), terms, score);
    }
    case "event": {
      const event = context.events.get(hit.ref);
      return event && eventResult(library, event, terms, score);
    }
    case "demand": {
      const demand = context.demands.get(hit.ref);
      return demand && demandResult(library, demand, terms, score, false);
    }
  }
}
