import type { QueryPlan } from "./query-plan.ts";

/** A question word an index term stands for, and how much of it (a synonym stands for less). */
interface Credit {
  word: number;
  credit: number;
}

/**
 * A document's sets of numbers (its ways of asking, as index terms or as words) laid end to end in one
 * array: set k is `items` from `starts[k]` up to `starts[k + 1]`. Thousands of ways of asking kept as
 * a typed array each cost more memory in the arrays' own bookkeeping than in their numbers.
 */
export interface PackedSets {
  starts: Int32Array;
  items: Int32Array;
}

/** The number of `item` in `numbers`, which numbers a new item next (and then runs `numbered`). */
export function numberIn(numbers: Map<string, number>, item: string, numbered?: () => void): number {
  let number = numbers.get(item);
  if (number === undefined) {
    number = numbers.size;
    numbers.set(item, number);
    numbered?.();
  }
  return number;
}

/**
 * Lists of strings as sets of their numbers, packed: each number once per list (a list has a few
 * words, so a look back along it finds a repeat sooner than a Set would), ascending when `sorted`.
 * Written straight into the packed arrays, without a Set and an array for every one of thousands of lists.
 */
function packNumbers(
  lists: ReadonlyArray<ReadonlyArray<string>>,
  numberOf: (item: string) => number,
  sorted: boolean,
): PackedSets {
  const starts = new Int32Array(lists.length + 1);
  let total = 0;
  for (const list of lists) total += list.length;
  const items = new Int32Array(total);
  let end = 0;
  lists.forEach((list, k) => {
    const start = end;
    for (const item of list) {
      const number = numberOf(item);
      let seen = false;
      for (let at = start; at < end && !seen; at++) seen = items[at] === number;
      if (!seen) items[end++] = number;
    }
    if (sorted) items.subarray(start, end).sort();
    starts[k + 1] = end;
  });
  return { starts, items: end === total ? items : items.slice(0, end) };
}

/**
 * The ways of asking for the documents (bank questions, a Q&A's wordings), and for a question, the
 * largest share of its (weighted) words one of them has. Each index term knows the question words it
 * stands for, so a phrasing is read term by term: a search reads hundreds of phrasings, so terms are
 * numbered once when indexed and looked up by number in an array rather than by string in a map.
 */
export class Phrasings {
  private readonly numbers = new Map<string, number>();
  /** By term number, for the question being measured: the question words the term stands for. */
  private readonly creditsOf: Array<Credit[] | undefined> = [];
  /** The term numbers given credits for that question, cleared when the next one starts. */
  private credited: number[] = [];
  /** By term number, the term. */
  private readonly terms: string[] = [];

  /** Each phrasing's index terms, as a set of term numbers (in the order the phrasing has them). */
  encode(phrasings: ReadonlyArray<ReadonlyArray<string>>): PackedSets {
    return packNumbers(phrasings, (term) => this.numberOf(term), false);
  }

  private numberOf(term: string): number {
    return numberIn(this.numbers, term, () => {
      this.creditsOf.push(undefined);
      this.terms.push(term);
    });
  }

  /** The index terms of a document's k-th way of asking. */
  termsOf(phrasings: PackedSets, k: number): string[] {
    const { starts, items } = phrasings;
    const terms: string[] = [];
    for (let t = starts[k] as number; t < (starts[k + 1] as number); t++)
      terms.push(this.terms[items[t] as number] as string);
    return terms;
  }

  /**
   * For one question: the largest share of its words (weighted by `weights`) one of a document's
   * phrasings has, 0…1, and which phrasing that is (of the last document measured). Valid until the
   * next question is measured.
   */
  meter(plan: QueryPlan, weights: Float64Array): PhrasingMeter {
    const { creditsOf } = this;
    for (const number of this.credited) creditsOf[number] = undefined;
    this.credited = [];
    for (const term of plan.terms) {
      const number = this.numbers.get(term.term);
      // A term no phrasing uses adds nothing to any.
      if (number === undefined) continue;
      let credits = creditsOf[number];
      if (credits === undefined) {
        credits = [];
        creditsOf[number] = credits;
        this.credited.push(number);
      }
      for (const word of term.words) credits.push({ word, credit: Math.min(1, term.weight) });
    }
    const total = weights.reduce((sum, weight) => sum + weight, 0);
    const credit = new Float64Array(weights.length);
    // The phrasing last found closest: a variable of this closure, not a property, so that the
    // search's loop over its candidates stays as fast as without it.
    let closest = -1;
    return {
      share(phrasings) {
        closest = -1;
        if (!phrasings || total === 0) return 0;
        const { starts, items } = phrasings;
        let best = 0;
        for (let k = 0; k + 1 < starts.length; k++) {
          // A phrasing without any of the question's terms has none of its words: it cannot be best.
          let any = false;
          for (let t = starts[k] as number; t < (starts[k + 1] as number); t++) {
            const credits = creditsOf[items[t] as number];
            if (credits === undefined) continue;
            if (!any) {
              credit.fill(0);
              any = true;
            }
            for (const { word, credit: value } of credits) {
              if (value > (credit[word] as number)) credit[word] = value;
            }
          }
          if (!any) continue;
          let sum = 0;
          for (let w = 0; w < credit.length; w++) sum += (credit[w] as number) * (weights[w] as number);
          if (sum > best) {
            best = sum;
            closest = k;
          }
        }
        return best / total;
      },
      closest: () => closest,
    };
  }
}

