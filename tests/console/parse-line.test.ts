import { describe, expect, it } from "vitest";
import { MAX_LINE_LENGTH, parseConsoleLine } from "../../src/console/parse-line.ts";
import { UserError } from "../../src/user-error.ts";

const request = (line: string) => {
  const input = parseConsoleLine(line);
  if (input.kind !== "request") throw new Error(`"${line}" parsed as ${input.kind}`);
  return input.request;
};

function refusal(line: string): string {
  try {
    parseConsoleLine(line);
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error(`"${line}" was accepted`);
}

describe("console syntax: the slash commands as typed in Discord", () => {
  it.each([
    ["/ask why now?", { command: "ask", question: "why now?" }],
    ["/ask question:why now?", { command: "ask", question: "why now?" }],
    ["/ask question: why now?", { command: "ask", question: "why now?" }],
    ['/ask what is the "open door policy"?', { command: "ask", question: 'what is the "open door policy"?' }],
    [
      '/ask question:"why: now?" article:npr-2022-01-12',
      { command: "ask", question: "why: now?", article: "npr-2022-01-12" },
    ],
    ["/quote speaker:Putin", { command: "quote", speaker: "Putin" }],
    [
      '/quote speaker:"Jake Sullivan" topic:sanctions',
      { command: "quote", speaker: "Jake Sullivan", topic: "sanctions" },
    ],
    [
      "/quote speaker:“Jake Sullivan” sanctions",
      { command: "quote", speaker: "Jake Sullivan", topic: "sanctions" },
    ],
    ["/quote speaker:Jake Sullivan", { command: "quote", speaker: "Jake Sullivan" }],
    // A one-word option first, the question after it, as members type it.
    [
      "/ask article:npr what about missiles",
      { command: "ask", question: "what about missiles", article: "npr" },
    ],
    [
      "/ask what about article:npr missiles",
      { command: "ask", question: "what about missiles", article: "npr" },
    ],
    // After a quoted question, the words after a one-word option are its value.
    [
      '/ask question:"biden pragmatist" article:foreign policy',
      { command: "ask", question: "biden pragmatist", article: "foreign policy" },
    ],
    ["/timeline from:2014 minsk", { command: "timeline", from: "2014", topic: "minsk" }],
    ["/timeline from:2014", { command: "timeline", from: "2014" }],
    ["/timeline from:2014 to:2019", { command: "timeline", from: "2014", to: "2019" }],
    ["/demand topic:missiles", { command: "demand", topic: "missiles" }],
    ["/demand", { command: "demand" }],
    ["/who Ryabkov", { command: "who", person: "Ryabkov" }],
    ["/who person:Jake Sullivan", { command: "who", person: "Jake Sullivan" }],
    ["/source", { command: "source" }],
    ["/source article:npr-2022-01-12", { command: "source", article: "npr-2022-01-12" }],
    ["  /ASK   why   now?  ", { command: "ask", question: "why now?" }],
  ])("%s", (line, expected) => {
    expect(request(line)).toEqual(expected);
  });

  it("knows /help, /help <command>, /exit and a blank line", () => {
    expect(parseConsoleLine("/help")).toEqual({ kind: "help" });
    expect(parseConsoleLine("/help /quote")).toEqual({ kind: "help", topic: "quote" });
    expect(parseConsoleLine("/exit")).toEqual({ kind: "exit" });
    expect(parseConsoleLine("   ")).toEqual({ kind: "nothing" });
  });

  it("knows help and exit typed bare, as most programs' prompts do", () => {
    for (const line of ["help", "Help", "help?"]) expect(parseConsoleLine(line)).toEqual({ kind: "help" });
    for (const line of ["exit", "quit"]) expect(parseConsoleLine(line)).toEqual({ kind: "exit" });
    expect(parseConsoleLine("help me understand the demands")).toMatchObject({ kind: "request" });
  });
});

describe("console syntax: mistakes get one sentence that says how to fix them", () => {
  it("an unknown command, with a guess when it is a typo", () => {
    expect(refusal("/frobnicate")).toMatch(/^There is no \/frobnicate command\. Commands: \/ask,/);
    expect(refusal("/qoute speaker:Putin")).toContain("Did you mean /quote?");
    expect(refusal("/")).toMatch(/^A command needs a name/);
  });

  it("an unknown option names the command's options", () => {
    const message = refusal("/quote speakr:Putin");
    expect(message).toContain('/quote has no option "speakr:"');
    expect(message).toContain("Did you mean speaker:?");
    expect(refusal("/ask note: why now")).toContain('question:"…"');
  });

  it("an unbalanced quote", () => {
    expect(refusal('/quote speaker:"Jake Sullivan topic:sanctions')).toMatch(
      /^The quote after speaker: is never closed/,
    );
  });

  it("a missing required option, an empty one, a repeated one, words after a quoted value", () => {
    expect(refusal("/ask")).toMatch(/^\/ask needs question:/);
    expect(refusal("/who")).toMatch(/^\/who needs person:/);
    expect(refusal("/quote speaker: topic:nato")).toMatch(/^speaker: is empty/);
    expect(refusal("/timeline from:2014 from:2015")).toMatch(/^from: is given twice/);
    expect(refusal('/ask question:"why" now')).toMatch(/^"now" comes after the quoted question: value/);
  });

  it("text without a slash is a question for /ask", () => {
    expect(parseConsoleLine("why now?")).toEqual({
      kind: "request",
      request: { command: "ask", question: "why now?", article: undefined },
    });
    expect(parseConsoleLine("  is putin bluffing  ")).toMatchObject({
      request: { question: "is putin bluffing" },
    });
  });

  it("a line longer than Discord allows", () => {
    const line = `/ask ${"x".repeat(MAX_LINE_LENGTH)}`;
    expect(refusal(line)).toBe(
      `That line is ${line.length} characters long; a command may have at most ${MAX_LINE_LENGTH}. Ask something shorter.`,
    );
  });
});
