import { formatPartialDate } from "../../text/partial-date.ts";

/**
 * The timeline as a picture: a horizontal time axis, each event a mark at its date, labelled with its
 * date and a short title. Labels are stacked in lanes above the axis, each joined to its mark by a
 * line, so that the events of a crowded month (fourteen between late 2021 and early 2022) stay
 * readable on a scale that also reaches back to 1991. Pure: text in, SVG text out.
 */

export interface PictureEvent {
  /** "2008", "2021-12" or "2022-01-10", as in timeline.yaml. */
  date: string;
  title: string;
}

export interface TimelinePictureInput {
  events: readonly PictureEvent[];
  /** The range the member asked for; the axis spans it exactly. Otherwise it spans the events. */
  from?: string;
  to?: string;
}

export const PICTURE_WIDTH = 1200;
export const FONT_FAMILY = "Inter";

const MARGIN = 40;
const HEADER_HEIGHT = 78;
const LANE_HEIGHT = 25;
const LABEL_SIZE = 15;
const AXIS_GAP = 26;
const FOOTER_HEIGHT = 74;
/** Characters of title every label may show, however crowded the right end of the axis. */
const SHORT_TITLE = 34;
/** Inter's advance is about 0.49 em on mixed text; over-estimating only leaves a little more space. */
const EM_PER_CHAR = 0.53;
const LABEL_GAP = 16;

const COLORS = {
  background: "#ffffff",
  ink: "#1f2328",
  muted: "#5b636e",
  faint: "#c5cad1",
  accent: "#3b6ea5",
  span: "#9fbbd9",
};

interface Span {
  start: number;
  end: number;
}

interface PlacedLabel {
  x: number;
  lane: number;
  left: number;
  right: number;
}

/** The picture's SVG, with its size; the caller rasterises it. */
export function timelineSvg(input: TimelinePictureInput): { svg: string; width: number; height: number } {
  const spans = input.events.flatMap((event) => {
    const span = spanOf(event.date);
    return span === undefined ? [] : [{ ...event, span }];
  });
  const domain = axisDomain(
    spans.map((event) => event.span),
    input,
  );
  // "2021" overlaps "from 2021-12": such an event is drawn over the part of its span on the axis.
  const dated = spans.flatMap((event) => {
    const span = {
      start: Math.max(event.span.start, domain.start),
      end: Math.min(event.span.end, domain.end),
    };
    return span.start < span.end ? [{ ...event, span }] : [];
  });
  // The axis is fitted to labels of a modest length; then each label takes the room it has.
  const labels = dated.map((event) => labelOf(event, SHORT_TITLE));
  const left = MARGIN + 8;
  const fraction = (time: number) => (time - domain.start) / (domain.end - domain.start);
  const right = axisEnd(
    left,
    dated.map((event, index) => ({
      at: fraction(midpoint(event.span)),
      width: labels[index]?.width ?? 0,
    })),
  );
  const xOf = (time: number) => left + fraction(time) * (right - left);

  const marks = dated.map((event) => {
    const x = xOf(midpoint(event.span));
    const room = Math.floor((PICTURE_WIDTH - MARGIN - x - 6) / (LABEL_SIZE * EM_PER_CHAR));
    const day = event.date.length > 7;
    return { x, x0: xOf(event.span.start), x1: xOf(event.span.end), day, label: labelOf(event, room) };
  });
  const placed = placeLabels(marks.map((mark) => ({ x: mark.x, width: mark.label.width })));
  const lanes = Math.max(1, ...placed.map((label) => label.lane + 1));
  const axisY = HEADER_HEIGHT + lanes * LANE_HEIGHT + AXIS_GAP;
  const height = axisY + FOOTER_HEIGHT;
  const laneY = (lane: number) => axisY - AXIS_GAP - lane * LANE_HEIGHT;

  const parts: string[] = [
    `<rect width="${PICTURE_WIDTH}" height="${height}" fill="${COLORS.background}"/>`,
    text(MARGIN, 44, headerOf(input, dated.length), { size: 24, weight: 600, color: COLORS.ink }),
    text(
      MARGIN,
      66,
      "Each event sits at its date; a bar spans a date the articles give only as a year or month.",
      {
        size: 13,
        color: COLORS.muted,
      },
    ),
  ];
  for (const tick of ticksOf(domain)) {
    const x = xOf(tick.time);
    parts.push(line(x, axisY - 4, x, axisY + 6, COLORS.muted, 1));
    parts.push(text(x, axisY + 26, tick.label, { size: 14, color: COLORS.muted, anchor: "middle" }));
  }
  parts.push(line(left - 8, axisY, right + 8, axisY, COLORS.ink, 2));
  marks.forEach((mark, index) => {
    const label = placed[index];
    if (label === undefined) return;
    const baseline = laneY(label.lane);
    parts.push(line(mark.x, baseline + 5, mark.x, axisY - 7, COLORS.faint, 1));
    if (!mark.day && mark.x1 - mark.x0 >= 4) {
      const width = (mark.x1 - mark.x0).toFixed(1);
      parts.push(
        `<rect x="${mark.x0.toFixed(1)}" y="${axisY - 5}" width="${width}" height="10" rx="3" fill="${COLORS.span}" fill-opacity="0.55"/>`,
      );
    }
    parts.push(`<circle cx="${mark.x.toFixed(1)}" cy="${axisY}" r="5" fill="${COLORS.accent}"/>`);
    parts.push(
      `<text x="${(mark.x + 6).toFixed(1)}" y="${baseline}" font-size="${LABEL_SIZE}" fill="${COLORS.ink}">` +
        `<tspan font-weight="600" fill="${COLORS.accent}">${escapeXml(mark.label.date)}</tspan>` +
        `<tspan> ${escapeXml(mark.label.title)}</tspan></text>`,
    );
  });
  if (dated.length === 0) {
    parts.push(
      text(PICTURE_WIDTH / 2, axisY - 40, "No dated event in this range.", {
        size: 16,
        color: COLORS.muted,
        anchor: "middle",
      }),
    );
  }
  parts.push(
    text(
      MARGIN,
      height - 14,
      "Dossier · each date is the articles' own or worked out from their words; the timeline's text quotes the passage behind each.",
      {
        size: 12,
        color: COLORS.muted,
      },
    ),
  );
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PICTURE_WIDTH}" height="${height}" ` +
    `viewBox="0 0 ${PICTURE_WIDTH} ${height}" font-family="${FONT_FAMILY}">${parts.join("")}</svg>`;
  return { svg, width: PICTURE_WIDTH, height };
}

