/**
 * Whether an answer is confident, read from what the search measured of the question's best matches
 * by a logistic model fitted on the tuned evaluation sets (src/eval/fit-confidence.ts; `npm run
 * fit:confidence` refits it and prints the weights below). It replaced a chain of thresholds, each
 * chosen alone: enough coverage, or a way of asking worded nearly as the question is, and then not
 * much nearer to a question the articles are known not to answer. Weighed together, a match that
 * covers a little less is still trusted when nothing unanswered is near, and one that covers enough
 * is not when something unanswered is nearly as near. The checks of what the question names and
 * asks for (a date, a number, a name) stay hard rules, applied to the results (see answerOf).
 */

/** What an answer's confidence is read from. */
export interface ConfidenceSignals {
  /** The best coverage of a match with every named thing of the question (0…1). */
  coverage: number;
  /** The coverage a match must have to answer by the old rule (see confidentCoverage). */
  coverageNeeded: number;
  /**
   * The share of the question's words, stop words included, the first hit's closest way of asking
   * has in common with it (SearchMatches.wordingOf); 0 when the question asks for particulars,
   * which a way of asking worded alike does not show it answers.
   */
  firstWording: number;
  /**
   * Whether the question's meaning was measured: the knowledge has word vectors, and one of its words
   * has one. Without, its cosines are 0 and say nothing: the model takes how much nearer the nearest
   * not-covered question is than the best hits to be as on a typical question it was fitted on.
   */
  meaningMeasured: boolean;
  /** The nearest not-covered question's cosine with the question, and its share of words in common. */
  unansweredSimilarity: number;
  unansweredWording: number;
  /** The same for the best hits (the nearest of them), which the not-covered questions rival. */
  hitSimilarity: number;
  hitWording: number;
  /** Fewer than three content words (numbers aside): an embedding of one or two words is blunt. */
  short: boolean;
  /** No word of the question is what the articles are about (see isOffTopic). */
  offTopic: boolean;
  /** Asked of one article: what is left of the question is often short, the article its point. */
  ofOneArticle: boolean;
  /** How many distinct content words the question has. */
  words: number;
  /**
   * How long the question is, stop words and all: beside its content words, how much of it is how
   * it asks rather than what (on the tuned sets, of two questions with as many content words, the
   * longer is more often one the articles answer).
   */
  characters: number;
}

type Feature = (signals: ConfidenceSignals) => number;

/** The model's inputs; each of CONFIDENCE_MODEL's weights is for the input of that name. */
export const CONFIDENCE_FEATURES = {
  coverageBeyondNeeded: (s) => s.coverage - s.coverageNeeded,
  coverage: (s) => Math.min(s.coverage, 1),
  firstWording: (s) => s.firstWording,
  unansweredNearer: (s) => s.unansweredSimilarity - s.hitSimilarity,
  unansweredWordedNearer: (s) => s.unansweredWording - s.hitWording,
  short: (s) => (s.short ? 1 : 0),
  offTopic: (s) => (s.offTopic ? 1 : 0),
  ofOneArticle: (s) => (s.ofOneArticle ? 1 : 0),
  words: (s) => Math.log1p(s.words),
  characters: (s) => Math.log1p(s.characters),
  shortAndUnansweredNearer: (s) => (s.short ? s.unansweredSimilarity - s.hitSimilarity : 0),
} satisfies Record<string, Feature>;

export type ConfidenceFeature = keyof typeof CONFIDENCE_FEATURES;

export interface ConfidenceModel {
  bias: number;
  weights: Record<ConfidenceFeature, number>;
  /** Its mean on the questions fitted whose meaning was measured: taken for those whose was not. */
  typicalUnansweredNearer: number;
}

/** Fitted on the tuned sets by `npm run fit:confidence` (see fitConfidence). */
export const CONFIDENCE_MODEL: ConfidenceModel = {
  typicalUnansweredNearer: -0.0548,
  bias: -1.9887,
  weights: {
    coverageBeyondNeeded: 2.037,
    coverage: 1.1558,
    firstWording: 0.8644,
    unansweredNearer: -5.6842,
    unansweredWordedNearer: -9.4294,
    short: -0.376,
    offTopic: -2.592,
    ofOneArticle: 0.9888,
    words: -0.5042,
    characters: 0.6584,
    shortAndUnansweredNearer: 3.2082,
  },
};

