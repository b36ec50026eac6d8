import { checkReferences } from "./check-references.ts";
import type { Corpus } from "./corpus.ts";
import { KnowledgeError, type KnowledgeProblem } from "./problems.ts";
import { readKnowledgeDir } from "./read-knowledge-dir.ts";

/** Every problem in a knowledge folder: schemas first, then references and excerpts. */
export function checkKnowledgeDir(dir: string): { corpus: Corpus; problems: KnowledgeProblem[] } {
  const { corpus, problems } = readKnowledgeDir(dir);
  return { corpus, problems: [...problems, ...checkReferences(corpus)] };
}

/** Loads a knowledge folder, refusing to start on any problem: a wrong citation must never reach a user. */
export function loadCorpus(dir: string): Corpus {
  const { corpus, problems } = checkKnowledgeDir(dir);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return Object.freeze(corpus);
}
