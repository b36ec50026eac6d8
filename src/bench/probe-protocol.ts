import { z } from "zod";

/** What the parent asks one fresh child process to measure, and what the child reports (one JSON line). */
export const probeRequestSchema = z.strictObject({
  engine: z.enum(["dossier", "baseline"]),
  /** 1 = the shipped knowledge; n > 1 adds n generated variants of every primary article. */
  scale: z.number().int().positive(),
  /** How generated variants relate to the shipped words (see synthetic-corpus.ts); default "shuffled". */
  words: z.enum(["shuffled", "own-vocabulary"]).optional(),
  knowledgeDir: z.string().min(1),
  /** Where the verified knowledge is kept between starts, as the bundled bot keeps it (knowledge-cache.ts). */
  knowledgeCache: z.strictObject({ file: z.string().min(1), codeVersion: z.string().min(1) }),
  /** Absent: start-up and memory only. */
  queries: z
    .strictObject({
      questionsFile: z.string().min(1),
      /**
       * Questions written by people who saw only the articles: each asked once and timed (as a
       * member's own question is), then scored.
       */
      heldOutFiles: z.array(z.string().min(1)).optional(),
      warmupRounds: z.number().int().nonnegative(),
      rounds: z.number().int().positive(),
    })
    .optional(),
});

export const probeResultSchema = z.strictObject({
  /** Whether the knowledge was read as kept by an earlier start. */
  knowledgeKept: z.boolean(),
  loadMs: z.number(),
  indexMs: z.number(),
  /** The first question asked after start-up, before any warm-up. */
  firstAskMs: z.number(),
  passages: z.number().int(),
  rssAfterLoad: z.number(),
  queries: z
    .strictObject({
      questions: z.number().int(),
      /** Asks of the engine's own warm-up (0 for the baseline) and how long it took. */
      warmUpAsks: z.number().int(),
      warmUpMs: z.number(),
      latenciesMs: z.array(z.number()),
      rssAfterQueries: z.number(),
      hitAt3: z.number(),
      unanswerableFlagged: z.number(),
      heldOut: z
        .strictObject({
          hitAt1: z.number(),
          hitAt3: z.number(),
          unanswerableFlagged: z.number(),
          /** Each question's first ask. */
          latenciesMs: z.array(z.number()),
        })
        .optional(),
    })
    .optional(),
});

export type ProbeRequest = z.infer<typeof probeRequestSchema>;
export type ProbeResult = z.infer<typeof probeResultSchema>;
export type EngineName = ProbeRequest["engine"];
