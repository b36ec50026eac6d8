import { describe, expect, it } from "vitest";
import type { SuggestField } from "../../src/answer/dossier.ts";
import { fixtureDossier } from "./fixture-dossier.ts";

const dossier = fixtureDossier();
const values = (field: SuggestField, typed: string, limit?: number) =>
  dossier.suggest(field, typed, limit).map((s) => s.value);

describe("suggest", () => {
  it("offers sensible defaults when nothing is typed", () => {
    expect(values("demand", "")).toEqual([
      "no-nato-enlargement",
      "no-intermediate-range-missiles",
      "limits-on-military-exercises",
    ]);
    // Most quoted speakers first; people never quoted are not speakers.
    expect(values("speaker", "")).toEqual(["putin", "ryabkov", "kuleba"]);
    expect(values("year", "")).toEqual(["1991", "2008", "2014", "2021", "2022"]);
    // The republication is not offered: it is never quoted.
    expect(values("article", "")).toEqual([
      "fp-mackinnon",
      "npr-2022-01-12",
      "trenin-2021-12-28",
      "wapo-sonne",
    ]);
    expect(values("topic", "")[0]).toBe("NATO expansion");
  });

  it("ranks exact over prefix over word prefix over typos", () => {
    // "Putin" is an exact alias of putin; nobody else's name starts with it.
    expect(values("person", "Putin")).toEqual(["putin"]);
    // "zel" starts a word of Zelensky's names only.
    expect(values("person", "zel")).toEqual(["zelensky"]);
    // A typo, then a name that starts with what is typed.
    expect(values("person", "Stoltenburg")).toEqual(["stoltenberg"]);
    // What they do, as /who reads it: both foreign ministers (Moscow's deputy), the more quoted first.
    expect(values("person", "foreign min")).toEqual(["ryabkov", "kuleba"]);
    expect(values("topic", "missile")).toEqual(["missiles"]);
    expect(values("demand", "exp")).toEqual(["no-nato-enlargement"]);
  });

  it("names what the user sees and values what the command gets, within Discord's limits", () => {
    const [first] = dossier.suggest("speaker", "ryab");
    expect(first).toEqual({ name: "Sergei Ryabkov — Russian deputy foreign minister", value: "ryabkov" });
    const [year] = dossier.suggest("year", "2014");
    expect(year).toEqual({ name: "2014 (1 event)", value: "2014" });
    for (const field of ["topic", "demand", "speaker", "person", "article", "year"] as const) {
      for (const typed of ["", "a", "x".repeat(6000)]) {
        const suggestions = dossier.suggest(field, typed);
        expect(suggestions.length).toBeLessThanOrEqual(25);
        for (const s of suggestions) {
          expect(s.name.length).toBeLessThanOrEqual(100);
          expect(s.value.length).toBeLessThanOrEqual(100);
        }
      }
    }
  });

  it("never returns more than asked, nor more than 25", () => {
    expect(values("topic", "", 2)).toHaveLength(2);
    expect(values("topic", "", 0)).toEqual([]);
    expect(values("topic", "", 500).length).toBeLessThanOrEqual(25);
    expect(values("person", "qqqqqq")).toEqual([]);
  });
});
