import { describe, expect, it } from "vitest";
import { suggestEntries } from "../../src/moderation/entry-suggestions.ts";
import type { GuildQaEntry } from "../../src/store/index.ts";

const entry = (id: string, question: string, updatedAt: string): GuildQaEntry => ({
  guildId: "1",
  id,
  question,
  alternatives: [],
  answer: "An answer.",
  citations: [],
  status: "active",
  version: 1,
  createdBy: "1",
  createdAt: updatedAt,
  updatedBy: "1",
  updatedAt,
});

const entries = [
  entry("why-now", "Why now?", "2022-01-01T00:00:00Z"),
  entry("why-now-2", "Why now, again?", "2022-01-03T00:00:00Z"),
  entry("nato-promise", "Did NATO promise not to expand?", "2022-01-02T00:00:00Z"),
  entry("bucharest", "What happened at Bucharest in 2008?", "2022-01-04T00:00:00Z"),
];

const ids = (typed: string) => suggestEntries(entries, typed).map((choice) => choice.value);

describe("entry id suggestions", () => {
  it("ranks the exact id first, then ids it starts, then words of a question, then typos", () => {
    // "why-now" exactly; "why-now-2" starts with it.
    expect(ids("why-now")).toEqual(["why-now", "why-now-2"]);
    // No id starts with "expand", a word of one question does.
    expect(ids("expand")).toEqual(["nato-promise"]);
    // One letter off: found only by edit distance.
    expect(ids("bucharset")).toEqual(["bucharest"]);
  });

  it("offers the most recently changed entries when nothing is typed", () => {
    expect(ids("")).toEqual(["bucharest", "why-now-2", "nato-promise", "why-now"]);
  });

  it("shows the id and the question, within Discord's 100 characters", () => {
    const long = entry("long", "x ".repeat(80), "2022-01-01T00:00:00Z");
    const [choice] = suggestEntries([long], "long");
    expect(choice?.name.length).toBeLessThanOrEqual(100);
    expect(choice?.name.startsWith("long — x x")).toBe(true);
  });
});
