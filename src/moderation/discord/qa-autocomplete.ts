import type { ApplicationCommandOptionChoiceData, AutocompleteInteraction } from "discord.js";
import type { Dossier } from "../../answer/dossier.ts";
import { readFocused, readString } from "../../interaction/command-input.ts";
import { toChoices } from "../../interaction/suggestions.ts";
import { findArticle } from "../../knowledge/corpus.ts";
import { plainText } from "../../render/discord/escape.ts";
import { foldQuotesAndSpace } from "../../text/fold.ts";
import { type EntryScope, entriesInScope, suggestEntries } from "../entry-suggestions.ts";
import type { Moderation } from "../moderation.ts";

/** A Map: the sub-command name arrives from the client, and a stale or forged one must find nothing. */
const SCOPE_BY_SUBCOMMAND: ReadonlyMap<string, EntryScope> = new Map([
  ["edit", "active"],
  ["remove", "active"],
  ["restore", "removed"],
  ["show", "all"],
  ["history", "all"],
]);

const MAX_CHOICES = 25;
const PREVIEW = 80;

/**
 * Suggestions while a moderator types: entry ids (exact › prefix › word › typo), the articles for
 * /qa cite, and its paragraphs by number or by words they contain.
 */
export async function qaAutocomplete(
  interaction: AutocompleteInteraction,
  moderation: Moderation | undefined,
  dossier: Dossier,
): Promise<void> {
  const focused = readFocused(interaction) ?? { name: "", value: "" };
  const typed = focused.value;
  const subcommand = interaction.options.getSubcommand(false) ?? "";
  let choices: ApplicationCommandOptionChoiceData[] = [];
  if (focused.name === "id" && moderation !== undefined && interaction.guildId !== null) {
    const scope = SCOPE_BY_SUBCOMMAND.get(subcommand) ?? "all";
    const entries = await entriesInScope(moderation.store, interaction.guildId, scope);
    choices = toChoices(suggestEntries(entries, typed, MAX_CHOICES));
  } else if (focused.name === "article") {
    choices = toChoices(dossier.suggest("article", typed, MAX_CHOICES));
  } else if (focused.name === "paragraph" && moderation !== undefined) {
    const articleId = (readString(interaction, "article") ?? "").trim().toLowerCase();
    choices = paragraphChoices(moderation, articleId, typed);
  }
  await interaction.respond(choices);
}

/** Digits match paragraph numbers by prefix; words match the paragraph's text. */
function paragraphChoices(
  moderation: Moderation,
  articleId: string,
  typed: string,
): ApplicationCommandOptionChoiceData<number>[] {
  const article = findArticle(moderation.corpus, articleId);
  if (article === undefined || article.duplicateOf !== undefined) return [];
  const text = typed.trim();
  const folded = foldQuotesAndSpace(text).toLowerCase();
  const matches = article.paragraphs.filter((paragraph) => {
    if (text === "") return true;
    if (/^\d+$/.test(text)) return String(paragraph.n).startsWith(text);
    return foldQuotesAndSpace(paragraph.text).toLowerCase().includes(folded);
  });
  return matches.slice(0, MAX_CHOICES).map((paragraph) => {
    const flat = paragraph.text.replace(/\s+/g, " ");
    const preview = flat.length <= PREVIEW ? flat : `${flat.slice(0, PREVIEW - 1).trimEnd()}…`;
    return { name: plainText(`¶${paragraph.n} — ${preview}`), value: paragraph.n };
  });
}
