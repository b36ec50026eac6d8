import fc from "fast-check";
import { decode } from "fast-png";
import { describe, expect, it } from "vitest";
import { renderTimelinePng } from "../../src/render/picture/timeline-png.ts";
import {
  PICTURE_WIDTH,
  placeLabels,
  shortTitle,
  timelineSvg,
} from "../../src/render/picture/timeline-svg.ts";
import { realDossier } from "../e2e/bot-harness.ts";

describe("the timeline picture", () => {
  it("is a PNG that decodes, as wide as drawn and tall enough for a lane per crowded event", () => {
    const answer = realDossier().timeline({});
    const picture = renderTimelinePng(answer);
    const image = decode(picture.png);
    expect(image.width).toBe(PICTURE_WIDTH);
    expect(image.height).toBe(picture.height);
    // Thirty-one events, fourteen of them within three months: one lane each at the crowded end.
    expect(picture.height).toBeGreaterThan(600);
    expect(picture.height).toBeLessThan(1200);
    expect(image.data.length).toBe(image.width * image.height * image.channels);
    expect(picture.description).toBe("Timeline of 31 dated events from 1991 to 2024");
  });

  it("draws ink, not only background: the text and marks are there", () => {
    const picture = renderTimelinePng(realDossier().timeline({ from: "2014", to: "2019" }), {
      from: "2014",
      to: "2019",
    });
    const { data, channels } = decode(picture.png);
    let dark = 0;
    for (let i = 0; i < data.length; i += channels) if ((data[i] ?? 255) < 100) dark += 1;
    expect(dark).toBeGreaterThan(2000);
  });

  it("spans the range as asked and says it in the header", () => {
    const { svg } = timelineSvg({
      events: [{ date: "2015", title: "Second Minsk agreement" }],
      from: "2014",
      to: "2019",
    });
    expect(svg).toContain("Timeline from 2014 to 2019 · 1 event");
    // Year ticks from the first to the end of the last year asked for.
    for (const year of ["2014", "2016", "2018", "2020"]) expect(svg).toContain(`>${year}</text>`);
  });

  it("escapes text for SVG and draws an empty range with a sentence", () => {
    const { svg } = timelineSvg({ events: [], from: "<2014&>" });
    expect(svg).toContain("from &lt;2014&amp;&gt;");
    expect(svg).toContain("No dated event in this range.");
  });
});

describe("label lanes", () => {
  const labels = fc.array(
    fc.record({ x: fc.integer({ min: 0, max: 1000 }), width: fc.integer({ min: 20, max: 400 }) }),
    { maxLength: 40 },
  );

  it("never overlap within a lane, and no label hides the line of a label above it", () => {
    fc.assert(
      fc.property(labels, (input) => {
        const placed = placeLabels(input);
        expect(placed).toHaveLength(input.length);
        for (const a of placed) {
          for (const b of placed) {
            if (a === b) continue;
            if (a.lane === b.lane) expect(a.right <= b.left || b.right <= a.left).toBe(true);
            // b's line runs from its lane down to the axis, through every lower lane.
            if (a.lane < b.lane) expect(b.x < a.left || b.x > a.right).toBe(true);
          }
        }
      }),
    );
  });
});

describe("short titles", () => {
  it("keep what fits, then the first clause, then cut at a word", () => {
    expect(shortTitle("Russia annexes Crimea", 34)).toBe("Russia annexes Crimea");
    expect(shortTitle("Second Minsk agreement, promising the Donbas more autonomy", 34)).toBe(
      "Second Minsk agreement",
    );
    expect(
      shortTitle("Trump administration abandons the Intermediate-Range Nuclear Forces (INF) Treaty", 34),
    ).toBe("Trump administration abandons the…");
  });
});