/**
 * The probability the model gives that an answer is right must be at least this. Chosen on the tuned
 * sets as the highest at which no more answerable questions are called not covered than under the
 * thresholds the model replaced.
 */
export const CONFIDENT_PROBABILITY = 0.65;

const FEATURE_NAMES = Object.keys(CONFIDENCE_FEATURES) as ConfidenceFeature[];

/** The model's probability that an answer read from these signals is right. */
export function confidenceOf(signals: ConfidenceSignals, model: ConfidenceModel = CONFIDENCE_MODEL): number {
  const measured = withMeaning(signals, model.typicalUnansweredNearer);
  let sum = model.bias;
  for (const name of FEATURE_NAMES) sum += model.weights[name] * CONFIDENCE_FEATURES[name](measured);
  return 1 / (1 + Math.exp(-sum));
}

function withMeaning(signals: ConfidenceSignals, typicalUnansweredNearer: number): ConfidenceSignals {
  return signals.meaningMeasured
    ? signals
    : { ...signals, unansweredSimilarity: signals.hitSimilarity + typicalUnansweredNearer };
}

export interface ConfidenceSample {
  signals: ConfidenceSignals;
  /** Whether the articles answer the question. */
  answerable: boolean;
}

/** Fitting: gradient steps on standardized inputs, with a little L2 so correlated inputs stay tame. */
const FIT_STEPS = 3000;
const FIT_RATE = 0.5;
const FIT_L2 = 0.01;

/**
 * Logistic regression by full-batch gradient descent: a dozen inputs and a few thousand questions
 * need nothing more, and a fixed number of steps from zero gives the same weights on every machine.
 * Inputs are standardized while fitting, and the weights turned back to the inputs' own scales.
 */
export function fitConfidence(samples: readonly ConfidenceSample[]): ConfidenceModel {
  const measured = samples.filter((sample) => sample.signals.meaningMeasured);
  const typicalUnansweredNearer =
    measured.reduce((sum, { signals }) => sum + CONFIDENCE_FEATURES.unansweredNearer(signals), 0) /
    Math.max(1, measured.length);
  const rows = samples.map((sample) =>
    FEATURE_NAMES.map((name) =>
      CONFIDENCE_FEATURES[name](withMeaning(sample.signals, typicalUnansweredNearer)),
    ),
  );
  const labels = samples.map((sample) => (sample.answerable ? 1 : 0));
  const n = rows.length;
  const mean = FEATURE_NAMES.map((_, j) => rows.reduce((sum, row) => sum + (row[j] as number), 0) / n);
  const spread = FEATURE_NAMES.map((_, j) => {
    const variance = rows.reduce((sum, row) => sum + ((row[j] as number) - (mean[j] as number)) ** 2, 0) / n;
    return Math.sqrt(variance) + 1e-9;
  });
  const standard = rows.map((row) => row.map((x, j) => (x - (mean[j] as number)) / (spread[j] as number)));
  let bias = 0;
  const weights = FEATURE_NAMES.map(() => 0);
  for (let step = 0; step < FIT_STEPS; step++) {
    let biasGradient = 0;
    const gradient = weights.map(() => 0);
    standard.forEach((row, i) => {
      const sum = row.reduce((total, x, j) => total + x * (weights[j] as number), bias);
      const error = 1 / (1 + Math.exp(-sum)) - (labels[i] as number);
      biasGradient += error;
      row.forEach((x, j) => {
        gradient[j] = (gradient[j] as number) + error * x;
      });
    });
    bias -= (FIT_RATE * biasGradient) / n;
    weights.forEach((w, j) => {
      weights[j] = w - FIT_RATE * ((gradient[j] as number) / n + FIT_L2 * w);
    });
  }
  const raw = weights.map((w, j) => w / (spread[j] as number));
  return {
    typicalUnansweredNearer,
    bias: bias - raw.reduce((sum, w, j) => sum + w * (mean[j] as number), 0),
    weights: Object.fromEntries(FEATURE_NAMES.map((name, j) => [name, raw[j] as number])) as Record<
      ConfidenceFeature,
      number
    >,
  };
}
