import { createDossier } from "../answer/create-dossier.ts";
import { loadCorpus } from "../knowledge/load-corpus.ts";
import type { PictureProbeResult } from "./timeline-picture-section.ts";

/**
 * Runs in a child process started with --expose-gc, as `npm start` runs the bot (see
 * timeline-picture-section.ts): draws the three pictures `runs` times, each followed by a turn of the
 * event loop as between two interactions, and prints one JSON line of timings and memory.
 */
const RANGES = [{}, { from: "2014", to: "2019" }, { from: "2021-11", to: "2022-01" }];

function settledRss(): number {
  globalThis.gc?.();
  return process.memoryUsage().rss;
}

async function main(): Promise<void> {
  const [knowledgeDir = "", runs = "30"] = process.argv.slice(2);
  const dossier = createDossier(loadCorpus(knowledgeDir));
  const before = settledRss();
  // Loaded after the first reading, so the memory the rasteriser adds is counted.
  const { renderTimelinePng } = await import("../render/picture/timeline-png.ts");
  const samplesMs: number[] = [];
  let largestPngBytes = 0;
  let height = 0;
  for (let run = 0; run < Number(runs); run++) {
    for (const range of RANGES) {
      const answer = dossier.timeline(range);
      const started = performance.now();
      const picture = renderTimelinePng(answer, range);
      samplesMs.push(performance.now() - started);
      largestPngBytes = Math.max(largestPngBytes, picture.png.length);
      height = Math.max(height, picture.height);
      await new Promise((resume) => setImmediate(resume));
    }
  }
  const result: PictureProbeResult = {
    samplesMs,
    rssAddedBytes: settledRss() - before,
    largestPngBytes,
    height,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
