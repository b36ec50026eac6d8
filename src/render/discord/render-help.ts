import type { RESTPostAPIChatInputApplicationCommandsJSONBody } from "discord.js";
import { ApplicationCommandOptionType } from "discord.js";
import { fitMessage } from "./fit-message.ts";
import { COLORS, type MessagePayload } from "./payload.ts";

const INTRODUCTION =
  "I answer questions about five news articles (December 2021 – January 2022) on Russia's demands for " +
  "security guarantees from the United States and NATO. Each card of an answer says what it is. A " +
  "*Curators' summary* (or *Moderators' answer*) is a short summary in their own words; every " +
  "quotation is verbatim, from the article and paragraph it cites. *Sources* opens the rest.";

/**
 * /help: what the bot is for and every command with its options, `[optional]` ones in brackets and
 * sub-commands as alternatives (`/qa add|edit|…`). The `private` switch is explained once, below.
 */
export function renderHelp(
  commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): MessagePayload {
  const lines = commands.map((command) => {
    const options = command.options ?? [];
    const subcommands = options.filter((option) => option.type === ApplicationCommandOptionType.Subcommand);
    const usage =
      subcommands.length > 0
        ? [subcommands.map((sub) => sub.name).join("|")]
        : options
            .filter((option) => option.type !== ApplicationCommandOptionType.Boolean)
            .map((option) =>
              "required" in option && option.required === true ? option.name : `[${option.name}]`,
            );
    return `**/${[command.name, ...usage].join(" ")}** — ${command.description}`;
  });
  return fitMessage({
    embeds: [
      {
        title: "Dossier",
        color: COLORS.neutral,
        description: `${INTRODUCTION}\n\n${lines.join("\n")}`,
        footer: { text: "Answer commands take private: True to show the answer only to you." },
      },
    ],
    components: [],
  });
}
