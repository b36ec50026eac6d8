import type { QaEntry } from "../knowledge/schema.ts";
import type { Answer, AnswerResult, ArticleSummary, ResultKind } from "./answer.ts";
import type { ConfidenceSignals } from "./ask/confidence.ts";

/**
 * What every front end says when `Answer.confident` is false, before the closest passages: the one
 * place the sentence is written, so Discord, the console and the CLI say the same.
 */
export const NOT_COVERED_MESSAGE = "The articles don't seem to cover that";

/** The same for a question asked of one article that the others answer: "NPR's article doesn't…". */
export function notCoveredMessage(answer: Answer): string {
  const asked = answer.notCoveredBy;
  if (asked === undefined) return NOT_COVERED_MESSAGE;
  const name = asked.outlet === undefined ? `“${asked.title}”` : `${possessive(asked.outlet)} article`;
  return `${name} doesn't seem to cover that`;
}

const possessive = (name: string) => (name.endsWith("s") ? `${name}'` : `${name}'s`);

/**
 * The transport-free core every front end calls (Discord commands, console, CLI). Bad input never
 * throws anything but a UserError (src/user-error.ts) whose message tells the user what to change.
 */

export interface AskOptions {
  /** Guild whose moderator entries join the global knowledge; undefined = global knowledge only. */
  guildId?: string;
  /** Only passages of this article id. */
  article?: string;
  /** At most this many results (default 5). */
  limit?: number;
  /**
   * The member's previous question in this conversation, with which a follow-up ("what else did
   * he say", "and what about the US?") is read (see Answer.readWith).
   */
  previous?: string;
  /**
   * The paragraphs ("article#n") the answer to `previous` showed: a follow-up asking for more
   * ("what else did he say", "tell me more") is answered with what that answer did not show.
   */
  shown?: ReadonlyArray<string>;
  /**
   * Told, for each answer worked out, what its confidence was read from and whether its results
   * passed the checks of what the question names and asks for: how the confidence model is fitted
   * (src/eval/fit-confidence.ts).
   */
  observe?: (signals: ConfidenceSignals, checked: boolean) => void;
}

export type SuggestField = "topic" | "demand" | "speaker" | "person" | "article" | "year" | "question";

export interface Suggestion {
  /** What the user sees (≤ 100 characters). */
  name: string;
  /** What the command receives (≤ 100 characters). */
  value: string;
}

export interface Dossier {
  ask(question: string, options?: AskOptions): Answer;
  /** All demands, or those matching a topic or demand id; each with reasoning and Western response. */
  demands(topic?: string): Answer;
  quotes(filter: { speaker?: string; topic?: string }): Answer;
  /** Dated events, oldest first; `from`/`to` are years or dates ("2014", "2021-12"). */
  timeline(filter: { from?: string; to?: string; topic?: string }): Answer;
  who(person: string): Answer;
  sources(): ArticleSummary[];
  /** One article, by id or as members name it ("npr", "wapo", "trenin"). */
  source(article: string): ArticleSummary | undefined;
  /**
   * The article a question asks about itself ("who wrote the npr piece", "what's the headline of the
   * fp article"), named in it or given as `article`: its details answer it, not its paragraphs.
   */
  detailsAsked(question: string, article?: string): ArticleSummary | undefined;
  /**
   * Autocomplete: exact › prefix › fuzzy; sensible defaults when `typed` is empty. Questions come from
   * the curated Q&A and, given `guildId`, that server's moderators' entries.
   */
  suggest(field: SuggestField, typed: string, limit?: number, guildId?: string): Suggestion[];
  /** Everything one result's entry cites, unranked (a "Sources" list); undefined for an unknown id. */
  evidence(kind: ResultKind, id: string, guildId?: string): AnswerResult | undefined;
  /** A moderator entry was added or edited: visible to `ask` in that guild at once. */
  upsertGuildQa(guildId: string, entry: QaEntry): void;
  removeGuildQa(guildId: string, entryId: string): void;
  /**
   * Embeds the documents start-up left unembedded (questions embed those they reach meanwhile), then
   * asks up to 600 of the question bank's phrasings (some of every paragraph), a few at a time
   * between other work, so that V8 has optimized the answer path before members ask: the first few
   * hundred asks of a fresh process otherwise take several times longer. Each answer is handed to
   * `answered` (to be drawn as members would see it, so that the drawing is optimized too). Resolves
   * with the number asked, fewer when `signal` aborts.
   */
  warmUp(signal?: AbortSignal, answered?: (question: string, answer: Answer) => void): Promise<number>;
}
