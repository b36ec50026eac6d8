import type { Corpus } from "../knowledge/corpus.ts";
import { highestCosine } from "../knowledge/row-scan.ts";
import type { QaEntry } from "../knowledge/schema.ts";
import { rowCosines } from "../knowledge/word-vectors.ts";
import type { Analyzer } from "./analyzer.ts";
import { coverageMeter, termCredits } from "./coverage.ts";
import { type AnalysedDocument, analyseDocument } from "./document-terms.ts";
import { createInvertedIndex } from "./inverted-index.ts";
import { matchedTermsOf } from "./matched-terms.ts";
import { type PackedSets, Phrasings, WordingIndex, Wordings } from "./phrasings.ts";
import { type QueryPlan, stemsOf, typedOf } from "./query-plan.ts";
import { createQueryScorer, type ScoredTerm } from "./query-scorer.ts";
import {
  corpusDocuments,
  FIELD_BOOSTS,
  qaDocument,
  qaDocumentId,
  SEARCH_FIELDS,
  type SearchDocument,
  type SearchKind,
  type StoredFields,
} from "./search-documents.ts";
import { reusedArray, type SearchMatches, searchMatches } from "./search-matches.ts";
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
  /** Cosine of the question's and the document's embeddings (0 without word vectors). */
  similarity: number;
  /** The largest share of the question's weighted words one way of asking for it has (0…1). */
  phrasing: number;
  /** That way of asking's index terms (none when no way of asking shares a word). */
  closestWay: ReadonlyArray<string>;
}

export interface SearchIndex {
  readonly analyzer: Analyzer;
  readonly statistics: TermStatistics;
  /** Every matching document as a hit, best score first: for searches of a few documents. */
  search(plan: QueryPlan, filter?: SearchFilter): SearchHit[];
  /** The matching documents, scored; hits are built only for those read (see search-matches.ts). */
  match(plan: QueryPlan, filter?: SearchFilter): SearchMatches;
  /**
   * Embeds up to `count` documents not yet embedded (a question embeds those it reaches as it goes);
   * whether any are left. For the warm-up: start-up leaves the embeddings to it.
   */
  embedPending(count: number): boolean;
  upsertGuildQa(guildId: string, entry: QaEntry): void;
  removeGuildQa(guildId: string, entryId: string): void;
}

function storedOf(document: SearchDocument): StoredFields {
  const { kind, ref, guildId, articles } = document;
  return { kind, ref, ...(typeof guildId === "string" ? { guildId } : {}), articles };
}

/** The not-covered questions: each embedded, all encoded word for word, and found by content word. */
interface UnansweredQuestions {
  /** Their embeddings, one row each (rows of questions without one are left at 0). */
  embeddings: Float32Array;
  /** 1 where a question has an embedding. */
  embedded: Uint8Array;
  wordings: WordingIndex;
  /** By content word (stem), the questions holding it. */
  holding: Map<string, number[]>;
  /** How many content words (distinct stems) each question has. */
  contentWords: Int32Array;
  /** Scratch for one search: content words each question shares with it, and which share any. */
  shared: Int32Array;
  sharing: Int32Array;
}

function readUnanswered(questions: ReadonlyArray<string>, analyzer: Analyzer): UnansweredQuestions {
  const holding = new Map<string, number[]>();
  const contentWords = new Int32Array(questions.length);
  const words = questions.map((question) => analyzer.words(question));
  words.forEach((analysed, at) => {
    for (const word of analysed) {
      if (word.stop) continue;
      const holders = holding.get(word.stem);
      if (holders?.at(-1) === at) continue;
      if (holders) holders.push(at);
      else holding.set(word.stem, [at]);
      contentWords[at] = (contentWords[at] as number) + 1;
    }
  });
  const each = questions.map((question, at) => analyzer.semantic?.embed(question, words[at]));
  const dimensions = each.find((embedding) => embedding !== undefined)?.length ?? 0;
  const embeddings = new Float32Array(questions.length * dimensions);
  const embedded = new Uint8Array(questions.length);
  each.forEach((embedding, at) => {
    if (embedding === undefined) return;
    embeddings.set(embedding, at * dimensions);
    embedded[at] = 1;
  });
  return {
    embeddings,
    embedded,
    wordings: new WordingIndex(words.map(stemsOf)),
    holding,
    contentWords,
    shared: new Int32Array(questions.length),
    sharing: new Int32Array(questions.length),
  };
}

