import type { Analyzer } from "./analyzer.ts";
import type { DocumentTerms } from "./inverted-index.ts";
import { numberIn } from "./phrasings.ts";
import { SEARCH_FIELDS, type SearchDocument } from "./search-documents.ts";

/** Fields listing ways of asking for a document, one per line. */
const PHRASING_FIELDS = ["passageQuestions", "qaQuestion", "qaAlternatives"];
/** The question bank's field: members' words, typos included. */
const BANK_FIELD = "passageQuestions";

/** A document read once for all that is built from it: the index, its phrasings, the term statistics. */
export interface AnalysedDocument {
  /** Per search field, its terms; a field listing ways of asking is read line by line. */
  fields: DocumentTerms;
  /** Its ways of asking (bank questions, a Q&A's wordings), and the terms of each. */
  ways: string[];
  wayTerms: string[][];
  /** The words of each way of asking as analysed, stop words included (see Wordings). */
  wayWords: string[][];
  /** Every term of its fields, each field read as a whole (the term statistics count these). */
  terms: Set<string>;
  /** Those spelled as the knowledge spells them: all but the question bank's, and its English words. */
  spelled: Set<string>;
}

export function analyseDocument(document: SearchDocument, analyzer: Analyzer): AnalysedDocument {
  const ways: string[] = [];
  const wayTerms: string[][] = [];
  const wayWords: string[][] = [];
  const terms = new Set<string>();
  const spelled = new Set<string>();
  const fields = SEARCH_FIELDS.map((field) => {
    const value = document[field];
    if (value === undefined || value === null) return undefined;
    const text = String(value);
    if (!PHRASING_FIELDS.includes(field)) {
      const whole = analyzer.fieldTerms(text);
      if (typeof value === "string")
        for (const term of whole) {
          terms.add(term);
          spelled.add(term);
        }
      return whole;
    }
    // The lines are the field's phrasings, each analysed on its own: no word or phrase crosses a line.
    const lines = text.split("\n");
    const lineWords = lines.map((line) => analyzer.words(line));
    const lineTerms = lineWords.map((words) => analyzer.termsOfWords(words));
    if (typeof value === "string") {
      ways.push(...lines);
      wayTerms.push(...lineTerms);
      for (const words of lineWords) wayWords.push(words.map((word) => word.stem));
      for (const term of lineTerms.flat()) {
        terms.add(term);
        if (field !== BANK_FIELD) spelled.add(term);
      }
      // Members' words in the bank are misspelt on purpose now and then ("sulivan"): only its words
      // English knows are a spelling to trust.
      if (field === BANK_FIELD)
        for (const word of lineWords.flat())
          if (!word.stop && !spelled.has(word.stem) && analyzer.semantic?.isCommonWord(word.word) !== false)
            spelled.add(word.stem);
    }
    return lineTerms.flat();
  });
  return { fields, ways, wayTerms, wayWords, terms, spelled };
}

/**
 * The analyses of many documents as one table of strings and one array of numbers: plain data that
 * is quick to keep between starts and to read back (not an array or a string per term).
 */
export interface PackedAnalyses {
  strings: string[];
  numbers: Int32Array;
}

/**
 * Packs analyses one at a time, as the index reads them: none is kept whole. Per analysis: each
 * field's terms (-1 for a field it lacks), its ways and their terms and words, its terms, those spelled.
 */
export class AnalysesPacker {
  private readonly strings: string[] = [];
  private readonly numberOf = new Map<string, number>();
  private readonly numbers: number[] = [];

  /** Packs `analysis` and gives it back. */
  add(analysis: AnalysedDocument): AnalysedDocument {
    const { fields, ways, wayTerms, wayWords, terms, spelled } = analysis;
    this.numbers.push(fields.length);
    for (const field of fields) {
      if (field === undefined) this.numbers.push(-1);
      else this.list(field);
    }
    this.list(ways);
    for (const lists of [wayTerms, wayWords]) for (const each of lists) this.list(each);
    this.list([...terms]);
    this.list([...spelled]);
    return analysis;
  }

  packed(): PackedAnalyses {
    return { strings: this.strings.slice(), numbers: Int32Array.from(this.numbers) };
  }

  private list(items: ReadonlyArray<string>) {
    this.numbers.push(items.length);
    for (const item of items) this.numbers.push(numberIn(this.numberOf, item, () => this.strings.push(item)));
  }
}

/** Reads packed analyses back one at a time, in the order they were packed; undefined past the last. */
export function analysesReader({ strings, numbers }: PackedAnalyses): () => AnalysedDocument | undefined {
  let at = 0;
  const next = () => numbers[at++] as number;
  const list = (length = next()) => {
    const items: string[] = new Array(length);
    for (let i = 0; i < length; i++) items[i] = strings[next()] as string;
    return items;
  };
  return () => {
    if (at >= numbers.length) return undefined;
    const fields: Array<string[] | undefined> = [];
    for (let field = next(); field > 0; field--) {
      const length = next();
      fields.push(length < 0 ? undefined : list(length));
    }
    const ways = list();
    const wayTerms = ways.map(() => list());
    const wayWords = ways.map(() => list());
    return { fields, ways, wayTerms, wayWords, terms: new Set(list()), spelled: new Set(list()) };
  };
}