/**
 * Lanes, lowest first, filled from the latest event back to the earliest. Every label starts at its
 * mark and runs right, so it can only hide the lines of later events; it therefore takes the lowest
 * lane that is free and above every later label it reaches. No label covers a line, whatever the
 * dates, at the price of a lane per label where events crowd together.
 */
export function placeLabels(labels: ReadonlyArray<{ x: number; width: number }>): PlacedLabel[] {
  const placed: Array<PlacedLabel | undefined> = labels.map(() => undefined);
  const order = labels
    .map((_, index) => index)
    .sort((a, b) => (labels[b]?.x ?? 0) - (labels[a]?.x ?? 0) || b - a);
  const done: PlacedLabel[] = [];
  for (const index of order) {
    const label = labels[index];
    if (label === undefined) continue;
    // The text starts a little right of the mark, so a line exactly at the mark is never under it.
    const box = { x: label.x, left: label.x + 3, right: label.x + 6 + label.width };
    const above = done
      .filter((other) => other.x >= box.left && other.x <= box.right + LABEL_GAP)
      .reduce((lane, other) => Math.max(lane, other.lane + 1), 0);
    let lane = above;
    while (done.some((other) => other.lane === lane && overlaps(other, box))) lane += 1;
    const result = { ...box, lane };
    placed[index] = result;
    done.push(result);
  }
  return placed.filter((label): label is PlacedLabel => label !== undefined);
}

function overlaps(a: { left: number; right: number }, b: { left: number; right: number }): boolean {
  return a.left < b.right + LABEL_GAP && b.left < a.right + LABEL_GAP;
}

/**
 * Where the axis ends: as far right as it can while every label, which runs right from its mark,
 * still ends inside the picture. The latest events' labels thus sit in a margin on the right.
 */
function axisEnd(left: number, labels: ReadonlyArray<{ at: number; width: number }>): number {
  const limit = PICTURE_WIDTH - MARGIN;
  return labels.reduce((right, { at, width }) => {
    const room = limit - 6 - width - left;
    return at <= 0 ? right : Math.min(right, left + Math.max(room, 0) / at);
  }, limit - 8);
}

const midpoint = (span: Span) => (span.start + span.end) / 2;

/** The date and as much of the title as `room` characters allow, never fewer than SHORT_TITLE. */
function labelOf(event: PictureEvent, room: number): { date: string; title: string; width: number } {
  const date = formatPartialDate(event.date, "short");
  const title = shortTitle(event.title, Math.max(SHORT_TITLE, room - date.length - 1));
  return { date, title, width: (date.length + 1 + title.length) * LABEL_SIZE * EM_PER_CHAR };
}

