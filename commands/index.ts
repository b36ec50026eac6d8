import type { SlashCommand } from "../src/bot/command.ts";
import { ask } from "./ask.ts";
import { demand } from "./demand.ts";
import { help } from "./help.ts";
import { qa } from "./qa.ts";
import { quiz } from "./quiz.ts";
import { quote } from "./quote.ts";
import { source } from "./source.ts";
import { timeline } from "./timeline.ts";
import { who } from "./who.ts";

/** Every slash command, listed rather than discovered: the order is the order /help shows them in. */
export const commands: readonly SlashCommand[] = [ask, demand, quote, timeline, who, source, quiz, qa, help];
