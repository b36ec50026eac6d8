import type { CommandName } from "../cli/request.ts";

/**
 * The slash commands as the console accepts them: the same names and options as in Discord. The
 * `main` option takes the words typed without a `name:` (Discord's first option, filled by typing).
 */
export interface SlashOption {
  name: string;
  description: string;
  required?: boolean;
}

export interface SlashCommand {
  name: CommandName;
  description: string;
  options: ReadonlyArray<SlashOption>;
  /** Receives the bare words; undefined for a command without options. */
  main?: string;
  example: string;
}

export const SLASH_COMMANDS: ReadonlyArray<SlashCommand> = [
  {
    name: "ask",
    description: "Ask a question; the answer quotes the articles",
    options: [
      { name: "question", description: "what you want to know", required: true },
      { name: "article", description: "only this article (an id from /source)" },
    ],
    main: "question",
    example: "/ask why now?",
  },
  {
    name: "demand",
    description: "Russia's demands, each with its reasoning and the Western response",
    options: [{ name: "topic", description: "a demand or topic, e.g. missiles" }],
    main: "topic",
    example: "/demand topic:missiles",
  },
  {
    name: "quote",
    description: "Who said what, in their own words",
    options: [
      { name: "speaker", description: "a person, e.g. Putin" },
      { name: "topic", description: "what it was about, e.g. sanctions" },
    ],
    main: "topic",
    example: '/quote speaker:"Jake Sullivan" topic:sanctions',
  },
  {
    name: "timeline",
    description: "Dated events, oldest first",
    options: [
      { name: "from", description: "a year or date, e.g. 2014" },
      { name: "to", description: "a year or date, e.g. 2019" },
      { name: "topic", description: "only events about this" },
      { name: "png", description: "also draw the events as a picture, to this PNG file" },
    ],
    main: "topic",
    example: "/timeline from:2014 to:2019",
  },
  {
    name: "who",
    description: "Who a person is, and where the articles mention them",
    options: [{ name: "person", description: "a name, e.g. Ryabkov", required: true }],
    main: "person",
    example: "/who Ryabkov",
  },
  {
    name: "source",
    description: "The articles, or one article's details",
    options: [{ name: "article", description: "an article id" }],
    main: "article",
    example: "/source article:npr-2022-01-12",
  },
];

/** Commands of the console itself, not sent to the answer layer. */
export const CONSOLE_ONLY_COMMANDS = ["help", "exit"] as const;

export function findSlashCommand(name: string): SlashCommand | undefined {
  return SLASH_COMMANDS.find((command) => command.name === name);
}