/**
 * Matches reranked by closeness of meaning, phrasing and neighbours (with their neighbours): three
 * times what an answer shows. On the tuned sets 10, 15 and 30 rank alike (and 30 as 100 did); 6
 * loses answers. 15 keeps a margin and takes a seventh less time per question than 30.
 */
const RERANKED = 15;

/** The strengths strongestMatches weighs, read only within it. */
const lexicalBuffer = reusedArray((length) => new Float64Array(length));

/**
 * The indexes of the (about) `count` matches ranking highest on words alone: every match at least
 * as strong as the `count`-th strongest, found with a heap of the strongest so far (at a hundred
 * times the articles, sorting every match's strength took a twelfth of an answer).
 */
function strongestMatches(scores: Float64Array, coverages: Float64Array, count: number): number[] {
  const lexical = lexicalBuffer(scores.length);
  for (let i = 0; i < lexical.length; i++) {
    const coverage = coverages[i] as number;
    lexical[i] = (scores[i] as number) * coverage * coverage;
  }
  const threshold = lexical.length <= count ? -Infinity : countthLargest(lexical, count);
  // Pushed in a loop: the keys' iterator made an object per match.
  const strongest: number[] = [];
  for (let i = 0; i < lexical.length; i++) if ((lexical[i] as number) >= threshold) strongest.push(i);
  return strongest;
}

/** The `count`-th largest of `values` (count ≤ values.length), kept in a min-heap of the largest. */
function countthLargest(values: Float64Array, count: number): number {
  const heap = values.slice(0, count).sort();
  const siftDown = () => {
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let least = at;
      if (left < count && (heap[left] as number) < (heap[least] as number)) least = left;
      if (right < count && (heap[right] as number) < (heap[least] as number)) least = right;
      if (least === at) return;
      const value = heap[at] as number;
      heap[at] = heap[least] as number;
      heap[least] = value;
      at = least;
    }
  };
  // An ascending array is a min-heap already.
  for (let i = count; i < values.length; i++) {
    const value = values[i] as number;
    if (value > (heap[0] as number)) {
      heap[0] = value;
      siftDown();
    }
  }
  return heap[0] as number;
}

/** The numbers in either of two ascending lists, ascending, each once. */
function unionOfAscending(a: ReadonlyArray<number>, b: ReadonlyArray<number>): number[] {
  const union: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Infinity;
    const y = j < b.length ? (b[j] as number) : Infinity;
    union.push(Math.min(x, y));
    if (x <= y) i++;
    if (y <= x) j++;
  }
  return union;
}

/**
 * What a neighbour's words are worth to a passage: less than its own, by this share of the question.
 * Re-swept with the 26-phrasing bank and the not-covered list: 0.2 answers one more question of the
 * tuned sets than 0.3, hit@1 and hit@3 unchanged; 0.15 and below lose first cards.
 */
const NEIGHBOUR_COVERAGE_LOSS = 0.2;
/** A hit whose ways of asking share no word with the question (or which has none): no closest one. */
const NO_CLOSEST_WAY: ReadonlyArray<string> = [];

const FIELD_BOOST_LIST = SEARCH_FIELDS.map((field) => FIELD_BOOSTS[field as keyof typeof FIELD_BOOSTS]);

/**
 * The five kinds of document in one index, scored as MiniSearch scores them (BM25+, field boosts,
 * prefix and typo expansion), built once, then one guild entry at a time.
 */
