import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { BenchOptions, BenchSection, BenchTable } from "./bench-section.ts";
import { runProcess, TSX_LOADER } from "./run-process.ts";
import { formatMb, formatMs, percentile } from "./stats.ts";

const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));
const PROBE = fileURLToPath(new URL("./timeline-picture-probe.ts", import.meta.url));
const TARGET_MS = 100;

/** The probe's one line of output (timeline-picture-probe.ts). */
const pictureProbeResultSchema = z.object({
  samplesMs: z.array(z.number()),
  rssAddedBytes: z.number(),
  largestPngBytes: z.number(),
  height: z.number(),
});
export type PictureProbeResult = z.infer<typeof pictureProbeResultSchema>;

const TARGET_RSS_MB = 20;

/**
 * The /timeline picture: how long drawing and rasterising takes, and how much memory the rasteriser
 * and its pictures add, measured in a fresh process run as `npm start` runs the bot.
 */
export const timelinePictureSection: BenchSection = {
  id: "timeline-picture",
  async run(options: BenchOptions): Promise<BenchTable> {
    const runs = options.quick ? 2 : 30;
    options.progress("Timeline picture: rendering");
    const { code, stdout, stderr } = await runProcess(
      process.execPath,
      ["--import", TSX_LOADER, "--expose-gc", PROBE, options.knowledgeDir, String(runs)],
      { cwd: PROJECT_ROOT },
    );
    const lastLine = stdout.trim().split("\n").at(-1) ?? "";
    if (code !== 0 || lastLine === "")
      throw new Error(`timeline picture probe exited with ${code}: ${stderr.trim()}`);
    const result = pictureProbeResultSchema.parse(JSON.parse(lastLine));
    const p99 = percentile(result.samplesMs, 99);
    return {
      title: "Timeline picture — SVG drawn and rasterised by resvg",
      rows: [
        { measure: "render p50", ours: formatMs(percentile(result.samplesMs, 50)) },
        {
          measure: "render p99",
          ours: formatMs(p99),
          target: { label: `≤ ${TARGET_MS} ms`, met: p99 <= TARGET_MS },
        },
        {
          measure: "RSS added (rasteriser loaded, pictures drawn)",
          ours: formatMb(result.rssAddedBytes),
          target: {
            label: `≤ ${TARGET_RSS_MB} MB`,
            met: result.rssAddedBytes <= TARGET_RSS_MB * 1024 * 1024,
          },
        },
        { measure: "largest PNG", ours: `${Math.round(result.largestPngBytes / 1024)} KB` },
      ],
      notes: [
        `${runs} run(s) of three pictures (all 31 events, 1200×${result.height}; 2014–2019; Nov 2021 – Jan 2022) in a process started with --expose-gc, as npm start runs the bot; the first includes loading the rasteriser and fonts.`,
      ],
    };
  },
};
