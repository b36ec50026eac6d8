import { z } from "zod";
import type { Dossier } from "../answer/dossier.ts";
import type { Answer, ArticleSummary } from "../answer/types.ts";
import { UserError } from "../errors.ts";

/**
 * One answer command, whichever front door it came through (`dossier ask …`, the console's `/ask …`).
 * Both parse into this, and `runRequest` makes the same Dossier call the Discord command makes, so
 * every front end shows the same results in the same order.
 */
const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** Emptiness is the core's to judge, so every front end shows the same sentence for it. */
const requiredText = z.string().trim();

export const commandRequestSchema = z.discriminatedUnion("command", [
  z.strictObject({
    command: z.literal("ask"),
    question: requiredText,
    article: optionalText,
  }),
  z.strictObject({ command: z.literal("demand"), topic: optionalText }),
  z.strictObject({ command: z.literal("quote"), speaker: optionalText, topic: optionalText }),
  z.strictObject({
    command: z.literal("timeline"),
    from: optionalText,
    to: optionalText,
    topic: optionalText,
    /** Also draw the events as a PNG picture, to this file (front ends write it; see timeline-picture.ts). */
    png: optionalText,
  }),
  z.strictObject({
    command: z.literal("who"),
    person: requiredText,
  }),
  z.strictObject({ command: z.literal("source"), article: optionalText }),
]);

export type CommandRequest = z.infer<typeof commandRequestSchema>;
export type CommandName = CommandRequest["command"];

export type CommandOutput =
  | { kind: "answer"; command: CommandName; answer: Answer }
  | { kind: "sources"; sources: ArticleSummary[] }
  | { kind: "source"; source: ArticleSummary };

/** Validates raw options (a UserError with the first problem) into a request. */
export function parseRequest(raw: Record<string, unknown>): CommandRequest {
  const parsed = commandRequestSchema.safeParse(raw);
  if (parsed.success) return parsed.data;
  throw new UserError("invalid-request", parsed.error.issues[0]?.message ?? "That command is incomplete.");
}

export function runRequest(dossier: Dossier, request: CommandRequest): CommandOutput {
  const answer = (result: Answer): CommandOutput => ({
    kind: "answer",
    command: request.command,
    answer: result,
  });
  switch (request.command) {
    case "ask":
      return answer(dossier.ask(request.question, definedOnly({ article: request.article })));
    case "demand":
      return answer(dossier.demands(request.topic));
    case "quote":
      return answer(dossier.quotes(definedOnly({ speaker: request.speaker, topic: request.topic })));
    case "timeline":
      return answer(
        dossier.timeline(definedOnly({ from: request.from, to: request.to, topic: request.topic })),
      );
    case "who":
      return answer(dossier.who(request.person));
    case "source":
      return request.article === undefined
        ? { kind: "sources", sources: dossier.sources() }
        : { kind: "source", source: findSource(dossier, request.article) };
  }
}

function findSource(dossier: Dossier, id: string): ArticleSummary {
  const source = dossier.source(id);
  if (source !== undefined) return source;
  const ids = dossier.sources().map((s) => s.id);
  throw new UserError("unknown-article", `There is no article "${id}". The articles are: ${ids.join(", ")}.`);
}

/** Options objects without `undefined` members, so the core sees exactly what the user gave. */
function definedOnly<T extends Record<string, string | undefined>>(
  options: T,
): Partial<Record<keyof T, string>> {
  const result: Partial<Record<keyof T, string>> = {};
  for (const key of Object.keys(options) as Array<keyof T>) {
    const value = options[key];
    if (value !== undefined) result[key] = value;
  }
  return result;
}
