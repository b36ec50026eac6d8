import type { Corpus } from "../knowledge/corpus.ts";
import { primaryArticles } from "../knowledge/corpus.ts";
import type { Article } from "../knowledge/schema.ts";

/**
 * How the copies' words relate to the shipped articles'.
 * - "shuffled": the same words; every term then occurs in `copies` times as many passages, which is
 *   the worst case for a search's posting lists rather than what a larger corpus looks like.
 * - "own-vocabulary": each copy stands for another article on the same story. It keeps the words the
 *   shipped articles share with one another (the story's vocabulary: "Russia", "NATO", "security"),
 *   and the words only one shipped article uses (69% of distinct words, 21% of the text: names,
 *   places, turns of phrase) get a spelling of the copy's own, so those stay as rare as they are.
 */
export type SyntheticWords = "shuffled" | "own-vocabulary";

/**
 * A corpus `copies` times larger, made in memory at run time and never written anywhere: each primary
 * article gets `copies` variants with new ids, their paragraphs' sentences shuffled and about one word
 * in ten swapped for another word of the same article, so the index sees realistic but distinct text.
 * Curated entries still cite the originals, which stay in.
 */
export function syntheticCorpus(corpus: Corpus, copies: number, words: SyntheticWords = "shuffled"): Corpus {
  const variants: Article[] = [];
  const articles = primaryArticles(corpus);
  const ownWords = words === "own-vocabulary" ? wordsOfOneArticle(articles) : new Set<string>();
  for (const article of articles) {
    const vocabulary = article.paragraphs
      .flatMap((p) => p.text.split(/\s+/))
      .filter((w) => /^[A-Za-z]{4,}$/.test(w));
    for (let copy = 1; copy <= copies; copy++) {
      const random = seededRandom(copy * 7919 + article.id.length);
      const respell = (text: string) =>
        ownWords.size === 0
          ? text
          : text.replace(/[A-Za-z]+/g, (w) => (ownWords.has(w.toLowerCase()) ? `${w}${spelling(copy)}` : w));
      variants.push({
        ...article,
        id: `${article.id}-v${copy}`,
        paragraphs: article.paragraphs.map((p) => ({
          ...p,
          text: respell(vary(p.text, vocabulary, random)),
        })),
      });
    }
  }
  return { ...corpus, articles: [...corpus.articles, ...variants] };
}

/** Words (lowercase runs of letters) that exactly one of the articles uses. */
function wordsOfOneArticle(articles: ReadonlyArray<Article>): Set<string> {
  const users = new Map<string, Set<string>>();
  for (const article of articles) {
    for (const paragraph of article.paragraphs) {
      for (const word of paragraph.text.match(/[A-Za-z]+/g) ?? []) {
        const key = word.toLowerCase();
        const ids = users.get(key) ?? new Set<string>();
        ids.add(article.id);
        users.set(key, ids);
      }
    }
  }
  return new Set([...users].filter(([, ids]) => ids.size === 1).map(([word]) => word));
}

/** A copy's own ending, letters only so it stays one word: copy 1 → "qb", copy 27 → "qbb". */
function spelling(copy: number): string {
  let letters = "";
  for (let n = copy; n > 0; n = Math.floor(n / 26)) letters = String.fromCharCode(97 + (n % 26)) + letters;
  return `q${letters}`;
}

function vary(text: string, vocabulary: string[], random: () => number): string {
  const sentences = text.split(/(?<=[.!?])\s+/);
  shuffle(sentences, random);
  return sentences
    .join(" ")
    .split(" ")
    .map((word) => (random() < 0.1 && vocabulary.length > 0 ? pick(vocabulary, random) : word))
    .join(" ");
}

function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = items[i];
    const b = items[j];
    if (a !== undefined && b !== undefined) [items[i], items[j]] = [b, a];
  }
}

function pick(items: string[], random: () => number): string {
  return items[Math.floor(random() * items.length)] ?? "";
}

/** mulberry32: the same variants on every run, so reports are comparable. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
