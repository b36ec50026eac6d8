import type { SynonymGroup } from "../knowledge/schema.ts";
import { type AnalyzedWord, analyzeWords } from "./analyzed-word.ts";
import { buildQueryPlan, type QueryPlan, stemsOf } from "./query-plan.ts";
import { createSynonymTable, type SynonymTable } from "./synonym-table.ts";

/**
 * The one analyzer for documents and questions: fold (NFKC, diacritics, quote style, case) →
 * words → stop words → Porter stems → synonyms.
 *
 * Synonyms are expanded at query time, not index time: the index then holds only what a passage
 * says, so an exact word outranks its synonym (expansions carry a lower weight), and a guild's own
 * entries are indexed without knowing the synonym list. The one thing indexing adds is a joined term
 * for each multi-word synonym a passage contains ("unit_state" for "United States"), which lets a
 * question saying "U.S." reach it as a single term rather than through "united" and "states" apart.
 */
export interface Analyzer {
  readonly synonyms: SynonymTable;
  /** Every word with its range in `text`; for highlighting. */
  words(text: string): AnalyzedWord[];
  /** The terms a document field is indexed under. */
  indexTerms(text: string): string[];
  /** What to search for: the question's own terms, then their synonyms at a lower weight. */
  query(text: string, options?: { prefixLastWord?: boolean }): QueryPlan;
}

export function createAnalyzer(synonymGroups: ReadonlyArray<SynonymGroup>): Analyzer {
  const synonyms = createSynonymTable(synonymGroups);
  return {
    synonyms,
    words: analyzeWords,
    indexTerms(text) {
      const words = analyzeWords(text);
      const terms: string[] = [];
      for (const word of words) if (!word.stop) terms.push(word.stem);
      for (const match of synonyms.find(stemsOf(words))) {
        if (match.lastWord > match.firstWord) terms.push(match.key);
      }
      return terms;
    },
    query(text, options = {}) {
      return buildQueryPlan(analyzeWords(text), synonyms, {
        prefixLastWord: options.prefixLastWord === true && /[\p{L}\p{N}]$/u.test(text),
      });
    },
  };
}
