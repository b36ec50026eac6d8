import type { ConfigVariable } from "../config.ts";
import { type CommandScope, deployCommands } from "../deploy/deploy-commands.ts";
import { INVITE_PERMISSION_NAMES, inviteUrl } from "../deploy/invite-url.ts";
import { UserError } from "../user-error.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

const DISCORD_ID = /^\d{17,20}$/;
const DISCORD_NEEDS: readonly ConfigVariable[] = [
  "DISCORD_TOKEN",
  "DISCORD_CLIENT_ID",
  "DISCORD_GUILD_ID",
  "DISCORD_API_URL",
  "LOG_LEVEL",
];

/**
 * `deploy-commands [--global | --guild id] [--clear]`. Without a scope it registers on
 * DISCORD_GUILD_ID when set, otherwise globally; `--global` also removes the commands from
 * DISCORD_GUILD_ID, which is how a tried-out bot goes live without showing every command twice.
 */
export const deployCommandsCommand: SubCommand = {
  name: "deploy-commands",
  usage: "[--global | --guild id] [--clear]",
  summary: "register the slash commands: --guild to try out, --global to go live, --clear to remove them",
  needs: DISCORD_NEEDS,
  async run(args, cli) {
    const { values, positionals } = parseArguments("deploy-commands", args, {
      global: { type: "boolean" },
      guild: { type: "string" },
      clear: { type: "boolean" },
    });
    if (positionals.length > 0)
      throw new UsageError(`"dossier deploy-commands" takes no "${positionals[0]}".`, "deploy-commands");
    if (values.global === true && values.guild !== undefined)
      throw new UsageError("Choose --global or --guild, not both.", "deploy-commands");
    const guildId = values.guild?.trim();
    if (guildId !== undefined && !DISCORD_ID.test(guildId)) {
      throw new UserError(
        "deploy-invalid-guild",
        `--guild must be a server id (17–20 digits); got "${guildId}". In Discord: Developer Mode on, then right-click the server › Copy Server ID.`,
      );
    }
    const scope: CommandScope | undefined =
      guildId !== undefined ? { kind: "guild", guildId } : values.global ? { kind: "global" } : undefined;
    await deployCommands(cli.config(), {
      io: cli.io,
      clear: values.clear === true,
      ...(scope === undefined ? {} : { scope }),
    });
    return 0;
  },
};

export const inviteCommand: SubCommand = {
  name: "invite",
  usage: "",
  summary: "print the link that adds the bot to a server, and what it asks for",
  needs: ["DISCORD_CLIENT_ID"],
  run(args, cli) {
    parseArguments("invite", args, {});
    const clientId = cli.config().discordClientId;
    if (clientId === undefined) {
      cli.io.err(
        "Set DISCORD_CLIENT_ID (the Application ID, from the General Information page of the Developer Portal) in .env first.",
      );
      return 1;
    }
    cli.io.out(inviteUrl(clientId));
    // The link alone says nothing of what it does; the explanation goes to stderr so `invite | xclip` still works.
    cli.io.err(
      [
        "",
        "Open this link in a browser where you are signed in to Discord, choose the server and authorise.",
        "A server admin (Manage Server) has to do it. It adds the bot with the bot and applications.commands",
        `scopes and asks only for ${INVITE_PERMISSION_NAMES.join(", ")}. Then run \`dossier deploy-commands\`.`,
      ].join("\n"),
    );
    return 0;
  },
};