/** See Phrasings.meter. */
export interface PhrasingMeter {
  share(phrasings: PackedSets | undefined): number;
  /** The phrasing the last `share` found closest (-1: none). */
  closest(): number;
}

/**
 * Ways of asking compared word for word, stop words included: "why", "which", "ever", "exactly" are
 * often what a question asks, and the index and the embeddings leave them out. Each text is the set
 * of its words (as analysed: folded and stemmed), numbered once, ascending; two are compared by the
 * share of their words in common (the Jaccard index).
 */
export class Wordings {
  private readonly numbers = new Map<string, number>();

  /** Texts' words (`Analyzer.words` stems), each as a sorted set of numbers. */
  encodeAll(texts: ReadonlyArray<ReadonlyArray<string>>): PackedSets {
    return packNumbers(texts, (word) => this.numberOf(word), true);
  }

  private numberOf(word: string): number {
    return numberIn(this.numbers, word);
  }

  /** A question's words, as encoded texts' are, with how many distinct words it has in all. */
  protected read(words: ReadonlyArray<string>): { known: Int32Array; size: number } {
    const distinct = new Set(words);
    const known = Int32Array.from([...distinct].flatMap((word) => this.numbers.get(word) ?? [])).sort();
    return { known, size: distinct.size };
  }

  /** By word number, the last question marked that has it (see `meter`). */
  private questionOf = new Int32Array(0);
  private questions = 0;

  /**
   * For one question (its words): the share of words it has in common with the closest of a few
   * texts, 0…1. Valid while no text is encoded.
   */
  meter(words: ReadonlyArray<string>): (texts: PackedSets | undefined) => number {
    const { known, size } = this.read(words);
    let question = 0;
    /** Marks the question's words in `questionOf`, again if another question has been marked since. */
    const marked = () => {
      if (question === this.questions && question > 0) return this.questionOf;
      if (this.questionOf.length < this.numbers.size) this.questionOf = new Int32Array(this.numbers.size * 2);
      question = ++this.questions;
      for (const word of known) this.questionOf[word] = question;
      return this.questionOf;
    };
    return (texts) => {
      if (!texts) return 0;
      const questionOf = marked();
      const { starts, items } = texts;
      let best = 0;
      for (let k = 0; k + 1 < starts.length; k++) {
        const start = starts[k] as number;
        const end = starts[k + 1] as number;
        const length = end - start;
        // A text of twice the question's words or half of them can share at most half: the sizes
        // alone often say it cannot beat the best so far.
        if (Math.min(size, length) <= best * Math.max(size, length)) continue;
        let shared = 0;
        for (let j = start; j < end; j++) if (questionOf[items[j] as number] === question) shared++;
        best = Math.max(best, shared / (size + length - shared));
      }
      return best;
    };
  }
}

/**
 * Many texts compared word for word with a question (see Wordings), through the texts holding each
 * word: a question's words are counted in the few hundred texts sharing one, not merged with all.
 */
export class WordingIndex extends Wordings {
  private readonly sizes: Int32Array;
  /** By word number, the texts holding it. */
  private readonly holding: number[][] = [];
  private readonly shared: Int32Array;
  /** By text, 1 while it holds a content word of the question being measured. */
  private readonly onTopic: Uint8Array;
  /**
   * The texts sharing a word with the question being measured, the first so many of it: most texts
   * share one ("what"), and an array grown to them for every question was a sixteenth of what an
   * answer allocates.
   */
  private readonly touched: Int32Array;

  constructor(texts: ReadonlyArray<ReadonlyArray<string>>) {
    super();
    const { starts, items } = this.encodeAll(texts);
    this.sizes = Int32Array.from(texts, (_, at) => (starts[at + 1] as number) - (starts[at] as number));
    this.shared = new Int32Array(texts.length);
    this.onTopic = new Uint8Array(texts.length);
    this.touched = new Int32Array(texts.length);
    for (let at = 0; at < texts.length; at++)
      for (let t = starts[at] as number; t < (starts[at + 1] as number); t++) {
        const word = items[t] as number;
        const holding = this.holding[word];
        if (holding) holding.push(at);
        else this.holding[word] = [at];
      }
  }

  /**
   * The share of words the question has in common with the closest text holding one of its
   * `content` words, 0…1: texts sharing only the question's frame ("what happened in chechnya" and
   * "what happened in 2018") are not close.
   */
  closest(words: ReadonlyArray<string>, content: ReadonlyArray<string>): number {
    const { known, size } = this.read(words);
    const { shared, sizes, onTopic, touched } = this;
    let count = 0;
    for (const word of known)
      for (const at of this.holding[word] ?? []) if ((shared[at] as number)++ === 0) touched[count++] = at;
    const topical = this.read(content).known;
    for (const word of topical) for (const at of this.holding[word] ?? []) onTopic[at] = 1;
    let best = 0;
    for (let k = 0; k < count; k++) {
      const at = touched[k] as number;
      const common = shared[at] as number;
      if (onTopic[at] === 1) best = Math.max(best, common / (size + (sizes[at] as number) - common));
      shared[at] = 0;
    }
    for (const word of topical) for (const at of this.holding[word] ?? []) onTopic[at] = 0;
    return best;
  }
}