/** A title within `max` characters: whole when it fits, else its first clause, else cut at a word. */
export function shortTitle(title: string, max: number): string {
  if (title.length <= max) return title;
  const clause = title.split(/[;,(]/)[0]?.trim() ?? title;
  const base = clause.length >= 12 ? clause : title;
  if (base.length <= max) return base;
  const cut = base.slice(0, max - 1);
  const whole = /\s/.test(base.charAt(max - 1)) ? cut : cut.slice(0, cut.lastIndexOf(" "));
  const atWord = whole.replace(/[\s,;:·–—-]+$/, "");
  return `${atWord.length >= 12 ? atWord : cut}…`;
}

function headerOf(input: TimelinePictureInput, count: number): string {
  const range = [
    input.from === undefined ? undefined : `from ${input.from}`,
    input.to === undefined ? undefined : `to ${input.to}`,
  ].filter((part) => part !== undefined);
  const events = `${count} ${count === 1 ? "event" : "events"}`;
  return range.length === 0 ? `Timeline · ${events}` : `Timeline ${range.join(" ")} · ${events}`;
}

/** The first and last instant a partial date may mean, in milliseconds. */
export function spanOf(date: string): Span | undefined {
  const match = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(date.trim());
  if (match === null) return undefined;
  const year = Number(match[1]);
  if (match[2] === undefined) return { start: Date.UTC(year, 0, 1), end: Date.UTC(year + 1, 0, 1) };
  const month = Number(match[2]) - 1;
  if (month < 0 || month > 11) return undefined;
  if (match[3] === undefined) return { start: Date.UTC(year, month, 1), end: Date.UTC(year, month + 1, 1) };
  const day = Number(match[3]);
  return { start: Date.UTC(year, month, day), end: Date.UTC(year, month, day + 1) };
}

const DAY_MS = 86_400_000;

function axisDomain(spans: readonly Span[], input: TimelinePictureInput): Span {
  const from = input.from === undefined ? undefined : spanOf(input.from);
  const to = input.to === undefined ? undefined : spanOf(input.to);
  const start = from?.start ?? Math.min(...spans.map((span) => span.start), to?.start ?? Infinity);
  const end = to?.end ?? Math.max(...spans.map((span) => span.end), from?.end ?? -Infinity);
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    const now = Date.UTC(new Date().getUTCFullYear(), 0, 1);
    return { start: now, end: now + 365 * DAY_MS };
  }
  return end - start < 30 * DAY_MS ? { start, end: start + 30 * DAY_MS } : { start, end };
}

/** Year ticks at a step that keeps them apart; month ticks when the axis spans less than two years. */
function ticksOf(domain: Span): Array<{ time: number; label: string }> {
  const first = new Date(domain.start);
  const years = (domain.end - domain.start) / (365.25 * DAY_MS);
  const ticks: Array<{ time: number; label: string }> = [];
  if (years < 2) {
    const step = [1, 2, 3, 6].find((months) => (years * 12) / months <= 12) ?? 6;
    for (let m = first.getUTCMonth(), y = first.getUTCFullYear(); ; m += step) {
      const time = Date.UTC(y, m, 1);
      if (time > domain.end) break;
      if (time >= domain.start) ticks.push({ time, label: formatPartialDate(isoMonth(time), "short") });
    }
    return ticks;
  }
  const step = [1, 2, 5, 10, 20, 50, 100].find((every) => years / every <= 14) ?? 100;
  const firstYear = Math.ceil(first.getUTCFullYear() / step) * step;
  for (let year = firstYear; Date.UTC(year, 0, 1) <= domain.end; year += step) {
    const time = Date.UTC(year, 0, 1);
    if (time >= domain.start) ticks.push({ time, label: String(year) });
  }
  return ticks;
}

function isoMonth(time: number): string {
  const date = new Date(time);
  return `${date.getUTCFullYear()}-${String(date.getUTCMonth() + 1).padStart(2, "0")}`;
}

interface TextStyle {
  size: number;
  color: string;
  weight?: number;
  anchor?: "start" | "middle" | "end";
}

function text(x: number, y: number, content: string, style: TextStyle): string {
  const weight = style.weight === undefined ? "" : ` font-weight="${style.weight}"`;
  const anchor = style.anchor === undefined ? "" : ` text-anchor="${style.anchor}"`;
  return `<text x="${x.toFixed(1)}" y="${y}" font-size="${style.size}" fill="${style.color}"${weight}${anchor}>${escapeXml(content)}</text>`;
}

function line(x1: number, y1: number, x2: number, y2: number, color: string, width: number): string {
  return `<line x1="${x1.toFixed(1)}" y1="${y1}" x2="${x2.toFixed(1)}" y2="${y2}" stroke="${color}" stroke-width="${width}"/>`;
}

function escapeXml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}
