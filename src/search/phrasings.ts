import type { QueryPlan } from "./query-plan.ts";

/** A question word an index term stands for, and how much of it (a synonym stands for less). */
interface Credit {
  word: number;
  credit: number;
}

/** A document's ways of asking, each the set of its index terms, as numbers (see `Phrasings`). */
export type EncodedPhrasings = ReadonlyArray<Int32Array>;

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

  /** Each phrasing's index terms, as a set of term numbers. */
  encode(phrasings: ReadonlyArray<ReadonlyArray<string>>): EncodedPhrasings {
    return phrasings.map((terms) => Int32Array.from(new Set(terms), (term) => this.numberOf(term)));
  }

  private numberOf(term: string): number {
    let number = this.numbers.get(term);
    if (number === undefined) {
      number = this.numbers.size;
      this.numbers.set(term, number);
      this.creditsOf.push(undefined);
    }
    return number;
  }

  /**
   * For one question: the largest share of its words (weighted by `weights`) one of a document's
   * phrasings has, 0…1. Valid until the next question is measured.
   */
  meter(plan: QueryPlan, weights: Float64Array): (phrasings: EncodedPhrasings | undefined) => number {
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
    return (phrasings) => {
      if (!phrasings || total === 0) return 0;
      let best = 0;
      for (const phrasing of phrasings) {
        // A phrasing without any of the question's terms has none of its words: it cannot be best.
        let any = false;
        for (let t = 0; t < phrasing.length; t++) {
          const credits = creditsOf[phrasing[t] as number];
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
        if (sum > best) best = sum;
      }
      return best / total;
    };
  }
}
