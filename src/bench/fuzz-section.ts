import { randomInt } from "node:crypto";
import { type FuzzReport, runFuzz } from "../fuzz/run-fuzz.ts";
import type { BenchRow, BenchSection } from "./bench-section.ts";

const COUNTED: ReadonlyArray<[keyof FuzzReport, string]> = [
  ["crashes", "crashes"],
  ["nonVerbatim", "non-verbatim excerpts"],
  ["limitBreaks", "Discord limit breaks"],
  ["pings", "pings"],
  ["maskedLinks", "live masked links"],
  ["unanswered", "interactions unanswered"],
  ["answeredTwice", "interactions answered twice"],
  ["othersMessagesTurned", "others' messages turned"],
];

/** The fuzz harness at scale (`npm run fuzz` runs it alone): 100,000 inputs, a new seed each run. */
export const fuzzSection: BenchSection = {
  id: "fuzz",
  async run(options) {
    const n = options.quick ? 500 : 100_000;
    const seed = randomInt(0xffff_ffff);
    options.progress(`Fuzz: ${n.toLocaleString("en-US")} inputs, seed ${seed}`);
    const started = performance.now();
    const report = await runFuzz({
      n,
      seed,
      knowledgeDir: options.knowledgeDir,
      progress: (done) => options.progress(`Fuzz: ${done.toLocaleString("en-US")} done`),
    });
    const seconds = (performance.now() - started) / 1000;
    const rows: BenchRow[] = [
      { measure: "inputs", ours: report.n.toLocaleString("en-US") },
      { measure: "of which through the router", ours: report.interactions.toLocaleString("en-US") },
      { measure: "excerpts checked verbatim", ours: report.excerptsChecked.toLocaleString("en-US") },
      { measure: "messages checked", ours: report.messagesChecked.toLocaleString("en-US") },
      ...COUNTED.map(([key, measure]) => {
        const count = Number(report[key]);
        return { measure, ours: count.toLocaleString("en-US"), target: { label: "0", met: count === 0 } };
      }),
      { measure: "inputs per second", ours: Math.round(report.n / seconds).toLocaleString("en-US") },
    ];
    return {
      title: `Fuzz — hostile inputs through every command, renderer and the router, seed ${seed}`,
      rows,
      notes: [
        `Repeat this run with: npm run fuzz -- --n ${n} --seed ${seed}`,
        `${report.refusedByDiscordJs.toLocaleString("en-US")} malformed payloads were refused by discord.js itself, before the bot's code: the process guard logs them.`,
        ...report.examples.map((example) => `! ${example}`),
      ],
    };
  },
};
