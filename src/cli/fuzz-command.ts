import { randomInt } from "node:crypto";
import { z } from "zod";
import { failureCount, formatFuzzReport, runFuzz } from "../fuzz/run-fuzz.ts";
import { parseArguments, UsageError } from "./parse-arguments.ts";
import type { SubCommand } from "./sub-command.ts";

const countSchema = z.coerce.number().int().min(1).max(10_000_000);
const seedSchema = z.coerce.number().int().min(0).max(0xffff_ffff);

/**
 * `dossier fuzz [--n 100000] [--seed S]`: hostile inputs through every command's core, its renderers
 * and the router (see src/fuzz/run-fuzz.ts). Prints the seed, so a failing run can be repeated, and
 * exits 1 when anything failed.
 */
export const fuzzCommand: SubCommand = {
  name: "fuzz",
  usage: "[--n 100000] [--seed number]",
  summary:
    "hostile inputs through every command, renderer and the router; counts crashes, non-verbatim excerpts, limit breaks and pings",
  async run(args, cli) {
    const { values, positionals } = parseArguments("fuzz", args, {
      n: { type: "string" },
      seed: { type: "string" },
    });
    if (positionals.length > 0)
      throw new UsageError(`"dossier fuzz" takes no arguments; got "${positionals.join(" ")}".`, "fuzz");
    const n = countSchema.safeParse(values.n ?? 100_000);
    if (!n.success) throw new UsageError("--n must be a whole number of inputs, at least 1.", "fuzz");
    const seed = seedSchema.safeParse(values.seed ?? randomInt(0xffff_ffff));
    if (!seed.success) throw new UsageError("--seed must be a whole number from 0 to 4294967295.", "fuzz");
    cli.io.err(`Fuzzing ${n.data.toLocaleString("en-US")} inputs with seed ${seed.data}…`);
    const report = await runFuzz({
      n: n.data,
      seed: seed.data,
      knowledgeDir: cli.knowledgeDir,
      progress: (done) => cli.io.err(`  ${done.toLocaleString("en-US")} done`),
    });
    cli.io.out(formatFuzzReport(report));
    return failureCount(report) === 0 ? 0 : 1;
  },
};
