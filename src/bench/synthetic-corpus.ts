import type { Corpus } from "../knowledge/corpus.ts";
import { primaryArticles } from "../knowledge/corpus.ts";
import type { Article } from "../knowledge/schema.ts";

/**
 * A corpus `copies` times larger, made in memory at run time and never written anywhere: each primary
 * article gets `copies` variants with new ids, their paragraphs' sentences shuffled and about one word
 * in ten swapped for another word of the same article, so the index sees realistic but distinct text.
 * Curated entries still cite the originals, which stay in.
 */
export function syntheticCorpus(corpus: Corpus, copies: number): Corpus {
  const variants: Article[] = [];
  for (const article of primaryArticles(corpus)) {
    const vocabulary = article.paragraphs
      .flatMap((p) => p.text.split(/\s+/))
      .filter((w) => /^[A-Za-z]{4,}$/.test(w));
    for (let copy = 1; copy <= copies; copy++) {
      const random = seededRandom(copy * 7919 + article.id.length);
      variants.push({
        ...article,
        id: `${article.id}-v${copy}`,
        paragraphs: article.paragraphs.map((p) => ({ ...p, text: vary(p.text, vocabulary, random) })),
      });
    }
  }
  return { ...corpus, articles: [...corpus.articles, ...variants] };
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
