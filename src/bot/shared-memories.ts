import { ButtonStyle, ComponentType } from "discord.js";
import type { Logger } from "pino";
import { z } from "zod";
import type { Answer } from "../answer/answer.ts";
import type { LastQuestion } from "../answer-commands.ts";
import type { Clock } from "../interaction/clock.ts";
import { ButtonMemory, type KeyedMemory } from "../interaction/recent-cache.ts";
import type { Drafts, EntryDraft, VoteTarget, VoteTargets } from "../moderation/moderation.ts";
import type { AnswerView } from "../render/discord/answer-view.ts";
import type { ButtonRow } from "../render/discord/payload.ts";
import type { SharedValues } from "../store/postgres/shared-values.ts";
import type { AnswerPages, StoredAnswer } from "./answer-pages.ts";
import { LAST_QUESTION_TTL_MS, type LastQuestions, lastQuestionsMemory } from "./context.ts";

/**
 * What buttons stand for, kept in the database replicas share (Postgres), so that "More", "Fix and
 * resubmit" and 👍/👎 work whichever replica a click reaches. Values come back through a schema:
 * the database is a boundary like any other.
 *
 * While the database is out of reach a value is kept in this process instead, and a click that
 * comes back here still works; one that reaches another replica is told the answer has expired.
 */
class SharedKeyedMemory<V> implements KeyedMemory<V> {
  readonly #local: ButtonMemory<V>;

  constructor(
    private readonly values: Pick<SharedValues, "remember" | "recall">,
    private readonly kind: string,
    private readonly schema: z.ZodType<V>,
    private readonly ttlMs: number,
    clock: Clock,
    private readonly logger: Logger,
  ) {
    this.#local = new ButtonMemory({ clock, ttlMs, maxEntries: 1_000 });
  }

  async remember(value: V): Promise<string> {
    try {
      return await this.values.remember(this.kind, JSON.stringify(value), this.ttlMs);
    } catch (error) {
      warnUnavailable(this.logger, this.kind, error);
      return this.#local.remember(value);
    }
  }

  async recall(key: string): Promise<V | undefined> {
    const local = await this.#local.recall(key);
    if (local !== undefined) return local;
    let json: string | undefined;
    try {
      json = await this.values.recall(this.kind, key, this.ttlMs);
    } catch (error) {
      warnUnavailable(this.logger, this.kind, error);
      return undefined;
    }
    if (json === undefined) return undefined;
    return parsedOrLogged(this.schema, json, this.kind, key, this.logger);
  }
}

/**
 * Members' last questions in the shared database, so that a follow-up reaching another replica is
 * read with the question this one answered. Each is kept here too: while the database is out of
 * reach, a follow-up coming back to this replica still finds it.
 */
class SharedLastQuestions implements LastQuestions {
  readonly #local: LastQuestions;
  readonly #kind = "last-question";

  constructor(
    private readonly values: Pick<SharedValues, "keep" | "recall">,
    clock: Clock,
    private readonly logger: Logger,
  ) {
    this.#local = lastQuestionsMemory(clock);
  }

