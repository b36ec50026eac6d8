import { z } from "zod";
import { type Answer, type ArticleSummary, paragraphOf } from "./answer/answer.ts";
import type { AskOptions, Dossier, SuggestField } from "./answer/dossier.ts";
import { UserError } from "./user-error.ts";

/**
 * The answer commands, each defined once: its name, description, options (with their limits and
 * autocomplete source) and the Dossier call it makes. Every front door is generated from these:
 * the Discord registration and option reading (src/bot/command.ts, used by commands/<name>.ts),
 * the console's parser and /help (src/console/), and the `dossier <name>` sub-commands with their
 * usage (src/cli/answer-sub-commands.ts). tests/bot/command-definitions.test.ts checks they agree.
 */

/** Lengths Discord enforces for the options we register, checked again whatever the front door. */
export const MAX_LENGTH = {
  question: 300,
  name: 100,
  date: 20,
} as const;

export interface AnswerOption {
  /** The option's name: `question:` in Discord and the console, `--article` in the CLI. */
  readonly name: string;
  /** How a sentence about it calls it: "The start date is empty". */
  readonly label: string;
  readonly description: string;
  readonly max: number;
  readonly required?: boolean;
  /** The dossier's suggestions while a member types it in Discord. */
  readonly suggest?: SuggestField;
  /** What `--name <placeholder>` shows in the CLI's usage. */
  readonly placeholder?: string;
  /** Writes a file, so only the terminal front doors offer it. */
  readonly terminalOnly?: boolean;
  /**
   * Its value is one word (an article id, a year): in the console, words typed after it belong to
   * the main option, as members type them ("/ask article:npr what about missiles").
   */
  readonly oneWord?: boolean;
}

/** What the member gave, by option name; absent and blank options are left out. */
export type OptionValues = Readonly<Partial<Record<string, string>>>;

/** Where the answer is asked: a guild's moderator entries join in, and how many results to keep. */
export type AnswerScope = Pick<AskOptions, "guildId" | "limit" | "previous" | "shown">;

/** What a command's Dossier call gives. */
export type CommandResult =
  | { kind: "answer"; answer: Answer }
  | { kind: "sources"; sources: ArticleSummary[] }
  | { kind: "source"; source: ArticleSummary };

/** What the terminal front doors print: the result, an answer labelled with its command. */
export type CommandOutput =
  | Exclude<CommandResult, { kind: "answer" }>
  | { kind: "answer"; command: string; answer: Answer };

export interface AnswerCommandSpec {
  readonly name: string;
  readonly description: string;
  readonly options: readonly AnswerOption[];
  /** The option that takes words typed without a name: the console's bare words, the CLI's positionals. */
  readonly main?: string;
  /** A line the console shows as an example. */
  readonly example: string;
  /** Answer commands share one per-member cooldown in Discord; /source lists fixed things and skips it. */
  readonly cooldown: boolean;
  run(dossier: Dossier, values: OptionValues, scope: AnswerScope): CommandResult;
}

const ARTICLE_FILTER = {
  name: "article",
  label: "article",
  description: "Only search this article",
  max: MAX_LENGTH.name,
  suggest: "article",
  placeholder: "id",
  oneWord: true,
} as const;

export const ANSWER_COMMANDS = [
  {
    name: "ask",
    description: "Ask a question about the articles; the answer quotes them",
    options: [
      {
        name: "question",
        label: "question",
        description: "Your question, e.g. why now?",
        max: MAX_LENGTH.question,
        required: true,
        suggest: "question",
      },
      ARTICLE_FILTER,
    ],
    main: "question",
    example: "/ask why now?",
    cooldown: true,
    run: (dossier, values, scope): CommandResult => {
      // "Who wrote the npr piece" is answered by the article's details, as /source shows them.
      const details = dossier.detailsAsked(values.question ?? "", values.article);
      if (details !== undefined) return { kind: "source", source: details };
      return answered(
        dossier.ask(values.question ?? "", { ...scope, ...definedOnly({ article: values.article }) }),
      );
    },
  },
  {
    name: "demand",
    description: "Russia's demands, each with its reasoning and the Western response",
    options: [
      {
        name: "topic",
        label: "topic",
        description: "A demand or topic, e.g. missiles",
        max: MAX_LENGTH.name,
        suggest: "demand",
      },
    ],
    main: "topic",
    example: "/demand topic:missiles",
    cooldown: true,
    run: (dossier, values) => answered(dossier.demands(values.topic)),
  },
  {
    name: "quote",
    description: "Quotations from the articles: who said what",
    options: [
      {
        name: "speaker",
        label: "speaker",
        description: "Who spoke, e.g. Putin",
        max: MAX_LENGTH.name,
        suggest: "speaker",
        placeholder: "name",
      },
      {
        name: "topic",
        label: "topic",
        description: "What about, e.g. NATO expansion",
        max: MAX_LENGTH.name,
        suggest: "topic",
      },
    ],
    main: "topic",
    example: '/quote speaker:"Jake Sullivan" topic:sanctions',
    cooldown: true,
    run: (dossier, values) =>
      answered(dossier.quotes(definedOnly({ speaker: values.speaker, topic: values.topic }))),
  },
  {
    name: "timeline",
    description: "Dated events the articles mention, oldest first",
    options: [
      {
        name: "from",
        label: "start date",
        description: "A year or date, e.g. 2008 or 2021-12",
        max: MAX_LENGTH.date,
        suggest: "year",
        placeholder: "2014",
        oneWord: true,
      },
      {
        name: "to",
        label: "end date",
        description: "A year or date, e.g. 2022-01",
        max: MAX_LENGTH.date,
        suggest: "year",
        placeholder: "2022",
        oneWord: true,
      },
      {
        name: "topic",
        label: "topic",
        description: "Only events about this, e.g. Minsk",
        max: MAX_LENGTH.name,
        suggest: "topic",
      },
      {
        name: "png",
        label: "picture file",
        description: "Also draw the events as a picture, to this PNG file",
        // A path, not a name Discord limits: long enough for any sensible one.
        max: 4096,
        placeholder: "file",
        terminalOnly: true,
      },
    ],
    main: "topic",
    example: "/timeline from:2014 to:2019",
    cooldown: true,
    run: (dossier, values) =>
      answered(dossier.timeline(definedOnly({ from: values.from, to: values.to, topic: values.topic }))),
  },
  {
    name: "who",
    description: "Who someone in the articles is, and what they said",
    options: [
      {
        name: "person",
        label: "name",
        description: "A name, e.g. Ryabkov",
        max: MAX_LENGTH.name,
        required: true,
        suggest: "person",
      },
    ],
    main: "person",
    example: "/who Ryabkov",
    cooldown: true,
    run: (dossier, values) => answered(dossier.who(values.person ?? "")),
  },
  {
    name: "source",
    description: "The articles Dossier quotes, or one article's details",
    options: [{ ...ARTICLE_FILTER, description: "An article, e.g. npr" }],
    main: "article",
    example: "/source article:npr-2022-01-12",
    cooldown: false,
    run: (dossier, values) =>
      values.article === undefined
        ? { kind: "sources", sources: dossier.sources() }
        : { kind: "source", source: findSource(dossier, values.article) },
  },
] as const satisfies readonly AnswerCommandSpec[];

