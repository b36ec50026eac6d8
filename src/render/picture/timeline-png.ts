import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import type { Answer } from "../../answer/answer.ts";
import { FONT_FAMILY, type PictureEvent, timelineSvg } from "./timeline-svg.ts";

export interface TimelinePng {
  png: Buffer;
  width: number;
  height: number;
  /** Alternative text for the image, for screen readers. */
  description: string;
}

export const TIMELINE_PNG_NAME = "timeline.png";

/**
 * The fonts shipped in assets/fonts/, found from this file: two levels deeper in src/ than in the
 * bundle in dist/, so both places are tried. Only these fonts are loaded, never the system's, so the
 * picture is the same on every machine (and loading is faster).
 */
function shippedFontFiles(): string[] {
  const candidates = ["../../../assets/fonts/", "../assets/fonts/"].map((relative) =>
    fileURLToPath(new URL(relative, import.meta.url)),
  );
  const dir = candidates.find((candidate) => existsSync(`${candidate}Inter-Regular.otf`));
  if (dir === undefined) throw new Error(`Timeline picture: no fonts in ${candidates.join(" or ")}`);
  return [`${dir}Inter-Regular.otf`, `${dir}Inter-SemiBold.otf`];
}

/** Draws the events of a /timeline answer (its `from`/`to` as the axis, when given) as a PNG. */
export function renderTimelinePng(answer: Answer, range: { from?: string; to?: string } = {}): TimelinePng {
  const events: PictureEvent[] = answer.results.flatMap((result) =>
    result.date === undefined ? [] : [{ date: result.date, title: result.heading ?? result.id }],
  );
  const { svg, width, height } = timelineSvg({ events, ...range });
  const png = rasterise(svg);
  // resvg's objects hold the picture's pixels (5 MB for the whole timeline) outside V8's heap, which
  // does not count them: they are freed only when V8 collects the objects, and it sees no reason to
  // soon (a bot drawing pictures in a row grew by 300 MB). Once `rasterise` has returned they are
  // garbage: a collection, scheduled as a task of its own so the reply is not held up, frees them.
  // `npm start` runs node with --expose-gc for this; elsewhere (the CLI draws one picture and exits,
  // tests) there is no `gc` and nothing to do.
  void globalThis.gc?.({ type: "major", execution: "async" });
  const first = events[0]?.date;
  const last = events.at(-1)?.date;
  const span = first === undefined || last === undefined ? "" : ` from ${first} to ${last}`;
  return {
    png,
    width,
    height,
    description: `Timeline of ${events.length} dated ${events.length === 1 ? "event" : "events"}${span}`,
  };
}

/**
 * The rasteriser, loaded for the first picture rather than when the bot starts: a native library
 * of about 5 MB of resident memory that a bot whose members never ask for a picture need not carry.
 */
const load = createRequire(import.meta.url);
let rasteriser: typeof import("@resvg/resvg-js") | undefined;

function rasterise(svg: string): Buffer {
  rasteriser ??= load("@resvg/resvg-js") as typeof import("@resvg/resvg-js");
  // Looked up for each picture (two file checks, next to 30 ms of drawing) rather than kept in module state.
  const image = new rasteriser.Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: shippedFontFiles(), defaultFontFamily: FONT_FAMILY },
    fitTo: { mode: "original" },
  }).render();
  return image.asPng();
}
