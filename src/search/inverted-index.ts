import SearchableMap from "minisearch/SearchableMap";

/** One term in one field: the documents using it (ascending numbers) and how often each does. */
export interface FieldPostings {
  field: number;
  docs: number[];
  freqs: number[];
}

/** A term's postings in each field it occurs in, by ascending field number. */
export type TermPostings = FieldPostings[];

/** A document's terms per field (in order, repeats included); undefined for a field it lacks. */
export type DocumentTerms = ReadonlyArray<ReadonlyArray<string> | undefined>;

/**
 * The postings behind the search: documents numbered in the order they are added, and for each term
 * the documents using it, per field. Compact arrays rather than MiniSearch's maps of result objects,
 * so a question over thousands of passages is summed in place (see query-scorer.ts). The terms are
 * also kept in MiniSearch's radix tree, which finds prefix completions and typo corrections.
 *
 * Field lengths and their averages follow MiniSearch's own bookkeeping to the bit (a field's length
 * is its number of distinct terms; the average is kept up to date as documents come and go), so
 * scores are exactly those MiniSearch gave.
 */
export interface InvertedIndex {
  /** Every term ever indexed, with its postings. */
  readonly terms: SearchableMap<TermPostings>;
  /** Live documents: BM25's N. */
  documentCount(): number;
  /** Document numbers handed out so far, removed ones included: the size of per-document arrays. */
  capacity(): number;
  averageLength(field: number): number;
  /** Per field, the length of each document that has it (indexed by document number). */
  lengths(field: number): ReadonlyArray<number>;
  add(fields: DocumentTerms, options?: { removable?: boolean }): number;
  /** Takes a document added as removable out of every posting. */
  remove(doc: number): void;
  /** Gives back the room postings grew into while the bulk of the documents was added. */
  compact(): void;
}

/** The term's postings in `field`, added in field order when the term is new to the field. */
function fieldPostingsOf(postings: TermPostings, field: number): FieldPostings {
  let at = postings.length;
  while (at > 0 && (postings[at - 1] as FieldPostings).field >= field) at -= 1;
  const found = postings[at];
  if (found?.field === field) return found;
  const created: FieldPostings = { field, docs: [], freqs: [] };
  postings.splice(at, 0, created);
  return created;
}

export function createInvertedIndex(fieldCount: number): InvertedIndex {
  const terms = new SearchableMap<TermPostings>();
  // The radix tree is for lookups by prefix or typo; exact lookups while indexing use a plain map.
  const byTerm = new Map<string, TermPostings>();
  const averages: number[] = Array.from({ length: fieldCount }, () => 0);
  const lengths: number[][] = Array.from({ length: fieldCount }, () => []);
  const removable = new Map<number, DocumentTerms>();
  let live = 0;
  let next = 0;

  const postingsOf = (term: string): TermPostings => {
    let postings = byTerm.get(term);
    if (!postings) {
      postings = [];
      byTerm.set(term, postings);
      terms.set(term, postings);
    }
    return postings;
  };

  return {
    terms,
    documentCount: () => live,
    capacity: () => next,
    averageLength: (field) => averages[field] ?? 0,
    lengths: (field) => lengths[field] ?? [],
    add(fields, options = {}) {
      const doc = next++;
      live += 1;
      fields.forEach((tokens, field) => {
        if (tokens === undefined) return;
        const length = new Set(tokens).size;
        (lengths[field] as number[])[doc] = length;
        averages[field] = ((averages[field] ?? 0) * (live - 1) + length) / live;
        for (const term of tokens) {
          const inField = fieldPostingsOf(postingsOf(term), field);
          const last = inField.docs.length - 1;
          if (inField.docs[last] === doc) inField.freqs[last] = (inField.freqs[last] ?? 0) + 1;
          else {
            inField.docs.push(doc);
            inField.freqs.push(1);
          }
        }
      });
      if (options.removable) removable.set(doc, fields);
      return doc;
    },
    remove(doc) {
      const fields = removable.get(doc);
      if (!fields) return;
      removable.delete(doc);
      fields.forEach((tokens, field) => {
        if (tokens === undefined) return;
        const length = lengths[field]?.[doc] ?? 0;
        averages[field] = live === 1 ? 0 : ((averages[field] ?? 0) * live - length) / (live - 1);
        for (const term of new Set(tokens)) {
          const inField = byTerm.get(term)?.find((postings) => postings.field === field);
          const at = inField?.docs.indexOf(doc) ?? -1;
          if (inField === undefined || at < 0) continue;
          inField.docs.splice(at, 1);
          inField.freqs.splice(at, 1);
        }
      });
      live -= 1;
    },
    compact() {
      for (const postings of byTerm.values()) {
        for (const inField of postings) {
          inField.docs = inField.docs.slice();
          inField.freqs = inField.freqs.slice();
        }
      }
    },
  };
}
