import { type APIApplicationCommandOption, ApplicationCommandOptionType } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";

const definitions = commands.map((command) => ({ command, json: command.data.toJSON() }));

/** Options at any depth: a sub-command's own options included. */
function allOptions(options: readonly APIApplicationCommandOption[] = []): APIApplicationCommandOption[] {
  return options.flatMap((option) => [option, ...("options" in option ? allOptions(option.options) : [])]);
}

describe("the slash command definitions", () => {
  it("are the member commands, /quiz, /qa for moderators and /help, uniquely named", () => {
    expect(definitions.map(({ json }) => json.name)).toEqual([
      "ask",
      "demand",
      "quote",
      "timeline",
      "who",
      "source",
      "quiz",
      "qa",
      "help",
    ]);
  });

  it("give every text option a maximum length", () => {
    const unbounded = definitions.flatMap(({ json }) =>
      allOptions(json.options)
        .filter((option) => option.type === ApplicationCommandOptionType.String && !option.max_length)
        .map((option) => `/${json.name} ${option.name}`),
    );
    expect(unbounded).toEqual([]);
  });

  it("give every answer command a private option and the cooldown", () => {
    const answerCommands = definitions.filter(({ command }) => command.cooldown).map(({ json }) => json.name);
    expect(answerCommands).toEqual(["ask", "demand", "quote", "timeline", "who"]);
    for (const name of answerCommands) {
      const json = definitions.find((d) => d.json.name === name)?.json;
      expect(
        json?.options?.some((o) => o.name === "private" && o.type === ApplicationCommandOptionType.Boolean),
      ).toBe(true);
    }
  });

  it("offer autocomplete only on commands that can answer it", () => {
    for (const { command, json } of definitions) {
      const hasAutocomplete = allOptions(json.options).some(
        (option) => "autocomplete" in option && option.autocomplete === true,
      );
      expect(hasAutocomplete, `/${json.name}`).toBe(command.autocomplete !== undefined);
    }
  });
});
