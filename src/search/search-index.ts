import MiniSearch, { type SearchResult } from "minisearch";
import type { Corpus } from "../knowledge/corpus.ts";
import type { QaEntry } from "../knowledge/schema.ts";
import type { Analyzer } from "./analyzer.ts";
import { coverageMeter } from "./coverage.ts";
import type { QueryPlan } from "./query-plan.ts";
import {
  corpusDocuments,
  FIELD_BOOSTS,
  qaDocument,
  qaDocumentId,
  SEARCH_FIELDS,
  type SearchDocument,
  type SearchKind,
  STORED_FIELDS,
  type StoredFields,
} from "./search-documents.ts";
import { PHRASE_JOINER } from "./synonym-table.ts";
import { createTermStatistics, type TermStatistics } from "./term-statistics.ts";
import { isPlausibleCorrection, typoEdits } from "./typos.ts";

export interface SearchFilter {
  kinds?: ReadonlyArray<SearchKind>;
  guildId?: string;
  article?: string;
}

export interface SearchHit extends StoredFields {
  score: number;
  /** Share of the question's words (weighted by how telling they are) this document matches. */
  coverage: number;
  /** Document terms that matched, including typo and prefix completions: for highlighting. */
  matchedTerms: string[];
}

export interface SearchIndex {
  readonly analyzer: Analyzer;
  readonly statistics: TermStatistics;
  search(plan: QueryPlan, filter?: SearchFilter): SearchHit[];
  upsertGuildQa(guildId: string, entry: QaEntry): void;
  removeGuildQa(guildId: string, entryId: string): void;
}

/** The fields stored with every document (see search-documents.ts), read back from a result. */
function storedOf(result: SearchResult): StoredFields {
  const { kind, ref, guildId, articles } = result;
  return { kind, ref, ...(typeof guildId === "string" ? { guildId } : {}), articles };
}

function visible(result: SearchResult, filter: SearchFilter): boolean {
  const stored = storedOf(result);
  if (filter.kinds && !filter.kinds.includes(stored.kind)) return false;
  if (stored.guildId !== undefined && stored.guildId !== filter.guildId) return false;
  return filter.article === undefined || stored.articles.includes(filter.article);
}

/** MiniSearch over the five kinds of document; built once, then one entry at a time. */
export function createSearchIndex(corpus: Corpus, analyzer: Analyzer): SearchIndex {
  // Each field is analysed once at start, for the index and for the term statistics alike.
  const analysed = new Map<string, string[]>();
  const indexTerms = (text: string) => {
    const known = analysed.get(text);
    if (known) return known;
    const terms = analyzer.indexTerms(text);
    analysed.set(text, terms);
    return terms;
  };
  const miniSearch = new MiniSearch<SearchDocument>({
    fields: SEARCH_FIELDS,
    storeFields: STORED_FIELDS,
    tokenize: (text) => indexTerms(text),
    processTerm: (term) => term,
  });
  const documents = corpusDocuments(corpus);
  miniSearch.addAll(documents);
  const statistics = createTermStatistics(indexTerms, documents, SEARCH_FIELDS);
  analysed.clear();

  return {
    analyzer,
    statistics,
    search(plan, filter = {}) {
      if (plan.terms.length === 0) return [];
      const terms = plan.terms.map((term) => term.term);
      const unknown = plan.terms.map(
        (term) => term.original && !statistics.known(term.term) && !term.term.includes(PHRASE_JOINER),
      );
      const weights = plan.words.map((word) => statistics.wordWeight(word));
      const edits = plan.terms.map((term, i) =>
        unknown[i]
          ? typoEdits(
              term.term,
              term.words.some((w) => plan.words[w]?.capitalized),
            )
          : 0,
      );
      const coverageOf = coverageMeter(plan, weights, edits);
      const results = miniSearch.search(terms.join(" "), {
        tokenize: () => terms,
        processTerm: (term) => term,
        boost: FIELD_BOOSTS,
        boostTerm: (_term, i) => plan.terms[i]?.weight ?? 1,
        fuzzy: (_term, i) => (edits[i] ? edits[i] : false),
        prefix: (_term, i) => plan.terms[i]?.prefix === true,
        filter: (result) => visible(result, filter),
      });
      const planned = new Set(terms);
      const typed = plan.terms.filter((_term, i) => (edits[i] ?? 0) > 0).map((term) => term.term);
      const prefixes = plan.terms.filter((term) => term.prefix).map((term) => term.term);
      // Only believable completions and corrections are worth highlighting ("stoltenberg", not "hope").
      // The same document terms recur across hits: each is judged once per search.
      const judged = new Map<string, boolean>();
      const meant = (indexed: string) => {
        let verdict = judged.get(indexed);
        if (verdict === undefined) {
          verdict =
            planned.has(indexed) ||
            prefixes.some((prefix) => indexed.startsWith(prefix)) ||
            typed.some((word) => isPlausibleCorrection(word, indexed, true));
          judged.set(indexed, verdict);
        }
        return verdict;
      };
      return results.map((result) => {
        return {
          ...storedOf(result),
          score: result.score,
          coverage: coverageOf({ queryTerms: result.queryTerms, documentTerms: result.terms }),
          matchedTerms: result.terms.filter(meant),
        };
      });
    },
    upsertGuildQa(guildId, entry) {
      const document = qaDocument(entry, guildId);
      if (miniSearch.has(document.id)) miniSearch.replace(document);
      else miniSearch.add(document);
      statistics.learn(SEARCH_FIELDS.flatMap((field) => analyzer.indexTerms(String(document[field] ?? ""))));
    },
    removeGuildQa(guildId, entryId) {
      const id = qaDocumentId(entryId, guildId);
      if (miniSearch.has(id)) miniSearch.discard(id);
    },
  };
}
