import { doubleMetaphone } from "double-metaphone";
import { rowScan } from "../knowledge/row-scan.ts";
import { cosine, FREQUENT_WORDS, type WordVectors } from "../knowledge/word-vectors.ts";
import { MONTH_NAMES, WEEKDAY_NAMES } from "../text/partial-date.ts";
import { type AnalyzedWord, createWordAnalysis, upperCaseAt, type WordAnalysis } from "./analyzed-word.ts";
import { editDistance } from "./edit-distance.ts";
import { typoEdits } from "./typos.ts";

/**
 * What word vectors add to the words themselves, in the two places they measurably helped on the
 * development questions: a word the articles never use reaches the articles' nearest words
 * ("pullout" → "withdrawal"), and each document gets a dense vector whose closeness to the
 * question's nudges the ranking. Everything else (names, numbers, exact words) stays lexical: a
 * country's vector sits next to every other country's.
 */
export interface Semantic {
  /**
   * An IDF-weighted mean of the text's word vectors, unit length; undefined when none is known.
   * `words`: the text's, when already analysed.
   */
  embed(text: string, words?: ReadonlyArray<AnalyzedWord>): Float32Array | undefined;
  /** `embed` of a document and of each of its ways of asking (lines of it). */
  embedDocument(text: string, ways: ReadonlyArray<string>): Array<Float32Array | undefined>;
  /** The knowledge's words nearest to a word the articles do not use, closest first. */
  nearWords(word: string): ReadonlyArray<NearWord>;
  /**
   * Whether a (normalized) word names someone or something: the knowledge writes it with a capital
   * more often than not, or it is neither in the knowledge nor a common English word ("lukashenko").
   */
  isName(word: string, capitalizedInQuestion: boolean): boolean;
  /** Whether a (normalized) word is among the most frequent English words: a real word, not a typo. */
  isCommonWord(word: string): boolean;
  /**
   * Whether a (normalized) word is what the knowledge is about rather than everyday English: its
   * documents use it far more often than English does ("nato", "missiles", "kremlin"; not
   * "meeting", "sleep"), the articles write it as a name ("Pentagon", "China"; not "Thursday"), or it
   * is no common English word (a name, or a name misspelt).
   */
  isTopical(word: string): boolean;
  /**
   * The knowledge's word a word it never uses, and English does not know, is a typo of: the one
   * fewest edits away ("olikar": "oliker"), the articles' own first, or none when two are.
   */
  misspeltFor(word: string): string | undefined;
  /**
   * The name of the knowledge a word, or pieces written together ("lavrov" from "lav rov"), sounds
   * like and is spelt nearly like: one English seldom writes (not "monday" for "man at"), of three
   * consonant sounds or more (not "nato" for "new to"). `writersOnly`: of the writers' names only.
   */
  nameSoundingLike(written: string, writersOnly?: boolean): string | undefined;
  /** Whether the knowledge's documents use a (normalized) word. */
  uses(word: string): boolean;
  /** Whether the articles' own paragraphs write a (normalized) word. */
  writes(word: string): boolean;
}

export interface NearWord {
  word: string;
  similarity: number;
}

/** Below this cosine a neighbour is more often a different idea than a paraphrase. */
const NEAR_WORD_SIMILARITY = 0.62;
const NEAR_WORDS = 3;
/** Neighbours below this are of no use, as a near word or as a name's kind. */
const NEIGHBOUR_FLOOR = 0.55;
/** Unfamiliar words whose neighbours are remembered; past this the memory starts again. */
const SCANS_REMEMBERED = 5_000;

/** The words that carry content: no stop word, number or single letter. */
function contentWordsOf(analysed: ReadonlyArray<AnalyzedWord>): string[] {
  const words: string[] = [];
  for (const { word, stop } of analysed)
    if (!stop && word.length > 1 && !/^\p{N}/u.test(word)) words.push(word);
  return words;
}

/** Whether a word at `start` begins a sentence: the text's start, or up to two spaces after . ! ? : a quote or a line break. */
function startsSentence(text: string, start: number): boolean {
  if (start === 0) return true;
  for (let at = start - 1; at >= Math.max(0, start - 3); at--) {
    const character = text[at] as string;
    // Not an initial's full stop ("Anton T. Semelroth").
    if (character === "." && /(?:^|\s)\p{Lu}$/u.test(text.slice(Math.max(0, at - 2), at))) return false;
    if ('.!?:"“”\n'.includes(character)) return true;
    if (!/\s/.test(character)) return false;
  }
  return false;
}

