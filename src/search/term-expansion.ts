import type SearchableMap from "minisearch/SearchableMap";
import type { TermPostings } from "./inverted-index.ts";

/**
 * How much an index term reached by completion or correction counts next to the typed term itself:
 * MiniSearch's default weights, and its formulas below, so scores stay what they were.
 */
const PREFIX_WEIGHT = 0.375;
const FUZZY_WEIGHT = 0.45;

/** An index term a question term reaches, with the weight of that way of reaching it. */
export interface ExpandedTerm {
  term: string;
  weight: number;
  postings: TermPostings;
}

/**
 * The index terms one question term stands for, in MiniSearch's order: the term itself, then its
 * completions (when `prefix`), then its corrections within `edits` (when above 0) that are not
 * completions already. A completion or correction counts for less the further it is from the term.
 */
export function expandTerm(
  terms: SearchableMap<TermPostings>,
  term: string,
  options: { prefix: boolean; edits: number },
): ExpandedTerm[] {
  const expanded: ExpandedTerm[] = [];
  const exact = terms.get(term);
  if (exact) expanded.push({ term, weight: 1, postings: exact });
  const corrections = options.edits > 0 ? sameFirstLetter(terms, term, options.edits) : undefined;
  // Two letters swapped are one typo ("ukriane"), which the fuzzy walk counts as two.
  if (corrections && options.edits === 1)
    for (let i = 1; i + 1 < term.length; i++) {
      const swapped = `${term.slice(0, i)}${term[i + 1]}${term[i]}${term.slice(i + 2)}`;
      const postings = swapped === term || corrections.has(swapped) ? undefined : terms.get(swapped);
      if (postings) corrections.set(swapped, [postings, 1]);
    }
  if (options.prefix) {
    for (const [completion, postings] of terms.atPrefix(term)) {
      const distance = completion.length - term.length;
      if (distance === 0) continue;
      corrections?.delete(completion);
      const weight = (PREFIX_WEIGHT * completion.length) / (completion.length + 0.3 * distance);
      expanded.push({ term: completion, weight, postings });
    }
  }
  for (const [correction, [postings, distance]] of corrections ?? []) {
    if (distance === 0) continue;
    const weight = (FUZZY_WEIGHT * correction.length) / (correction.length + distance);
    expanded.push({ term: correction, weight, postings });
  }
  return expanded;
}

/**
 * The terms within `edits` of `term` that start with its letter, which typists rarely get wrong
 * (see isPlausibleCorrection): "pope" does not reach "hope". The walk is of that letter's branch of
 * the tree alone, a fraction of the whole.
 */
function sameFirstLetter(
  terms: SearchableMap<TermPostings>,
  term: string,
  edits: number,
): Map<string, [TermPostings, number]> {
  const first = term.slice(0, 1);
  const corrections = new Map<string, [TermPostings, number]>();
  if (first === "") return corrections;
  for (const [rest, found] of terms.atPrefix(first).fuzzyGet(term.slice(1), edits))
    corrections.set(`${first}${rest}`, found);
  return corrections;
}
