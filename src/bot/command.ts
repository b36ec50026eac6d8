import type {
  AutocompleteInteraction,
  ChatInputCommandInteraction,
  RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Dossier } from "../answer/dossier.ts";
import type { Moderation } from "../moderation/moderation.ts";
import type { AnswerPages } from "./answer-pages.ts";
import type { QuizGames } from "./quiz-games.ts";

/** What a command may use: the core, the recent-answers cache for paging, the list for /help, the quizzes. */
export interface CommandContext {
  dossier: Dossier;
  pages: AnswerPages;
  commands: readonly SlashCommand[];
  /** Server Q&A entries and feedback; absent when the bot runs without a data folder. */
  moderation?: Moderation;
  /** The quizzes running in the bot's channels. */
  quizzes: QuizGames;
}

/** The discord.js guide's shape: `data` to register, `execute` to answer, `autocomplete` to suggest. */
export interface SlashCommand {
  data: {
    readonly name: string;
    readonly description: string;
    toJSON(): RESTPostAPIChatInputApplicationCommandsJSONBody;
  };
  /** Answer commands share one per-member cooldown; /help and /source list fixed things and skip it. */
  cooldown: boolean;
  execute(interaction: ChatInputCommandInteraction, ctx: CommandContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: CommandContext): Promise<void>;
}
