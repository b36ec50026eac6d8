import { Readable } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import type { Dossier } from "../../src/answer/dossier.ts";
import type { Context, StartedParts } from "../../src/bot/context.ts";
import { APOLOGY, answerLine } from "../../src/console/answer-line.ts";
import { consoleHelp } from "../../src/console/help-text.ts";
import { runConsole } from "../../src/console/run-console.ts";
import { renderForTerminal } from "../../src/render/command-output.ts";
import { captureIo } from "../cli/capture-io.ts";
import { shippedContext } from "../cli/shipped-context.ts";

/** Pipes lines into the console, as `dossier console < script` does, and returns one reply per answered line. */
async function session(
  lines: string[],
  context: Pick<Context, StartedParts> = shippedContext(),
): Promise<string[]> {
  const capture = captureIo();
  const replies: string[] = [];
  capture.io.out = (text) => {
    replies.push(text.replace(/\n$/, ""));
  };
  await runConsole(context, { input: Readable.from([`${lines.join("\n")}\n`]), io: capture.io });
  return replies;
}

const display = { color: false, width: undefined };

describe("the offline console", () => {
  it("answers each slash command with what the core gives the bot, in order", async () => {
    const { dossier } = shippedContext();
    const replies = await session([
      "/ask why now?",
      '/quote speaker:"Jake Sullivan" topic:sanctions',
      "/timeline from:2014 to:2019",
      "/demand topic:missiles",
      "/who Ryabkov",
      "/source",
      "/source article:npr-2022-01-12",
    ]);
    const answer = (a: ReturnType<Dossier["ask"]>) =>
      renderForTerminal({ kind: "answer", command: "ask", answer: a }, display);
    const source = dossier.source("npr-2022-01-12");
    if (source === undefined) throw new Error("npr-2022-01-12 is not a source");
    expect(replies).toEqual([
      answer(dossier.ask("why now?")),
      answer(dossier.quotes({ speaker: "Jake Sullivan", topic: "sanctions" })),
      answer(dossier.timeline({ from: "2014", to: "2019" })),
      answer(dossier.demands("missiles")),
      answer(dossier.who("Ryabkov")),
      renderForTerminal({ kind: "sources", sources: dossier.sources() }, display),
      renderForTerminal({ kind: "source", source }, display),
    ]);
    expect(replies[0]).toMatch(/— .+ · ¶\d+/);
  });

  it("meets bad input with one clear line and keeps going", async () => {
    const replies = await session([
      "",
      `/ask ${"why ".repeat(1500)}`,
      "/frobnicate",
      "/quote speakr:Putin",
      '/quote speaker:"Jake Sullivan',
      "/ask",
      "/who Ryabkov",
    ]);
    expect(replies).toHaveLength(6);
    const [tooLong, unknownCommand, unknownOption, unbalanced, empty, answered] = replies;
    expect(tooLong).toMatch(/^That line is \d+ characters long; a command may have at most 6000\./);
    expect(unknownCommand).toMatch(/^There is no \/frobnicate command\./);
    expect(unknownOption).toMatch(/^\/quote has no option "speakr:"/);
    expect(unbalanced).toMatch(/^The quote after speaker: is never closed/);
    expect(empty).toMatch(/^\/ask needs question:/);
    for (const line of [tooLong, unknownCommand, unknownOption, unbalanced, empty]) {
      expect(line?.split("\n")).toHaveLength(1);
    }
    expect(answered).toBe(
      renderForTerminal(
        { kind: "answer", command: "who", answer: shippedContext().dossier.who("Ryabkov") },
        display,
      ),
    );
  });

  it("passes the core's own sentence through for a question it refuses", async () => {
    const [reply] = await session(["/who Napoleon"]);
    let expected = "";
    try {
      shippedContext().dossier.who("Napoleon");
    } catch (error) {
      expected = (error as Error).message;
    }
    expect(expected).not.toBe("");
    expect(reply).toBe(expected);
  });

  it("shows help, and stops at /exit", async () => {
    const replies = await session(["/help", "/help quote", "/exit", "/who Ryabkov"]);
    expect(replies).toEqual([consoleHelp(), consoleHelp("quote")]);
  });

  it("apologises for a bug, logs it, and answers the next command", async () => {
    const logged: string[] = [];
    const logger = pino({ level: "error" }, { write: (line: string) => logged.push(line) });
    const real = shippedContext();
    const broken: Dossier = {
      ...real.dossier,
      ask: () => {
        throw new TypeError("index exploded");
      },
    };
    const replies = await session(["/ask why now?", "/who Ryabkov"], { ...real, dossier: broken, logger });
    expect(replies[0]).toBe(APOLOGY);
    expect(replies[1]).toContain("Ryabkov");
    expect(logged.join("")).toContain("index exploded");
  });
});