/** A name most documents use (Russia, NATO) is the topic, not a thing a question singles out. */
const TOPIC_NAME_SHARE = 0.1;
/**
 * How much more often than English the knowledge uses a topical word: the share of its documents
 * using it times the word's rank among English words by frequency (the word vectors come most
 * frequent first), which is in proportion to that ratio (Zipf). "nato" and "sanctions" are far above,
 * "thursday", "meeting" and "session" below. On the tuned sets (see isOffTopic in ask-question.ts),
 * from 30 to 40 the same; at 50 two answerable questions were taken for chat.
 */
const TOPICAL_KEYNESS = 30;
/** Written as names, and no topic: "Thursday" in the articles dates talks, in chat a class. */
const CALENDAR_NAMES = new Set([...MONTH_NAMES, ...WEEKDAY_NAMES].map((name) => name.toLowerCase()));
/** A word this close to a name of the knowledge is taken for a name of the same kind. */
const NAME_NEIGHBOUR_SIMILARITY = 0.7;
/**
 * The endings of learned English words the vectors lack ("enumerate", "elucidate",
 * "characterisation", "inviolable", "peremptory", "essayist"): the formal register's words, which
 * names seldom end in (the names that do, "Clive", "Florence", are frequent enough to be known).
 * Read as names, an answer had to write them. On the tuned sets: one answerable question answered,
 * and one the articles do not answer that "enumerate" had kept from being.
 */
const LEARNED_ENDING =
  /(?:[^aeiou]ate|i[sz]e[ds]?|i[sz]ing|ation|ition|ment|ness|ity|ous|ive|[ai]bl[ey]|ory|ify|ance|ence|ism|ist)s?$/u;
/** A name is written with a capital at least this often (past a sentence's start). */
const CAPITAL_SHARE = 0.8;

/** The most frequent English words, of which a one-letter slip is taken for a typo. */
const COMMON_WORDS = 10_000;
const LETTERS = "abcdefghijklmnopqrstuvwxyz";

/** Prefixes English builds words with: "counterarguments" is no name, though no vector knows it. */
const ENGLISH_PREFIX =
  /^(counter|anti|pro|non|over|under|post|pre|co|ex|mis|out|sub|super|inter|multi|semi|self|re|un|dis|de)-?(.{3,})$/;

/** Words by their first letter, which a plausible correction keeps (see isPlausibleCorrection). */
function byInitial(words: Iterable<string>): Map<string, string[]> {
  const grouped = new Map<string, string[]>();
  for (const word of words) {
    const initial = word[0] as string;
    const group = grouped.get(initial);
    if (group) group.push(word);
    else grouped.set(initial, [word]);
  }
  return grouped;
}

/**
 * The word a typo stands for: of the words with its first letter, the one fewest edits away within
 * what its length allows (as isPlausibleCorrection judges), with `extra` edits added to some; none
 * when two are as near.
 */
function closestSpelling(
  typo: string,
  wordsByInitial: ReadonlyMap<string, ReadonlyArray<string>>,
  extra: (word: string) => number = () => 0,
): string | undefined {
  const allowed = typoEdits(typo);
  let best: string | undefined;
  let fewest = Number.POSITIVE_INFINITY;
  let tied = false;
  for (const known of allowed > 0 ? (wordsByInitial.get(typo[0] ?? "") ?? []) : []) {
    const distance = editDistance(typo, known, allowed);
    if (distance > allowed) continue;
    const edits = distance + extra(known);
    if (edits < fewest) [best, fewest, tied] = [known, edits, false];
    else if (edits === fewest) tied = true;
  }
  return tied ? undefined : best;
}

/** Every string one deletion, insertion, substitution or swap of neighbours away from `word`. */
function oneEditAway(word: string): string[] {
  const found: string[] = [];
  for (let i = 0; i <= word.length; i++) {
    const [before, after] = [word.slice(0, i), word.slice(i)];
    if (after) found.push(before + after.slice(1));
    if (after.length > 1) found.push(before + (after[1] as string) + (after[0] as string) + after.slice(2));
    for (const letter of LETTERS) {
      found.push(before + letter + after);
      if (after) found.push(before + letter + after.slice(1));
    }
  }
  return found;
}

