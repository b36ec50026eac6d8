/**
 * Lengths a moderator's entry must fit. They match knowledge/qa.yaml's schema (question ≤ 300,
 * answer ≤ 1000) and Discord's modal text inputs (at most 4000 characters each), so the /qa modal
 * can use these numbers as its inputs' maxLength and never accept text the store would refuse.
 */
export const QA_LIMITS = {
  questionMin: 3,
  questionMax: 300,
  answerMin: 3,
  answerMax: 1000,
  /** All alternatives together, one a line, as typed in one modal input. */
  alternativesText: 1000,
  alternativeMax: 200,
  citationsMin: 1,
  citationsMax: 10,
  excerptMax: 1000,
  /** All citations together, as typed in one modal input. */
  citationsText: 4000,
  removalReasonMin: 3,
  removalReasonMax: 500,
} as const;
