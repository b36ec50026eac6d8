import { findSlashCommand, SLASH_COMMANDS, type SlashCommand } from "./slash-commands.ts";

/** `/help` and `/help <command>`: the same commands and options as in Discord. */
export function consoleHelp(topic?: string): string {
  if (topic !== undefined) {
    const command = findSlashCommand(topic.toLowerCase());
    if (command !== undefined) return commandHelp(command);
  }
  const lines = ["Type a command as in Discord; options are name:value, quote values with spaces."];
  for (const command of SLASH_COMMANDS)
    lines.push(`  ${synopsis(command).padEnd(40)} ${command.description}`);
  lines.push(`  ${"/help [command]".padEnd(40)} this list, or one command's options`);
  lines.push(`  ${"/exit".padEnd(40)} leave (or Ctrl+D)`);
  lines.push("Examples: /ask why now?   /quote speaker:Putin   /timeline from:2014 to:2019   /who Ryabkov");
  return lines.join("\n");
}

function synopsis(command: SlashCommand): string {
  const options = command.options.map((o) => (o.required === true ? `${o.name}:…` : `[${o.name}:…]`));
  return [`/${command.name}`, ...options].join(" ");
}

function commandHelp(command: SlashCommand): string {
  const lines = [`${synopsis(command)} — ${command.description}`];
  for (const option of command.options) {
    const main = option.name === command.main ? " (or type it without the name)" : "";
    lines.push(`  ${`${option.name}:`.padEnd(10)} ${option.description}${main}`);
  }
  lines.push(`Example: ${command.example}`);
  return lines.join("\n");
}
