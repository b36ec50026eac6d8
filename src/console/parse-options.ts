import type { AnswerCommandSpec } from "../answer-commands.ts";
import { UserError } from "../user-error.ts";
import { closestName } from "./closest-name.ts";

/**
 * `speaker:"Jake Sullivan" topic:sanctions` → { speaker: "Jake Sullivan", topic: "sanctions" }.
 * As in Discord, an unquoted value runs until the next `name:` (a one-word option's until its first
 * word); a quoted value ends at its closing quote. Words before any option (or after a quoted or
 * one-word value) fill the command's main option. Quotes
 * inside free text are kept: "what is the "open door"?" asks exactly that.
 */
const OPTION_START = /^([a-z][a-z_]*):\s*/;
const OPENING_QUOTES = new Set(['"', "“"]);
const CLOSING_QUOTES = new Set(['"', "”"]);

export function parseSlashOptions(command: AnswerCommandSpec, text: string): Record<string, string> {
  const words = new Map<string, string[]>();
  const finished = new Set<string>();
  let target = command.main;
  let i = 0;
  while (i < text.length) {
    if (/\s/.test(text.charAt(i))) {
      i++;
      continue;
    }
    const option = OPTION_START.exec(text.slice(i));
    if (option !== null) {
      const name = option[1] ?? "";
      checkOption(command, name, words);
      words.set(name, []);
      i += option[0].length;
      if (OPENING_QUOTES.has(text.charAt(i))) {
        const close = findClosingQuote(text, i + 1);
        if (close < 0) throw unbalanced(command, name);
        words.set(name, [text.slice(i + 1, close)]);
        finished.add(name);
        target = command.main;
        i = close + 1;
      } else {
        target = name;
      }
      continue;
    }
    const end = endOfWord(text, i);
    addWord(command, target, finished, words, text.slice(i, end));
    i = end;
  }
  return collect(command, words);
}

function checkOption(command: AnswerCommandSpec, name: string, words: Map<string, string[]>): void {
  const names = command.options.map((o) => o.name);
  if (!names.includes(name)) {
    const guess = closestName(name, names);
    const hint = guess === undefined ? "" : ` Did you mean ${guess}:?`;
    const list =
      names.length === 0 ? "it takes none" : `its options are ${names.map((n) => `${n}:`).join(", ")}`;
    const quoting =
      command.main === undefined ? "" : ` To type a colon in your text, quote it: ${command.main}:"…".`;
    throw new UserError(
      "unknown-option",
      `/${command.name} has no option "${name}:" (${list}).${hint}${quoting}`,
    );
  }
  if (words.has(name)) throw new UserError("repeated-option", `${name}: is given twice; give it once.`);
}

function addWord(
  command: AnswerCommandSpec,
  target: string | undefined,
  finished: Set<string>,
  words: Map<string, string[]>,
  word: string,
): void {
  if (target === undefined)
    throw new UserError("no-options", `/${command.name} takes no options; type just /${command.name}.`);
  if (finished.has(target)) {
    throw new UserError(
      "text-after-quotes",
      `"${word}" comes after the quoted ${target}: value; put all of ${target}: inside the quotes.`,
    );
  }
  const list = words.get(target);
  const main = command.main;
  const oneWord = command.options.find((option) => option.name === target)?.oneWord === true;
  if (
    list !== undefined &&
    list.length > 0 &&
    oneWord &&
    main !== undefined &&
    main !== target &&
    !finished.has(main)
  ) {
    // "/ask article:npr what about missiles": the article is "npr", the rest is the question; but
    // after a quoted question, "article:foreign policy" is the article's name.
    addWord(command, main, finished, words, word);
    return;
  }
  if (list === undefined) words.set(target, [word]);
  else list.push(word);
}

function collect(command: AnswerCommandSpec, words: Map<string, string[]>): Record<string, string> {
  const values = [...words].map(([name, list]) => {
    const value = list.join(" ").trim();
    if (value === "") {
      throw new UserError(
        "empty-option",
        `${name}: is empty; type a value right after the colon, for example ${command.example}`,
      );
    }
    return [name, value] as const;
  });
  return Object.fromEntries(values);
}

function findClosingQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (CLOSING_QUOTES.has(text.charAt(i))) return i;
  return -1;
}

/** A free-text word; one that opens a quote runs to its closing quote (or the line's end), colons and all. */
function endOfWord(text: string, start: number): number {
  let i = start;
  if (OPENING_QUOTES.has(text.charAt(i))) {
    const close = findClosingQuote(text, i + 1);
    if (close < 0) return text.length;
    i = close + 1;
  }
  while (i < text.length && !/\s/.test(text.charAt(i))) i++;
  return i;
}

function unbalanced(command: AnswerCommandSpec, name: string): UserError {
  return new UserError(
    "unbalanced-quotes",
    `The quote after ${name}: is never closed: add a closing " after the value, as in ${command.example}`,
  );
}
