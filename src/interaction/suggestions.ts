import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from "discord.js";
import type { Dossier, SuggestField } from "../answer/dossier.ts";
import { plainText } from "../render/discord/escape.ts";
import { truncateText } from "../render/discord/fit-text.ts";
import { LIMITS } from "../render/discord/limits.ts";
import { readFocused } from "./command-input.ts";

/** Longer typed text cannot be a prefix of any name we know; it is cut before it reaches the search. */
const LONGEST_TYPED = 100;

/**
 * Autocomplete for a command whose options map to the dossier's suggestion fields. Names are cut to
 * Discord's 100 characters; a value that is too long is dropped rather than cut, because a cut value
 * would name nothing when the command runs.
 */
export async function respondWithSuggestions(
  interaction: AutocompleteInteraction,
  dossier: Dossier,
  fieldByOption: Readonly<Record<string, SuggestField>>,
): Promise<void> {
  const focused = readFocused(interaction);
  // The option name comes from the client: an own property only, never one inherited from Object.
  const field =
    focused !== undefined && Object.hasOwn(fieldByOption, focused.name)
      ? fieldByOption[focused.name]
      : undefined;
  const typed = (focused?.value ?? "").slice(0, LONGEST_TYPED);
  const choices =
    field === undefined
      ? []
      : toChoices(
          dossier.suggest(field, typed, LIMITS.autocompleteChoices, interaction.guildId ?? undefined),
        );
  await interaction.respond(choices);
}

export function toChoices(
  suggestions: ReadonlyArray<{ name: string; value: string }>,
): ApplicationCommandOptionChoiceData<string>[] {
  return suggestions
    .filter((suggestion) => suggestion.value.length > 0 && suggestion.value.length <= LIMITS.choiceText)
    .slice(0, LIMITS.autocompleteChoices)
    .map((suggestion) => ({
      name: truncateText(plainText(suggestion.name), LIMITS.choiceText) || suggestion.value,
      value: suggestion.value,
    }));
}
