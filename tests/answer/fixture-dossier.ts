import { createDossier } from "../../src/answer/create-dossier.ts";
import type { Dossier } from "../../src/answer/dossier.ts";
import type { Corpus } from "../../src/knowledge/corpus.ts";
import { loadCorpus } from "../../src/knowledge/load-corpus.ts";

/**
 * A small, stable knowledge folder (copies of the five articles, a few entries of each kind) so
 * that ranking tests do not move when the curated knowledge grows.
 */
export const FIXTURE_KNOWLEDGE = new URL("./fixtures/knowledge/", import.meta.url).pathname;
export const REAL_KNOWLEDGE = new URL("../../knowledge/", import.meta.url).pathname;

let corpus: Corpus | undefined;

export function fixtureCorpus(): Corpus {
  corpus ??= loadCorpus(FIXTURE_KNOWLEDGE);
  return corpus;
}

/** A fresh dossier each time: guild entries added by one test never leak into another. */
export function fixtureDossier(): Dossier {
  return createDossier(fixtureCorpus());
}
