import { setImmediate as nextTurn } from "node:timers/promises";
import { type Corpus, primaryArticles } from "../knowledge/corpus.ts";
import type { Article } from "../knowledge/schema.ts";
import { createWordAnalysis, type WordAnalysis } from "../search/analyzed-word.ts";
import { type Analyzer, createAnalyzer } from "../search/analyzer.ts";
import {
  type AnalysedDocument,
  AnalysesPacker,
  analyseDocument,
  analysesReader,
  type PackedAnalyses,
} from "../search/document-terms.ts";
import { americanSpelling } from "../search/normalize-word.ts";
import { knowledgeTexts, type SearchDocument } from "../search/search-documents.ts";
import { createSearchIndex } from "../search/search-index.ts";
import { createSemantic, type SemanticTables, semanticTables } from "../search/semantic.ts";
import { UserError } from "../user-error.ts";
import type { Answer, ArticleSummary } from "./answer.ts";
import { articleMentionFinder, articleNamed, askedOfTheArticle } from "./ask/article.ts";
import { ask } from "./ask/ask-question.ts";
import type { Dossier } from "./dossier.ts";
import { byId, type DossierIndexes, removeGuildQa, upsertGuildQa } from "./dossier-indexes.ts";
import { evidenceOf } from "./excerpts/entry-results.ts";
import { buildPassageLibrary } from "./excerpts/passages.ts";
import { describePerson, listDemands, listQuotes, listTimeline } from "./listings/curated-listings.ts";
import { suggest } from "./suggest.ts";
import { verifiedAnswer } from "./verified-answer.ts";

/** Warm-up asks between two turns of the event loop: a few milliseconds, so an interaction waits no longer. */
const WARM_UP_SLICE = 8;
/** And documents embedded, before the asks (see SearchIndex.embedPending): as few milliseconds. */
const EMBEDDINGS_SLICE = 16;
/**
 * The question bank's phrasings the warm-up asks at most. V8 has optimized the answer path well
 * before: asking all 2,392 of the bank left the bot 5 MB larger (its caches and code) for an ask p99
 * a few tenths of a millisecond lower (npm run bench: 1.1 against 1.3–1.6 ms after 600).
 */
const WARM_UP_ASKS = 600;

/**
 * Every so many warm-up phrasings is asked as a phone types it, with a curly apostrophe, a dash and
 * an emoji: V8 compiles each regular expression again for text beyond Latin-1, and without this the
 * first member to type "’", "—" or an emoji waited for it (up to 15 ms, npm run bench's held-out
 * questions asked once).
 */
const PHONE_TYPED = 4;

function typedOnAPhone(question: string): string {
  return `${question.replaceAll("'", "’")} — ☀️`;
}

/**
 * The questions the warm-up asks: the bank's phrasings, the first of every paragraph, then the
 * second, and so on; then every question the knowledge lists as not covered. Those are written as
 * members ask, and most take the path of an answer not covered (the suggestions); warmed on the bank
 * alone, the first rounds of the dev questions had a slow tail (npm run bench, ask p99 2.8 and
 * 4.8 ms; with them 2.0 and 2.1), and the bot's RSS at 200 asks a second stayed the same.
 */
function warmUpQuestions({ questionBank: bank, notCovered }: Corpus): string[] {
  const questions: string[] = [];
  const longest = Math.max(0, ...bank.map((banked) => banked.questions.length));
  for (let turn = 0; turn < longest && questions.length < WARM_UP_ASKS; turn++)
    for (const banked of bank) {
      const question = banked.questions[turn];
      if (question === undefined || questions.length >= WARM_UP_ASKS) continue;
      questions.push(questions.length % PHONE_TYPED === PHONE_TYPED - 1 ? typedOnAPhone(question) : question);
    }
  return [...questions, ...notCovered];
}

/** Builds the index and passage library once; every call after that only looks things up. */
export function createDossier(corpus: Corpus): Dossier {
  const analyzeWords = wordAnalysisOf(corpus);
  const analyzer = analyzerOf(corpus, semanticTablesOf(corpus, analyzeWords), analyzeWords);
  return assemble(corpus, analyzer, (document) => analyseDocument(document, analyzer));
}

/**
 * createDossier, reading the tables a start before worked out when given them (`kept`), and giving
 * the tables for the next start to keep.
 *
 * Start-up is what the bench measures as "start-up" (fresh processes, with package.json's Node
 * flags): a restart reads the knowledge as kept verified by the start before (knowledge-cache.ts)
 * with its tables, and the rest is here, in code V8 runs for the first time. The embeddings of every
 * document and of each of its phrasings are left to the first questions and the warm-up.
 */
export function createDossierWithTables(
  corpus: Corpus,
  kept?: KnowledgeTables,
): { dossier: Dossier; tables: KnowledgeTables } {
  // One analysis of words for the word vectors and the index: each written word is read once.
  const analyzeWords = wordAnalysisOf(corpus);
  const semantic = kept ? kept.semantic : semanticTablesOf(corpus, analyzeWords);
  const analyzer = analyzerOf(corpus, semantic, analyzeWords);
  if (kept) {
    const read = analysesReader(kept.documents);
    const analyse = () => {
      const analysis = read();
      if (analysis === undefined) throw new Error("the kept tables have fewer documents than the knowledge");
      return analysis;
    };
    return { dossier: assemble(corpus, analyzer, analyse), tables: kept };
  }
  // Packed as the index reads them: all the documents' analyses at once would raise peak memory.
  const packer = new AnalysesPacker();
  const dossier = assemble(corpus, analyzer, (document) => packer.add(analyseDocument(document, analyzer)));
  return { dossier, tables: { semantic, documents: packer.packed() } };
}