/**
 * `analyse`: how each of the corpus's documents is analysed, in order (corpusDocuments): a restart
 * reads the analyses it kept (see create-dossier.ts).
 */
export function createSearchIndex(
  corpus: Corpus,
  analyzer: Analyzer,
  analyse: (document: SearchDocument) => AnalysedDocument = (document) => analyseDocument(document, analyzer),
): SearchIndex {
  const index = createInvertedIndex(SEARCH_FIELDS.length);
  /** Stored fields by document number; undefined once removed. */
  const stored: Array<StoredFields | undefined> = [];
  /**
   * Their kinds and guilds, apart (undefined once removed): a search reads them for every match, and
   * at a hundred times the articles reaching each stored object for them was a quarter of scoring
   * and a good part of ranking.
   */
  const kinds: Array<SearchKind | undefined> = [];
  const guilds: Array<string | undefined> = [];
  /** Whether a document is one a search with `filter` may find. */
  const visibleWith =
    (filter: SearchFilter) =>
    (doc: number): boolean => {
      const kind = kinds[doc];
      if (kind === undefined) return false;
      if (filter.kinds && !filter.kinds.includes(kind)) return false;
      const guild = guilds[doc];
      if (guild !== undefined && guild !== filter.guildId) return false;
      return filter.article === undefined || (stored[doc]?.articles.includes(filter.article) ?? false);
    };
  /**
   * Each document's embeddings, over all its fields and of each way of asking (see embeddingOf);
   * empty without word vectors.
   */
  const vectors: Array<Float32Array | undefined> = [];
  /**
   * What each document not yet embedded would be embedded from. Embedding every document took a
   * fifth of building the index, and no question needs all of them: the first questions embed the
   * documents they reach, and the warm-up the rest (embedPending), after start-up.
   */
  const unembedded = new Map<number, { whole: string; ways: string[] }>();
  /** Each document's ways of asking (bank questions, a Q&A's wordings), as sets of index terms. */
  const phrasings = new Phrasings();
  const phrasingTerms: Array<PackedSets | undefined> = [];
  /** And as sets of words, stop words included. */
  const wordings = new Wordings();
  const wordingsOf: Array<PackedSets | undefined> = [];
  const numbers = new Map<string, number>();
  const statistics = createTermStatistics();
  const add = (
    document: SearchDocument,
    removable: boolean,
    analysis: AnalysedDocument = analyseDocument(document, analyzer),
  ) => {
    const { fields, ways, wayTerms, wayWords, terms, spelled } = analysis;
    const doc = index.add(fields, { removable });
    stored[doc] = storedOf(document);
    kinds[doc] = document.kind;
    guilds[doc] = typeof document.guildId === "string" ? document.guildId : undefined;
    phrasingTerms[doc] = phrasings.encode(wayTerms);
    wordingsOf[doc] = wordings.encodeAll(wayWords);
    if (analyzer.semantic) {
      const whole = SEARCH_FIELDS.map((field) => document[field])
        .filter((value) => typeof value === "string")
        .join("\n");
      unembedded.set(doc, { whole, ways });
    }
    numbers.set(document.id, doc);
    statistics.learn(terms, document.kind, spelled);
  };
  /**
   * A document's embedding and its ways of asking's, end to end in one array (a question reads it in
   * one pass): one close phrasing is a stronger sign than an average over everything it says.
   */
  const embeddingOf = (doc: number): Float32Array | undefined => {
    const pending = unembedded.get(doc);
    if (pending && analyzer.semantic) {
      unembedded.delete(doc);
      const embeddings = analyzer.semantic
        .embedDocument(pending.whole, pending.ways)
        .flatMap((embedding) => embedding ?? []);
      const joined = new Float32Array(embeddings.length * (embeddings[0]?.length ?? 0));
      embeddings.forEach((embedding, i) => {
        joined.set(embedding, i * embedding.length);
      });
      vectors[doc] = joined;
    }
    return vectors[doc];
  };
  const documents = corpusDocuments(corpus);
  for (const document of documents) add(document, false, analyse(document));
  // A passage is read with the paragraphs beside it: a quotation often follows the paragraph that
  // names its speaker, and an answer often runs over two paragraphs.
  const neighbours = new Map<number, number[]>();
  for (const document of documents) {
    if (document.kind !== "passage") continue;
    const [article, n] = document.ref.split("#");
    const beside = [Number(n) - 1, Number(n) + 1].flatMap(
      (m) => numbers.get(`passage:${article}#${m}`) ?? [],
    );
    neighbours.set(numbers.get(document.id) as number, beside);
  }
  index.compact();
  const score = createQueryScorer(index, FIELD_BOOST_LIST);
  // The questions no article answers (knowledge/not-covered.txt), embedded and encoded when first
  // needed (by the warm-up's first confident answer): 30 ms that start-up need not wait for.
  let unanswered: UnansweredQuestions | undefined;
  const unansweredQuestions = () => {
    unanswered ??= readUnanswered(corpus.notCovered, analyzer);
    return unanswered;
  };

  /** A question's cosines with the not-covered questions it is compared with (see nearestUnanswered). */
  const unansweredCosines = reusedArray((length) => new Float64Array(length));
  /** Where each document sits among one question's matches (-1: not matched); reset after use. */
  let positionOf = new Int32Array(0);
  // What a search measures of each match, in arrays every search of this index reuses (see
  // reusedArray): filled anew for each.
  const coveragesBuffer = reusedArray((length) => new Float64Array(length));
  const namedBuffer = reusedArray((length) => new Uint8Array(length));
  const phrasingsBuffer = reusedArray((length) => new Float64Array(length));
  const closestWaysBuffer = reusedArray((length) => new Int32Array(length));
  const similaritiesBuffer = reusedArray((length) => new Float64Array(length));
  const wordingsBuffer = reusedArray((length) => new Float64Array(length));
  const match = (plan: QueryPlan, filter: SearchFilter = {}): SearchMatches => {
    // Weights and flags in typed arrays: one kind of elements for every question, so the meters
    // reading them stay optimized (arrays of numbers changed kind with their values).
    const weights = typedOf(Float64Array, plan.words, (word) => statistics.wordWeight(word));
    // Only words the index does not know are searched through typo corrections (see typos.ts).
    const edits = typedOf(Int32Array, plan.terms, (term) =>
      term.original && !statistics.known(term.term) && !term.term.includes(PHRASE_JOINER)
        ? typoEdits(
            term.term,
            term.words.some((w) => plan.words[w]?.capitalized),
          )
        : 0,
    );
    const terms = plan.terms.map(
      (term, i): ScoredTerm => ({
        term: term.term,
        boost: term.weight,
        prefix: term.prefix,
        edits: edits[i] ?? 0,
        confirmedBy:
          (edits[i] ?? 0) > 0
            ? (indexed: string) => isPlausibleCorrection(term.term, indexed, true)
            : undefined,
      }),
    );
    const scored = score(terms, visibleWith(filter));
    const coverageOf = coverageMeter(
      plan,
      weights,
      termCredits(
        plan,
        typedOf(Uint8Array, plan.terms, (_term, i) => ((edits[i] ?? 0) > 0 ? 1 : 0)),
      ),
    );
    const setCoverages = typedOf(Float64Array, scored.matchedSets, coverageOf);
    const coverages = coveragesBuffer(scored.matchedSet.length);
    for (let i = 0; i < coverages.length; i++)
      coverages[i] = setCoverages[scored.matchedSet[i] as number] ?? 0;
    // Whether each match has every named thing of the question (vacuously, when it names none).
    const nameWeights = typedOf(Float64Array, plan.words, (word) => (word.named ? 1 : 0));
    const nameShare = nameWeights.includes(1)
      ? coverageMeter(plan, nameWeights, new Float64Array(0))
      : () => 1;
    const setNamed = scored.matchedSets.map((set) => nameShare(set) >= 0.999);
    const named = namedBuffer(scored.matchedSet.length);
    for (let i = 0; i < named.length; i++) named[i] = setNamed[scored.matchedSet[i] as number] ? 1 : 0;
    // The rerankers below refine an order, so they run on the strongest matches only: at a hundred
    // times the articles, running them on every match would cost more than the search itself.
    const strongest = strongestMatches(scored.scores, coverages, RERANKED);
    // With a neighbour's words, a passage covers more of the question (its score stays its own:
    // sharing scores pulled whole neighbourhoods up on the development questions).
    if (positionOf.length < stored.length) positionOf = new Int32Array(stored.length * 2).fill(-1);
    for (let i = 0; i < scored.docs.length; i++) positionOf[scored.docs[i] as number] = i;
    // The strongest matches' neighbours too: a quote's paragraph is weak on words alone when the
    // paragraph before it names the speaker, and is reached through it.
    const candidates = new Set(strongest);
    for (const i of strongest)
      for (const beside of neighbours.get(scored.docs[i] as number) ?? []) {
        const j = positionOf[beside] ?? -1;
        if (j >= 0) candidates.add(j);
      }
    // A neighbour's words add to a passage's coverage, not to its names: a person at an event named
    // in the next paragraph ("did jens stoltenberg go to the geneva talks") is not the passage's.
    const unionCoverages = new Map<number, number>();
    const unionCoverageOf = (a: number, b: number) => {
      const key = a * scored.matchedSets.length + b;
      let coverage = unionCoverages.get(key);
      if (coverage === undefined) {
        coverage = coverageOf(unionOfAscending(scored.matchedSets[a] ?? [], scored.matchedSets[b] ?? []));
        unionCoverages.set(key, coverage);
      }
      return coverage;
    };
    const phrasingShares = phrasingsBuffer(scored.docs.length).fill(0);
    const closestWays = closestWaysBuffer(scored.docs.length).fill(-1);
    const similarities = similaritiesBuffer(scored.docs.length).fill(0);
    const question = plan.vector;
    const closestPhrasing = phrasings.meter(plan, weights);
    const closestWording = wordings.meter(plan.wording);
    const wordingShares = wordingsBuffer(scored.docs.length).fill(Number.NaN);
    for (const i of candidates) {
      const doc = scored.docs[i] as number;
      for (const beside of neighbours.get(doc) ?? []) {
        const j = positionOf[beside] ?? -1;
        if (j < 0) continue;
        const together = unionCoverageOf(scored.matchedSet[i] as number, scored.matchedSet[j] as number);
        coverages[i] = Math.max(coverages[i] as number, together - NEIGHBOUR_COVERAGE_LOSS);
      }
      // A document one of whose ways of asking matches the question's words (as a bank question
      // matches "is putin bluffing") ranks above one matching the same words scattered.
      phrasingShares[i] = closestPhrasing.share(phrasingTerms[doc]);
      closestWays[i] = closestPhrasing.closest();
      const ways = question && embeddingOf(doc);
      similarities[i] = question && ways ? highestCosine(question, ways) : 0;
    }
    for (const doc of scored.docs) positionOf[doc] = -1;
    const matchedTerms = matchedTermsOf(plan, edits, scored.expansions);
    const storedAt = (i: number) => stored[scored.docs[i] as number] as StoredFields;
    return searchMatches({
      nearestUnanswered() {
        const known = unansweredQuestions();
        const stems = new Set(plan.words.map((word) => word.stem));
        const wording = known.wordings.closest(plan.wording, [...stems]);
        if (!question) return { similarity: 0, wording };
        // Only those sharing a content word (a tenth of the list): one sharing none is rarely this
        // close, and on the evaluation sets no answer changed. Nor one with every content word of the
        // question and more: it asks for a particular the question does not, though an average of
        // word vectors puts the two close ("how many javelins had the us sent ukraine before those
        // 65 days" is not "how many javelins did the us send", which the Post answers).
        const { shared, sharing } = known;
        let count = 0;
        for (const stem of stems)
          for (const at of known.holding.get(stem) ?? []) {
            if (shared[at] === 0) sharing[count++] = at;
            shared[at] = (shared[at] as number) + 1;
          }
        // The ones to measure are gathered at the front of `sharing`, then measured together, four
        // at a time (see rowCosines): a long question shares a word with hundreds of them.
        let compared = 0;
        for (let k = 0; k < count; k++) {
          const at = sharing[k] as number;
          const common = shared[at] as number;
          shared[at] = 0;
          const narrower = common === stems.size && (known.contentWords[at] as number) > common;
          if (known.embedded[at] === 1 && !narrower) sharing[compared++] = at;
        }
        const cosines = rowCosines(question, known.embeddings, unansweredCosines(compared), {
          rows: sharing,
          count: compared,
        });
        let similarity = 0;
        for (let k = 0; k < compared; k++) similarity = Math.max(similarity, cosines[k] as number);
        return { similarity, wording };
      },
      scores: scored.scores,
      phrasings: phrasingShares,
      coverages,
      similarities,
      named,
      kindOf: (i) => kinds[scored.docs[i] as number] as SearchKind,
      hitOf(i) {
        // Built field by field: an object spread here made V8 keep dead hits alive across collections.
        const { kind, ref, guildId, articles } = storedAt(i);
        const score = scored.scores[i] as number;
        const coverage = coverages[i] as number;
        const terms = matchedTerms(scored.docs[i] as number);
        const similarity = similarities[i] as number;
        const phrasing = phrasingShares[i] as number;
        const ways = phrasingTerms[scored.docs[i] as number];
        const way = closestWays[i] as number;
        const closestWay = ways && way >= 0 ? phrasings.termsOf(ways, way) : NO_CLOSEST_WAY;
        return guildId === undefined
          ? { kind, ref, articles, score, coverage, matchedTerms: terms, similarity, phrasing, closestWay }
          : {
              kind,
              ref,
              guildId,
              articles,
              score,
              coverage,
              matchedTerms: terms,
              similarity,
              phrasing,
              closestWay,
            };
      },
      wordingOf(i) {
        // Asked of the first hits by the ranking, then again of the first few by the answer.
        if (Number.isNaN(wordingShares[i]))
          wordingShares[i] = closestWording(wordingsOf[scored.docs[i] as number]);
        return wordingShares[i] as number;
      },
    });
  };

  /** Removes a document from the index and everything kept of it. */
  const forget = (doc: number) => {
    index.remove(doc);
    stored[doc] = undefined;
    kinds[doc] = undefined;
    guilds[doc] = undefined;
    vectors[doc] = undefined;
    unembedded.delete(doc);
    wordingsOf[doc] = undefined;
  };

  return {
    analyzer,
    statistics,
    match,
    search: (plan, filter) => match(plan, filter).all(),
    embedPending(count) {
      let left = count;
      for (const doc of unembedded.keys()) {
        if (left-- <= 0) break;
        embeddingOf(doc);
      }
      return unembedded.size > 0;
    },
    upsertGuildQa(guildId, entry) {
      const document = qaDocument(entry, guildId);
      const previous = numbers.get(document.id);
      if (previous !== undefined) forget(previous);
      add(document, true);
    },
    removeGuildQa(guildId, entryId) {
      const id = qaDocumentId(entryId, guildId);
      const doc = numbers.get(id);
      if (doc === undefined) return;
      forget(doc);
      numbers.delete(id);
    },
  };
}
