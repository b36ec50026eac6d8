import { deployCommands } from "../deploy/deploy-commands.ts";
import { inviteUrl } from "../deploy/invite-url.ts";
import { parseArguments } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

export const deployCommandsCommand: SubCommand = {
  name: "deploy-commands",
  usage: "",
  summary: "register the slash commands (on DISCORD_GUILD_ID when set, else globally)",
  async run(args, cli) {
    parseArguments("deploy-commands", args, {});
    await deployCommands(cli.config(), { io: cli.io });
    return 0;
  },
};

export const inviteCommand: SubCommand = {
  name: "invite",
  usage: "",
  summary: "print the link that adds the bot to a server",
  run(args, cli) {
    parseArguments("invite", args, {});
    const clientId = cli.config().discordClientId;
    if (clientId === undefined) {
      cli.io.err("Set DISCORD_CLIENT_ID (your application's id, from the Developer Portal) in .env first.");
      return 1;
    }
    cli.io.out(inviteUrl(clientId));
    return 0;
  },
};