  async keep(conversation: string, last: LastQuestion): Promise<void> {
    await this.#local.keep(conversation, last);
    try {
      await this.values.keep(this.#kind, conversation, JSON.stringify(last), LAST_QUESTION_TTL_MS);
    } catch (error) {
      warnUnavailable(this.logger, this.#kind, error);
    }
  }

  async recall(conversation: string): Promise<LastQuestion | undefined> {
    let json: string | undefined;
    try {
      json = await this.values.recall(this.#kind, conversation, LAST_QUESTION_TTL_MS);
    } catch (error) {
      warnUnavailable(this.logger, this.#kind, error);
    }
    if (json === undefined) return this.#local.recall(conversation);
    return parsedOrLogged(lastQuestionSchema, json, this.#kind, conversation, this.logger);
  }
}

function parsedOrLogged<V>(schema: z.ZodType<V>, json: string, kind: string, key: string, logger: Logger) {
  const parsed = schema.safeParse(JSON.parse(json));
  if (!parsed.success) logger.error({ kind, key }, "a value stored for replicas does not match its schema");
  return parsed.success ? parsed.data : undefined;
}

function warnUnavailable(logger: Logger, kind: string, error: unknown): void {
  logger.warn(
    { kind, error: error instanceof Error ? error.message : String(error) },
    "the database is out of reach: a value is kept in this replica only",
  );
}

const highlightSchema = z.object({ start: z.number(), end: z.number() });
const citationSchema = z.object({
  article: z.string(),
  title: z.string(),
  outlet: z.string().optional(),
  authors: z.array(z.string()),
  published: z.string().optional(),
  url: z.string().optional(),
  paragraph: z.number(),
  section: z.string().optional(),
});
export const excerptSchema = z.object({
  text: z.string(),
  highlights: z.array(highlightSchema),
  answers: z.array(highlightSchema).optional(),
  citation: citationSchema,
});
const answerSchema: z.ZodType<Answer> = z.object({
  confident: z.boolean(),
  results: z.array(
    z.object({
      kind: z.enum(["qa", "passage", "quote", "event", "demand", "person"]),
      id: z.string(),
      heading: z.string().optional(),
      guildId: z.string().optional(),
      summary: z.string().optional(),
      date: z.string().optional(),
      speaker: z
        .object({ id: z.string(), name: z.string(), role: z.string(), context: z.string() })
        .optional(),
      person: z
        .object({ id: z.string(), name: z.string(), role: z.string(), aliases: z.array(z.string()) })
        .optional(),
      excerpts: z.array(excerptSchema),
      sections: z.array(z.object({ label: z.string(), excerpts: z.array(excerptSchema) })).optional(),
      score: z.number(),
    }),
  ),
  notCoveredBy: z
    .object({ article: z.string(), title: z.string(), outlet: z.string().optional() })
    .optional(),
  readWith: z.string().optional(),
});
const viewSchema: z.ZodType<AnswerView> = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("ask"),
    question: z.string(),
    answer: answerSchema,
    serverName: z.string().optional(),
  }),
  z.object({
    kind: z.literal("demand"),
    topic: z.string().optional(),
    answer: answerSchema,
    menu: z.array(z.object({ id: z.string(), title: z.string() })).optional(),
  }),
  z.object({
    kind: z.literal("quote"),
    speaker: z.string().optional(),
    topic: z.string().optional(),
    answer: answerSchema,
  }),
  z.object({
    kind: z.literal("timeline"),
    from: z.string().optional(),
    to: z.string().optional(),
    topic: z.string().optional(),
    answer: answerSchema,
  }),
  z.object({ kind: z.literal("who"), person: z.string(), answer: answerSchema }),
]);
/** The rows kept under every page: buttons with a custom id (the feedback buttons) or a link. */
const buttonRowSchema: z.ZodType<ButtonRow> = z.object({
  type: z.literal(ComponentType.ActionRow),
  components: z.array(
    z.union([
      z.object({
        type: z.literal(ComponentType.Button),
        style: z.union([
          z.literal(ButtonStyle.Primary),
          z.literal(ButtonStyle.Secondary),
          z.literal(ButtonStyle.Success),
          z.literal(ButtonStyle.Danger),
        ]),
        custom_id: z.string(),
        label: z.string().optional(),
        emoji: z.object({ name: z.string().optional(), id: z.string().optional() }).optional(),
        disabled: z.boolean().optional(),
      }),
      z.object({
        type: z.literal(ComponentType.Button),
        style: z.literal(ButtonStyle.Link),
        url: z.string(),
        label: z.string().optional(),
        disabled: z.boolean().optional(),
      }),
    ]),
  ),
});
const storedAnswerSchema: z.ZodType<StoredAnswer> = z.object({
  view: viewSchema,
  extraRows: z.array(buttonRowSchema),
});
const draftSchema: z.ZodType<EntryDraft> = z.object({
  userId: z.string(),
  guildId: z.string(),
  mode: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("add") }),
    z.object({ kind: z.literal("edit"), id: z.string(), version: z.number() }),
  ]),
  values: z.object({
    question: z.string(),
    answer: z.string(),
    alternatives: z.string(),
    citations: z.string(),
  }),
});
const lastQuestionSchema: z.ZodType<LastQuestion> = z.object({
  question: z.string(),
  shown: z.array(z.string()),
});
const voteTargetSchema: z.ZodType<VoteTarget> = z.object({
  guildId: z.string(),
  question: z.string(),
  resultId: z.string(),
});

export interface SharedMemories {
  pages: AnswerPages;
  drafts: Drafts;
  votes: VoteTargets;
  lastQuestions: LastQuestions;
}

/** The memories behind buttons and follow-ups, in the shared database, with the lifetimes of the local ones. */
export function createSharedMemories(
  values: Pick<SharedValues, "remember" | "recall" | "keep">,
  clock: Clock,
  logger: Logger,
): SharedMemories {
  const memory = <V>(kind: string, schema: z.ZodType<V>, ttlMs: number) =>
    new SharedKeyedMemory(values, kind, schema, ttlMs, clock, logger);
  return {
    pages: memory("page", storedAnswerSchema, 15 * 60_000),
    drafts: memory("draft", draftSchema, 30 * 60_000),
    votes: memory("vote", voteTargetSchema, 24 * 60 * 60_000),
    lastQuestions: new SharedLastQuestions(values, clock, logger),
  };
}
