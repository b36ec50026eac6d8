import {
  InteractionContextType,
  PermissionFlagsBits,
  SlashCommandBuilder,
  type SlashCommandStringOption,
} from "discord.js";
import type { SlashCommand } from "../src/bot/command.ts";
import { readString, readSubcommand } from "../src/interaction/command-input.ts";
import { openAddForm, openEditForm } from "../src/moderation/discord/entry-forms.ts";
import { removeFromAnswers, restoreToAnswers } from "../src/moderation/discord/entry-status.ts";
import { citeParagraph, listGaps } from "../src/moderation/discord/gaps-and-cite.ts";
import { requireModeration } from "../src/moderation/discord/interaction-guard.ts";
import { qaAutocomplete } from "../src/moderation/discord/qa-autocomplete.ts";
import { listEntries, showEntry, showHistory } from "../src/moderation/discord/read-entries.ts";
import { QA_LIMITS } from "../src/store/index.ts";

/** Entry ids are slugs of at most ~64 characters; anything longer names nothing. */
const ID_MAX = 80;

const SUBCOMMANDS = ["add", "edit", "remove", "restore", "show", "list", "history", "gaps", "cite"] as const;

const idOption = (description: string) => (option: SlashCommandStringOption) =>
  option
    .setName("id")
    .setDescription(description)
    .setRequired(true)
    .setMaxLength(ID_MAX)
    .setAutocomplete(true);

/**
 * /qa: moderators' own questions and answers for this server. Hidden by default from members without
 * Manage Messages (a server admin can change that in Server Settings → Integrations); every change is
 * checked again by the bot against Manage Messages or MODERATOR_ROLE_IDS. Replies are private.
 */
export const qa: SlashCommand = {
  data: new SlashCommandBuilder()
    .setName("qa")
    .setDescription("Moderators: this server's own questions and answers")
    .setDefaultMemberPermissions(PermissionFlagsBits.ManageMessages)
    .setContexts(InteractionContextType.Guild)
    .addSubcommand((sub) =>
      sub.setName("add").setDescription("Add a question and answer, with citations (opens a form)"),
    )
    .addSubcommand((sub) =>
      sub
        .setName("edit")
        .setDescription("Edit an entry (opens the form, filled in)")
        .addStringOption(idOption("The entry to edit")),
    )
    .addSubcommand((sub) =>
      sub
        .setName("remove")
        .setDescription("Stop answering with an entry; its history is kept")
        .addStringOption(idOption("The entry to remove"))
        .addStringOption((option) =>
          option
            .setName("reason")
            .setDescription("Why, for the history")
            .setRequired(true)
            .setMinLength(QA_LIMITS.removalReasonMin)
            .setMaxLength(QA_LIMITS.removalReasonMax),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName("restore")
        .setDescription("Answer with a removed entry again")
        .addStringOption(idOption("The removed entry")),
    )
    .addSubcommand((sub) =>
      sub.setName("show").setDescription("Show one entry").addStringOption(idOption("The entry")),
    )
    .addSubcommand((sub) =>
      sub
        .setName("list")
        .setDescription("List this server's entries")
        .addIntegerOption((option) => option.setName("page").setDescription("Page number").setMinValue(1))
        .addBooleanOption((option) =>
          option.setName("include-removed").setDescription("Also list removed entries"),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName("history")
        .setDescription("Every change to an entry: who, when, what")
        .addStringOption(idOption("The entry")),
    )
    .addSubcommand((sub) =>
      sub
        .setName("gaps")
        .setDescription("Recent questions answered without confidence or voted down")
        .addIntegerOption((option) =>
          option.setName("limit").setDescription("How many (default 15)").setMinValue(1).setMaxValue(25),
        ),
    )
    .addSubcommand((sub) =>
      sub
        .setName("cite")
        .setDescription("Show a paragraph's exact text, to copy an excerpt for a citation")
        .addStringOption((option) =>
          option
            .setName("article")
            .setDescription("The article")
            .setRequired(true)
            .setMaxLength(100)
            .setAutocomplete(true),
        )
        .addIntegerOption((option) =>
          option
            .setName("paragraph")
            .setDescription("The paragraph (¶) number")
            .setRequired(true)
            .setMinValue(1)
            .setAutocomplete(true),
        ),
    ),
  cooldown: false,

  async execute(interaction, ctx) {
    const subcommand = readSubcommand(interaction, SUBCOMMANDS);
    const moderation = requireModeration(ctx.moderation);
    const id = () => (readString(interaction, "id") ?? "").trim().toLowerCase();
    switch (subcommand) {
      case "add":
        return openAddForm(interaction, moderation);
      case "edit":
        return openEditForm(interaction, moderation, id());
      case "remove":
        return removeFromAnswers(interaction, moderation, id());
      case "restore":
        return restoreToAnswers(interaction, moderation, id());
      case "show":
        return showEntry(interaction, moderation, id());
      case "list":
        return listEntries(interaction, moderation);
      case "history":
        return showHistory(interaction, moderation, id());
      case "gaps":
        return listGaps(interaction, moderation);
      case "cite":
        return citeParagraph(interaction, moderation);
    }
  },

  autocomplete: (interaction, ctx) => qaAutocomplete(interaction, ctx.moderation, ctx.dossier),
};