function assemble(
  corpus: Corpus,
  analyzer: Analyzer,
  analyse: (document: SearchDocument) => AnalysedDocument,
): Dossier {
  const indexes: DossierIndexes = {
    corpus,
    index: createSearchIndex(corpus, analyzer, analyse),
    library: buildPassageLibrary(corpus, analyzer),
    qa: byId(corpus.qa),
    guildQa: new Map(),
    quotes: byId(corpus.quotes),
    events: byId(corpus.timeline),
    demands: byId(corpus.demands),
    people: byId(corpus.people),
    findArticleMention: articleMentionFinder(corpus),
  };
  const askVerified: Dossier["ask"] = (question, options) =>
    verifiedAnswer(corpus, ask(indexes, question, options));
  return {
    ask: askVerified,
    demands: (topic) => verifiedAnswer(corpus, listDemands(indexes, topic)),
    quotes: (filter) => verifiedAnswer(corpus, listQuotes(indexes, filter)),
    timeline: (filter) => verifiedAnswer(corpus, listTimeline(indexes, filter)),
    who: (person) => verifiedAnswer(corpus, describePerson(indexes, person)),
    sources: () => corpus.articles.map(summarizeArticle),
    source: (typed) => {
      const article = articleNamed(corpus, indexes.findArticleMention, typed);
      return article && summarizeArticle(article);
    },
    detailsAsked: (question, article) => {
      const asked = askedOfTheArticle(indexes, question, article);
      return asked?.asks === "details" ? summarizeArticle(asked.article) : undefined;
    },
    suggest: (field, typed, limit, guildId) => suggest(indexes, field, typed, limit, guildId),
    evidence: (kind, id, guildId) => {
      const result = evidenceOf(indexes, kind, id, guildId);
      return result && verifiedAnswer(corpus, { confident: true, results: [result] }).results[0];
    },
    upsertGuildQa: (guildId, entry) => upsertGuildQa(indexes, guildId, entry),
    removeGuildQa: (guildId, entryId) => removeGuildQa(indexes, guildId, entryId),
    async warmUp(signal, answered) {
      while (indexes.index.embedPending(EMBEDDINGS_SLICE)) {
        if (signal?.aborted) return 0;
        await nextTurn();
      }
      let asked = 0;
      for (const question of warmUpQuestions(corpus)) {
        if (signal?.aborted) return asked;
        let answer: Answer;
        try {
          answer = askVerified(question);
        } catch (error) {
          // A listed question that is chat ("thanks bot") is refused, as a member's would be.
          if (error instanceof UserError) continue;
          throw error;
        }
        answered?.(question, answer);
        asked += 1;
        if (asked % WARM_UP_SLICE === 0) await nextTurn();
      }
      return asked;
    },
  };
}

/**
 * What a dossier works out from its knowledge alone, before any question: what the word vectors make
 * of it and every document's words. Reading each document's words took a fifth of building the
 * dossier, and working out the word vectors' tables another fifth: a restart of the bundled bot reads
 * both with the knowledge it kept (create-context.ts). Plain data, for the cache file.
 */
export interface KnowledgeTables {
  /** Without word vectors, none. */
  semantic: SemanticTables | undefined;
  /** The analyses of the search index's documents (corpusDocuments, in order). */
  documents: PackedAnalyses;
}

function semanticTablesOf(corpus: Corpus, analyzeWords: WordAnalysis): SemanticTables | undefined {
  return (
    corpus.wordVectors &&
    semanticTables(
      corpus.wordVectors,
      {
        documents: knowledgeTexts(corpus),
        paragraphs: primaryArticles(corpus).flatMap((article) => article.paragraphs.map((p) => p.text)),
        bylines: corpus.articles.flatMap((a) => [a.outlet ?? "", ...a.authors, ...(a.contributors ?? [])]),
      },
      analyzeWords,
    )
  );
}

/** Words read with the word vectors' frequencies at hand, so British spellings meet American ones. */
function wordAnalysisOf(corpus: Corpus): WordAnalysis {
  const vectors = corpus.wordVectors;
  return createWordAnalysis(vectors && americanSpelling((word) => vectors.rank(word)));
}

function analyzerOf(corpus: Corpus, semantic: SemanticTables | undefined, analyzeWords: WordAnalysis) {
  return createAnalyzer(
    corpus.synonyms,
    corpus.wordVectors && semantic && createSemantic(corpus.wordVectors, semantic, analyzeWords),
    analyzeWords,
  );
}

/** An article's metadata for /source; a republication is listed with what it duplicates. */
export function summarizeArticle(article: Article): ArticleSummary {
  return {
    id: article.id,
    title: article.title,
    ...(article.subtitle === undefined ? {} : { subtitle: article.subtitle }),
    ...(article.outlet === undefined ? {} : { outlet: article.outlet }),
    authors: [...article.authors],
    ...(article.contributors === undefined ? {} : { contributors: [...article.contributors] }),
    ...(article.credits === undefined ? {} : { credits: [...article.credits] }),
    ...(article.published === undefined ? {} : { published: article.published }),
    ...(article.url === undefined ? {} : { url: article.url }),
    paragraphs: article.paragraphs.length,
    ...(article.duplicateOf === undefined ? {} : { duplicateOf: article.duplicateOf }),
  };
}