describe("the console as a member uses it", () => {
  const context = shippedContext();

  it("answers a line without a slash as a question", async () => {
    const [reply] = await session(["why now?"]);
    expect(reply).toBe(
      renderForTerminal({ kind: "answer", command: "ask", answer: context.dossier.ask("why now?") }, display),
    );
  });

  it("numbers the results 1, 2, 3 whatever their kind, each labelled with what it is", async () => {
    const [reply] = await session(["/ask when did Russia send the draft treaties?"]);
    const markers = [...(reply ?? "").matchAll(/^\[(\d+)\] (.+)$/gm)];
    expect(markers.map((match) => Number(match[1]))).toEqual(markers.map((_, i) => i + 1));
    for (const [, , label] of markers) {
      expect(label).toMatch(/^(Curators' summary|Russia's demand|Event( · .+)?|Quote|Passage)$/);
    }
  });

  it("reads a follow-up with the session's last question, and says so", async () => {
    const [first, deadlines, more, alone] = await session([
      "what did ryabkov say",
      "and what about deadlines",
      "what else did he say",
      "/ask why does russia hate nato",
    ]);
    expect(deadlines?.split("\n")[0]).toBe("(Read with your last question: what did ryabkov say)");
    expect(deadlines).toContain("We do not set any deadlines");
    // Asked for more: the four paragraphs naming him were shown, and the articles have no other.
    expect(more?.split("\n")[0]).toBe("(Read with your last question: what did ryabkov say)");
    const citations = (text = "") => text.match(/^ +— .* · ¶\d+$/gm) ?? [];
    expect(citations(`${first}\n${deadlines}`)).toEqual(
      expect.arrayContaining([expect.stringMatching(/NPR .* ¶4$/), expect.stringMatching(/Sonne · ¶17$/)]),
    );
    expect(citations(more)).toEqual([]);
    expect(more).toContain(
      "Nothing more in the articles: the answers since your last question showed all they have on it.",
    );
    expect(alone).not.toContain("Read with your last question");
  });

  it('says a range holds no dated event, as Discord does, rather than "not covered"', async () => {
    const [empty] = await session(["/timeline from:2030"]);
    expect(empty).toBe("No dated event falls in that range. Try /timeline without options.");
  });

  it("lists the demands for /demand alone, with how to see one", async () => {
    const [reply] = await session(["/demand"]);
    const lines = reply?.split("\n") ?? [];
    expect(lines).toHaveLength(context.dossier.demands().results.length + 2);
    expect(lines.at(-1)).toMatch(/\/demand topic:/);
  });

  it("cuts a reply longer than the screen, saying how much is left and how to narrow it", () => {
    const { text } = answerLine("/timeline", context, { color: false, width: 80, maxLines: 30 });
    const lines = text?.split("\n") ?? [];
    expect(lines.length).toBeLessThanOrEqual(30);
    expect(lines.at(-1)).toMatch(/^… \d+ more lines\. Narrow it, e\.g\. \/timeline from:2014 to:2019$/);
  });

  it("wraps each reply at the width it is given then, up to 100 columns", () => {
    for (const width of [60, 100]) {
      const { text } = answerLine("/ask why now?", context, { color: false, width });
      for (const line of text?.split("\n") ?? []) {
        if (!line.includes("https://")) expect(line.length).toBeLessThanOrEqual(width);
      }
    }
  });

  it("keeps /help within 80 columns", () => {
    for (const topic of [undefined, "ask", "timeline", "quote"]) {
      for (const line of consoleHelp(topic).split("\n")) expect(line.length).toBeLessThanOrEqual(80);
    }
    expect(consoleHelp()).toContain(
      "Curated answers are the curators' summaries; every quotation is verbatim.",
    );
  });
});