export interface SemanticSources {
  /** The knowledge's documents, which set both the vocabulary and how telling each word is. */
  documents: ReadonlyArray<string>;
  /** The articles' own paragraphs, whose capitals tell names (members type everything lowercase). */
  paragraphs: ReadonlyArray<string>;
  /** Outlets and authors, which say where a passage is, not what it is about. */
  bylines: ReadonlyArray<string>;
}

/**
 * What the word vectors make of the knowledge, worked out once from its texts: plain maps, sets and
 * one matrix, so they can be kept between starts with the knowledge (see KnowledgeTables).
 */
export interface SemanticTables {
  /** How many of the knowledge's documents there are, and how many use each content word. */
  documentCount: number;
  documentFrequency: Map<string, number>;
  /** Words the articles write with a capital past a sentence's start (often enough to be names). */
  writtenAsNames: Set<string>;
  /** Every word the articles' own paragraphs use. */
  articleWords: Set<string>;
  /** The words of outlets and authors. */
  bylineWords: Set<string>;
  /** The knowledge's words with a vector, and their unit vectors as the rows of one matrix. */
  vocabulary: string[];
  matrix: Float32Array;
}

/** `analyzeWords`: the analyzer's own, when given, so that the two read each written word once. */
export function semanticTables(
  vectors: WordVectors,
  sources: SemanticSources,
  analyzeWords: WordAnalysis = createWordAnalysis(),
): SemanticTables {
  const { documents: texts, paragraphs, bylines } = sources;
  const documentFrequency = new Map<string, number>();
  for (const text of texts) {
    const distinct = new Set(contentWordsOf(analyzeWords(text)));
    for (const word of distinct) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  /** Per word: how often written with a capital (past a sentence's start), and in all. */
  const capitals = new Map<string, { capital: number; all: number }>();
  const articleWords = new Set<string>();
  for (const text of paragraphs) {
    for (const { word, start } of analyzeWords(text)) {
      articleWords.add(word);
      if (startsSentence(text, start)) continue;
      const seen = capitals.get(word) ?? { capital: 0, all: 0 };
      seen.all += 1;
      if (upperCaseAt(text, start)) seen.capital += 1;
      capitals.set(word, seen);
    }
  }
  const writtenAsNames = new Set<string>();
  for (const [word, { capital, all }] of capitals)
    if (capital >= CAPITAL_SHARE * all) writtenAsNames.add(word);
  // The knowledge's words with a vector, decoded once into one matrix: a question's unfamiliar
  // word is compared with all of them, and a row-by-row scan of one array is what makes that cheap.
  const { found: vocabulary, matrix } = vectors.unitVectors(documentFrequency.keys());
  return {
    documentCount: texts.length,
    documentFrequency,
    writtenAsNames,
    articleWords,
    bylineWords: new Set(bylines.flatMap((text) => analyzeWords(text).map(({ word }) => word))),
    vocabulary,
    matrix,
  };
}

/** A name sounding like this few consonants ("NT", "KF") is sounded by everyday words as well. */
const SHORT_SOUND = 2;
/** A name heard in a member's words is one English seldom writes: past this rank by frequency. */
const SELDOM_WRITTEN = 2_000;
/** And spelt nearly as it was written: at most this share of its letters changed. */
const SPELT_NEARLY = 0.7;

/**
 * The knowledge's names by how they sound (Double Metaphone's keys: "lavrov" and "lav rov" are both
 * LFRF; "sir gay" is SRK, Sergei's second key). Names of three letters or fewer are left out: a
 * dictated word is never that short.
 */
function soundsOfNames(names: Iterable<string>): Map<string, string[]> {
  const bySound = new Map<string, string[]>();
  for (const name of names) {
    if (name.length <= 3 || !/^\p{L}+$/u.test(name)) continue;
    for (const sound of new Set(doubleMetaphone(name)))
      bySound.set(sound, [...(bySound.get(sound) ?? []), name]);
  }
  return bySound;
}

/** The names sounding as written (its two Double Metaphone keys), by either key of theirs. */
function soundingLike(
  [primary, secondary]: [string, string],
  bySound: ReadonlyMap<string, ReadonlyArray<string>>,
): ReadonlyArray<string> {
  const names = bySound.get(primary) ?? [];
  return secondary === primary ? names : [...new Set([...names, ...(bySound.get(secondary) ?? [])])];
}

/**
 * Of names sounding alike, the one spelt most like what was written ("sullyvan": Sullivan, not
 * Slovenia, SLFN both); none when two are as near.
 */
function nearestSpelt(written: string, names: ReadonlyArray<string>): string | undefined {
  const [best, next] = names
    .map((name) => ({ name, edits: editDistance(written, name) }))
    .sort((a, b) => a.edits - b.edits);
  return best && (next === undefined || next.edits > best.edits) ? best.name : undefined;
}

/** `analyzeWords`: the analyzer's own, when given, so that the two read each written word once. */
export function createSemantic(
  vectors: WordVectors,
  tables: SemanticTables,
  analyzeWords: WordAnalysis = createWordAnalysis(),
): Semantic {
  const { documentCount, documentFrequency: frequency, writtenAsNames, articleWords, bylineWords } = tables;
  const { vocabulary, matrix } = tables;
  /** Worked out when a question is first read for names heard by sound. */
  let namesBySound: Map<string, string[]> | undefined;
  let writersBySound: Map<string, string[]> | undefined;
  let writersSpelt: Set<string> | undefined;
  const contentWords = (text: string) => contentWordsOf(analyzeWords(text));
  const weight = (word: string) => Math.log(1 + documentCount / (1 + (frequency.get(word) ?? 0)));
  const dimensions = vectors.dimensions;
  // Each word's vector is read from its row of the matrix (one copy in memory, not two), and its
  // weight from its row of the weights: the knowledge's documents are embedded word by word.
  const rows = new Map<string, number>();
  const rowWeights = new Float64Array(vocabulary.length);
  vocabulary.forEach((word, i) => {
    rows.set(word, i);
    rowWeights[i] = weight(word);
  });
  /** Adds `vector` (from `at` in `source`) times `w` to `sum`. */
  const addScaled = (sum: Float32Array, source: Float32Array, at: number, w: number) => {
    for (let d = 0; d < dimensions; d++) sum[d] = (sum[d] as number) + (source[at + d] as number) * w;
  };
  /** The embedding of words kept line by line (a document's lines, or a text as one line). */
  const embedWords = (lines: ReadonlyArray<ReadonlyArray<string>>): Float32Array | undefined => {
    const sum = new Float32Array(dimensions);
    let any = false;
    for (const words of lines) any = addWords(sum, words) || any;
    return any ? unit(sum) : undefined;
  };
  /**
   * The row of the knowledge word a word without a vector is a typo of: the fewest edits away, when
   * one word is; remembered (bounded).
   */
  const corrections = new Map<string, number | undefined>();
  let vocabularyByInitial: Map<string, string[]> | undefined;
  const misspeltRow = (word: string): number | undefined => {
    if (corrections.has(word)) return corrections.get(word);
    vocabularyByInitial ??= byInitial(vocabulary);
    const meant = closestSpelling(word, vocabularyByInitial);
    const row = meant === undefined ? undefined : rows.get(meant);
    if (corrections.size >= SCANS_REMEMBERED) corrections.clear();
    corrections.set(word, row);
    return row;
  };
  let knowledgeByInitial: Map<string, string[]> | undefined;
  const misspellings = new Map<string, string | undefined>();
  const misspeltFor = (word: string): string | undefined => {
    if (frequency.has(word) || vectors.has(word)) return undefined;
    if (misspellings.has(word)) return misspellings.get(word);
    knowledgeByInitial ??= byInitial(frequency.keys());
    // The articles' own spelling before a member's in the question bank ("steinmier"), at as few
    // edits: half an edit apart.
    const meant = closestSpelling(word, knowledgeByInitial, (known) => (articleWords.has(known) ? 0 : 0.5));
    if (misspellings.size >= SCANS_REMEMBERED) misspellings.clear();
    misspellings.set(word, meant);
    return meant;
  };
  /** Adds the weighted vectors of `words` to `sum`; whether any word had one. */
  const addWords = (sum: Float32Array, words: ReadonlyArray<string>): boolean => {
    let any = false;
    for (const word of words) {
      const row = rows.get(word);
      if (row !== undefined) addScaled(sum, matrix, row * dimensions, rowWeights[row] as number);
      else {
        // A word the knowledge never uses (a question's) may still have a vector; a misspelt one
        // stands for the knowledge word it is a typo of ("koffman": Kofman), as the search reads it.
        const vector = frequency.has(word) ? undefined : vectors.unitVector(word);
        const meant = vector || frequency.has(word) ? undefined : misspeltRow(word);
        if (meant !== undefined) addScaled(sum, matrix, meant * dimensions, rowWeights[meant] as number);
        else if (vector) addScaled(sum, vector, 0, weight(word));
        else continue;
      }
      any = true;
    }
    return any;
  };
  /** `sum` scaled to unit length, in place. */
  const unit = (sum: Float32Array): Float32Array => {
    const norm = Math.sqrt(cosine(sum, sum)) || 1;
    for (let d = 0; d < dimensions; d++) sum[d] = (sum[d] as number) / norm;
    return sum;
  };
  /**
   * One letter off a common English word ("happend", "negociate"): a typo, not a name. Some
   * thousand candidates are looked up for each word, so the verdict is remembered (bounded).
   */
  const typos = new Map<string, boolean>();
  const misspelled = (word: string) => {
    let verdict = typos.get(word);
    if (verdict === undefined) {
      verdict = oneEditAway(word).some((candidate) => (vectors.rank(candidate) ?? Infinity) < COMMON_WORDS);
      if (typos.size >= SCANS_REMEMBERED) typos.clear();
      typos.set(word, verdict);
    }
    return verdict;
  };
  /**
   * English made of English: a prefix and a common word ("counter" + "arguments", the plural's s
   * aside), two words of four letters or more ("deal" + "breaker"), or a word with an ending
   * ("harp" + "ing"). Names the vectors lack rarely split so ("lukashenko", "milley").
   */
  const compoundOfEnglish = (word: string) => {
    const rest = ENGLISH_PREFIX.exec(word)?.[2];
    if (
      rest !== undefined &&
      [rest, rest.replace(/s$/, "")].some((part) => (vectors.rank(part) ?? Infinity) < COMMON_WORDS)
    )
      return true;
    const english = (part: string) => (vectors.rank(part) ?? Infinity) < FREQUENT_WORDS;
    for (let at = 4; at <= word.length - 4; at++)
      if (english(word.slice(0, at)) && english(word.slice(at))) return true;
    const stem = /^(.{3,}?)(?:ing|ed|ers?|e?s|ly)$/.exec(word)?.[1];
    return (stem !== undefined && (english(stem) || english(`${stem}e`))) || LEARNED_ENDING.test(word);
  };

  /** For a word the knowledge does not use: its nearest knowledge words, remembered (bounded). */
  const scans = new Map<string, ReadonlyArray<NearWord>>();
  let vocabularyNear: ReturnType<typeof rowScan> | undefined;
  const neighboursOf = (word: string): ReadonlyArray<NearWord> => {
    const known = scans.get(word);
    if (known) return known;
    const vector = vectors.unitVector(word);
    const found: NearWord[] = [];
    if (vector) {
      // Laid out for the scan when a question first has a word the knowledge does not use.
      vocabularyNear ??= rowScan(matrix, dimensions);
      const near = vocabularyNear(vector, NEIGHBOUR_FLOOR);
      for (let k = 0; k < near.count; k++) {
        const similarity = near.cosines[k] as number;
        found.push({ word: vocabulary[near.rows[k] as number] as string, similarity });
      }
      found.sort((a, b) => b.similarity - a.similarity).splice(NEAR_WORDS);
    }
    if (scans.size >= SCANS_REMEMBERED) scans.clear();
    scans.set(word, found);
    return found;
  };

  const semantic: Semantic = {
    embed: (text, words = analyzeWords(text)) => embedWords([contentWordsOf(words)]),
    embedDocument(text, ways) {
      // Each way of asking is a line of the document too: its sum is added to the document's
      // rather than found again (a bank's lines are most of a passage's words).
      const sums = new Map<string, Float32Array | undefined>();
      for (const way of ways) {
        if (sums.has(way)) continue;
        const sum = new Float32Array(dimensions);
        sums.set(way, addWords(sum, contentWords(way)) ? sum : undefined);
      }
      const whole = new Float32Array(dimensions);
      let any = false;
      for (const line of text.split("\n")) {
        if (!sums.has(line)) any = addWords(whole, contentWords(line)) || any;
        else {
          const sum = sums.get(line);
          if (sum) addScaled(whole, sum, 0, 1);
          any = any || sum !== undefined;
        }
      }
      const embeddings = [
        any ? unit(whole) : undefined,
        ...ways.map((way) => {
          const sum = sums.get(way);
          return sum && unit(sum);
        }),
      ];
      return embeddings;
    },
    isName(word, capitalizedInQuestion) {
      // One letter is no name ("q", "u"); two can be: the articles write "Xi Jinping".
      if (word.length < 2 || bylineWords.has(word)) return false;
      if (!frequency.has(word)) {
        // A word the knowledge never uses is a name when written as one, when it is a long word
        // English does not know ("lukashenko", or a typo the index will correct), or when the
        // knowledge's word nearest to it is a name ("finland" → "estonia").
        if (capitalizedInQuestion) return true;
        if (!vectors.has(word)) return word.length >= 5 && !misspelled(word) && !compoundOfEnglish(word);
        const [nearest] = neighboursOf(word);
        return (
          nearest !== undefined &&
          nearest.similarity >= NAME_NEIGHBOUR_SIMILARITY &&
          writtenAsNames.has(nearest.word)
        );
      }
      if ((frequency.get(word) ?? 0) > TOPIC_NAME_SHARE * documentCount) return false;
      return capitalizedInQuestion || writtenAsNames.has(word);
    },
    isCommonWord: (word) => (vectors.rank(word) ?? Infinity) < FREQUENT_WORDS,
    isTopical(word) {
      const rank = vectors.rank(word);
      // No English word: a figure or a year, or a name or a name misspelt if the knowledge has one
      // like it ("sourdough" is none of them).
      if (rank === undefined)
        return (
          /^\p{N}/u.test(word) ||
          frequency.has(word) ||
          misspeltFor(word) !== undefined ||
          semantic.nameSoundingLike(word) !== undefined
        );
      if (rank >= FREQUENT_WORDS) return true;
      if (writtenAsNames.has(word) && !CALENDAR_NAMES.has(word)) return true;
      return ((frequency.get(word) ?? 0) / documentCount) * rank >= TOPICAL_KEYNESS;
    },
    misspeltFor,
    nameSoundingLike(written, writersOnly = false) {
      writersBySound ??= soundsOfNames(
        [...bylineWords].filter((word) => (vectors.rank(word) ?? Infinity) >= SELDOM_WRITTEN),
      );
      // Most runs of words are no writer's name: one with a writer's first letter and about as long
      // is asked first (the sound of every run of a question cost a twentieth of an answer).
      writersSpelt ??= new Set([...writersBySound.values()].flat().map((name) => `${name[0]}${name.length}`));
      const spelt = (length: number) => writersSpelt?.has(`${written[0]}${length}`);
      if (writersOnly && ![-1, 0, 1, 2].some((more) => spelt(written.length - more))) return undefined;
      namesBySound ??= soundsOfNames(
        [...frequency.keys()].filter((word) => {
          const rank = vectors.rank(word) ?? Infinity;
          return rank >= SELDOM_WRITTEN && (writtenAsNames.has(word) || bylineWords.has(word));
        }),
      );
      const sounds = doubleMetaphone(written);
      if (sounds[0].length <= SHORT_SOUND) return undefined;
      const name = nearestSpelt(written, soundingLike(sounds, writersOnly ? writersBySound : namesBySound));
      return name && editDistance(written, name) <= name.length * SPELT_NEARLY ? name : undefined;
    },
    uses: (word) => frequency.has(word),
    writes: (word) => articleWords.has(word),
    nearWords(word) {
      // A word only the question bank or a Q&A entry uses ("reply") still reaches the articles'
      // own nearest words ("respond"): the passages are what is quoted.
      if (articleWords.has(word)) return [];
      return neighboursOf(word).filter(
        (near) => near.word !== word && near.similarity >= NEAR_WORD_SIMILARITY,
      );
    },
  };
  return semantic;
}
