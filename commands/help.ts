import { SlashCommandBuilder } from "discord.js";
import type { SlashCommand } from "../src/bot/command.ts";
import { sendReply } from "../src/interaction/reply.ts";
import { renderHelp } from "../src/render/discord/render-help.ts";

/** /help: what Dossier does and its commands, shown only to whoever asked so channels stay on topic. */
export const help: SlashCommand = {
  data: new SlashCommandBuilder().setName("help").setDescription("What Dossier does and how to ask it"),
  cooldown: false,

  async execute(interaction, ctx) {
    const payload = renderHelp(ctx.commands.map((command) => command.data.toJSON()));
    await sendReply(interaction, payload, { ephemeral: true });
  },
};
