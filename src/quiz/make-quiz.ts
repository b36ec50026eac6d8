import type { Corpus } from "../knowledge/corpus.ts";
import { foldQuotesAndSpace } from "../text/fold.ts";
import { UserError } from "../user-error.ts";
import {
  QUIZ_KIND_NAMES,
  type QuizCandidate,
  type QuizKind,
  type QuizQuestion,
  type QuizRandom,
  quizCandidates,
} from "./question-kinds.ts";

export const MAX_ROUNDS = 10;
/** Seeds members type back in to replay a quiz: short enough to read aloud. */
export const MAX_SEED = 999_999;

export interface QuizRequest {
  seed: number;
  rounds: number;
  kind?: QuizKind;
  topic?: string;
}

/**
 * The questions of a quiz. Reproducible: the same seed and request give the same questions, in the
 * same order, with the same choices, on any machine (the random source is a seeded generator, never
 * Math.random). Without a kind, each round's kind is drawn first, so a quiz mixes them evenly
 * however many candidates each kind has. Fewer questions than rounds when the topic allows fewer.
 */
export function makeQuiz(
  corpus: Corpus,
  request: QuizRequest,
  candidates = quizCandidates(corpus),
): QuizQuestion[] {
  const random = seededRandom(request.seed);
  const pool = candidates.filter(
    (candidate) =>
      (request.kind === undefined || candidate.kind === request.kind) &&
      (request.topic === undefined || isAbout(candidate, request.topic)),
  );
  if (pool.length === 0) throw noQuestions(request);

  const byKind = new Map<QuizKind, QuizCandidate[]>();
  for (const candidate of pool)
    byKind.set(candidate.kind, [...(byKind.get(candidate.kind) ?? []), candidate]);
  const questions: QuizQuestion[] = [];
  while (questions.length < Math.min(request.rounds, MAX_ROUNDS) && byKind.size > 0) {
    const kinds = [...byKind.keys()];
    const kind = kinds[random.below(kinds.length)] as QuizKind;
    const remaining = byKind.get(kind) ?? [];
    const [candidate] = remaining.splice(random.below(remaining.length), 1);
    if (remaining.length === 0) byKind.delete(kind);
    const question = candidate?.build(random);
    if (question !== undefined) questions.push(question);
  }
  if (questions.length === 0) throw noQuestions(request);
  return questions;
}

function noQuestions(request: QuizRequest): UserError {
  const kind = request.kind === undefined ? "" : ` of the kind "${QUIZ_KIND_NAMES[request.kind]}"`;
  const topic = request.topic === undefined ? "" : ` about "${request.topic}"`;
  return new UserError(
    "quiz-no-questions",
    `I have no quiz questions${kind}${topic}: try a broader topic, or leave the options out.`,
  );
}

/** Every word of the topic (plurals folded) appears in what the candidate is about. */
function isAbout(candidate: QuizCandidate, topic: string): boolean {
  const text = fold(candidate.about);
  const words = fold(topic).match(/[\p{L}\p{N}]+/gu) ?? [];
  const meaningful = words.filter((word) => word.length > 2).map((word) => word.replace(/(?<=\w{3})s$/, ""));
  return meaningful.length > 0 && meaningful.every((word) => text.includes(word));
}

function fold(text: string): string {
  return foldQuotesAndSpace(text).normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** mulberry32: a small, well-mixed 32-bit generator; plenty for shuffling a quiz. */
export function seededRandom(seed: number): QuizRandom {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const below = (limit: number) => Math.floor(next() * limit);
  return {
    below,
    shuffle<T>(items: readonly T[]): T[] {
      const shuffled = [...items];
      for (let i = shuffled.length - 1; i > 0; i--) {
        const j = below(i + 1);
        [shuffled[i], shuffled[j]] = [shuffled[j] as T, shuffled[i] as T];
      }
      return shuffled;
    },
  };
}