type AnswerCommand = (typeof ANSWER_COMMANDS)[number];

export function findAnswerCommand(name: string): AnswerCommandSpec | undefined {
  return ANSWER_COMMANDS.find((command) => command.name === name);
}

/** The one answer command of this name; for front doors that name it in code. */
export function answerCommand<const Name extends AnswerCommand["name"]>(
  name: Name,
): Extract<AnswerCommand, { name: Name }> {
  const found = ANSWER_COMMANDS.find(
    (command): command is Extract<AnswerCommand, { name: Name }> => command.name === name,
  );
  if (found === undefined) throw new Error(`No answer command is named ${name}.`);
  return found;
}

/**
 * One answer command, whichever terminal front door it came through (`dossier ask …`, the console's
 * `/ask …`): the command's name and the options given.
 */
export type CommandRequest = { readonly command: string } & OptionValues;

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value));

/** Emptiness is the core's to judge, so every front end shows the same sentence for it. */
const requiredText = z.string().trim();

/** Validates raw options against the command's spec (a UserError with the first problem). */
export function parseRequest(raw: { command: string } & Record<string, unknown>): CommandRequest {
  const { command: name, ...options } = raw;
  const command = findAnswerCommand(name);
  if (command === undefined) throw new UserError("invalid-request", `There is no /${name} command.`);
  const shape = Object.fromEntries(
    command.options.map((option) => [option.name, option.required === true ? requiredText : optionalText]),
  );
  const parsed = z.strictObject(shape).safeParse(options);
  if (!parsed.success)
    throw new UserError("invalid-request", parsed.error.issues[0]?.message ?? "That command is incomplete.");
  // Keyed by the spec's option names (the schema strips any other key).
  const values = Object.fromEntries(
    Object.entries(parsed.data).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  return { command: command.name, ...values };
}

/** Makes the command's Dossier call, the same one the Discord command makes. */
export function runRequest(
  dossier: Dossier,
  request: CommandRequest,
  scope: AnswerScope = {},
): CommandOutput {
  const command = findAnswerCommand(request.command);
  if (command === undefined)
    throw new UserError("invalid-request", `There is no /${request.command} command.`);
  const result = command.run(dossier, request, scope);
  return result.kind === "answer" ? { ...result, command: command.name } : result;
}

/** What a member's next follow-up is read with (see AskOptions.previous and .shown). */
export interface LastQuestion {
  question: string;
  shown: string[];
}

/**
 * The member's last question as the next follow-up reads it: this one, or the one it was itself read
 * with, so that "and what about deadlines" after "what else did he say" still knows who he is; and
 * every paragraph shown since that question, so that "anything else?" finds more still.
 */
export function asRead(answer: Answer, question: string, before?: LastQuestion): LastQuestion {
  const shown = answer.results.flatMap((result) => result.excerpts.map(paragraphOf));
  return answer.readWith === undefined
    ? { question, shown }
    : { question: answer.readWith, shown: [...(before?.shown ?? []), ...shown] };
}

/** A member's last question as the options of their next /ask. */
export function followingOn(last: LastQuestion | undefined): AnswerScope {
  return last === undefined ? {} : { previous: last.question, shown: last.shown };
}

function answered(answer: Answer): CommandResult & { kind: "answer" } {
  return { kind: "answer", answer };
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
