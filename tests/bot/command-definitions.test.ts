import { readFileSync } from "node:fs";
import { type APIApplicationCommandOption, ApplicationCommandOptionType } from "discord.js";
import { describe, expect, it } from "vitest";
import { commands } from "../../commands/index.ts";
import { ANSWER_COMMANDS } from "../../src/answer-commands.ts";
import { discordOptions } from "../../src/bot/command.ts";
import { findSubCommand, usageOf } from "../../src/cli/sub-commands.ts";
import { consoleHelp } from "../../src/console/help-text.ts";

const definitions = commands.map((command) => ({ command, json: command.data.toJSON() }));

/** Options at any depth: a sub-command's own options included. */
function allOptions(options: readonly APIApplicationCommandOption[] = []): APIApplicationCommandOption[] {
  return options.flatMap((option) => [option, ...("options" in option ? allOptions(option.options) : [])]);
}

describe("the slash command definitions", () => {
  it("are the answer commands, /quiz, /qa for moderators and /help, uniquely named", () => {
    const names = definitions.map(({ json }) => json.name);
    expect(names).toEqual([...ANSWER_COMMANDS.map((spec) => spec.name), "quiz", "qa", "help"]);
    expect(new Set(names).size).toBe(names.length);
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
    expect(answerCommands).toEqual(ANSWER_COMMANDS.filter((spec) => spec.cooldown).map((spec) => spec.name));
    for (const name of ANSWER_COMMANDS.map((spec) => spec.name)) {
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

const README = readFileSync(new URL("../../README.md", import.meta.url), "utf8");

/** Help text with its wrapping undone, so a description reads as one line. */
const unwrapped = (text: string) => text.replace(/\s+/g, " ");

describe.each(ANSWER_COMMANDS.map((spec) => [spec.name, spec] as const))(
  "/%s: one spec, the same in every front door",
  (name, spec) => {
    it("Discord registers its description and options, with their limits and autocomplete", () => {
      const json = definitions.find((d) => d.json.name === name)?.json;
      expect(json?.description).toBe(spec.description);
      const registered = (json?.options ?? []).filter((option) => option.name !== "private");
      expect(
        registered.map((option) => ({
          name: option.name,
          description: option.description,
          required: option.required ?? false,
          max: "max_length" in option ? option.max_length : undefined,
          autocomplete: "autocomplete" in option ? option.autocomplete === true : false,
        })),
      ).toEqual(
        discordOptions(spec).map((option) => ({
          name: option.name,
          description: option.description,
          required: option.required === true,
          max: option.max,
          autocomplete: option.suggest !== undefined,
        })),
      );
    });

    it("the console's /help shows its description and every option's", () => {
      const help = unwrapped(consoleHelp(name));
      expect(help).toContain(spec.description);
      for (const option of spec.options) expect(help).toContain(`${option.name}: ${option.description}`);
      expect(unwrapped(consoleHelp())).toContain(spec.description);
    });

    it("the CLI's sub-command has its description, and takes every option", () => {
      const subCommand = findSubCommand(name);
      expect(subCommand?.summary).toBe(spec.description);
      const usage = subCommand === undefined ? "" : usageOf(subCommand);
      for (const option of spec.options)
        expect(usage).toContain(option.name === spec.main ? option.name : `--${option.name}`);
    });

    it("the README's command table shows the CLI's usage and the description", () => {
      expect(README).toContain(`| \`${name} ${findSubCommand(name)?.usage}\` | ${spec.description} |`);
    });
  },
);
