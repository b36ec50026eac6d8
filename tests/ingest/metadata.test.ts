import { describe, expect, it } from "vitest";
import { bioName } from "../../src/ingest/metadata/bio-sentence.ts";
import { creditNames, parseByline } from "../../src/ingest/metadata/credits.ts";
import { dateFromUrl, parseWrittenDate } from "../../src/ingest/metadata/dates.ts";
import { extractMetadata } from "../../src/ingest/metadata/extract.ts";
import { mergeNames, normalizeNameCase, splitNameList } from "../../src/ingest/metadata/names.ts";
import {
  outletFromCopyright,
  outletFromMasthead,
  outletFromMoreFrom,
  outletFromUrl,
} from "../../src/ingest/metadata/outlet.ts";
import { outletShortName, proposeId, uniqueId } from "../../src/ingest/proposed-id.ts";

describe("names", () => {
  it("normalises names printed in capitals and splits lists of people", () => {
    expect(normalizeNameCase("DMITRI TRENIN")).toBe("Dmitri Trenin");
    expect(normalizeNameCase("Andrea Kendall-Taylor")).toBe("Andrea Kendall-Taylor");
    expect(splitNameList("Isabelle Khurshudyan in Kyiv and Dan Lamothe in Washington")).toEqual([
      "Isabelle Khurshudyan",
      "Dan Lamothe",
    ]);
    expect(splitNameList("the official, speaking on condition")).toBeUndefined();
  });

  it("treats a surname alone as the same person as a full name", () => {
    expect(mergeNames(["Sonne"], ["Paul Sonne", "Jane Doe"])).toEqual(["Paul Sonne", "Jane Doe"]);
  });
});

describe("bylines, biographies and credit lines", () => {
  it("reads names and the date from a byline", () => {
    expect(parseByline("BY DMITRI TRENIN December 28, 2021")).toEqual({
      authors: ["Dmitri Trenin"],
      published: "2021-12-28",
    });
    expect(parseByline("By Jane Doe and John Roe")).toEqual({ authors: ["Jane Doe", "John Roe"] });
    expect(parseByline("By contrast, Russia treats Ukraine as vital.")).toBeUndefined();
  });

  it("reads the author's name from a biography, even after subscription text", () => {
    expect(bioName("Amy Mackinnon is a national security and intelligence reporter at Foreign Policy.")).toBe(
      "Amy Mackinnon",
    );
    expect(
      bioName("Six issues a year Subscribe Now DMITRI TRENIN is Director of the Carnegie Moscow Center."),
    ).toBe("DMITRI TRENIN");
    expect(
      bioName("Russian President Vladimir Putin is acting as if he has the upper hand."),
    ).toBeUndefined();
  });

  it("keeps the biographies and credit lines word for word, without what a page printed around them", () => {
    const meta = extractMetadata({ title: "T" }, [
      {
        rule: "author-bio",
        action: "removed",
        text: "Six issues a year Subscribe Now DMITRI TRENIN is Director of the Carnegie Moscow Center.",
      },
      {
        rule: "credit-line",
        action: "removed",
        text: "Sonne reported from Washington. Dan Lamothe contributed to this report.",
      },
      {
        rule: "author-bio",
        action: "removed",
        text: "Amy Mackinnon is a reporter at Foreign Policy. Twitter: @ak_mack",
      },
    ]);
    expect(meta.credits).toEqual([
      "DMITRI TRENIN is Director of the Carnegie Moscow Center.",
      "Sonne reported from Washington. Dan Lamothe contributed to this report.",
      "Amy Mackinnon is a reporter at Foreign Policy.",
    ]);
  });

  it("tells reporters from contributors", () => {
    expect(
      creditNames(
        "Sonne reported from Washington. Isabelle Khurshudyan in Kyiv and Dan Lamothe contributed to this report.",
      ),
    ).toEqual({ authors: ["Sonne"], contributors: ["Isabelle Khurshudyan", "Dan Lamothe"] });
  });
});

describe("outlets and dates", () => {
  it("finds the outlet in a masthead, a link list, a short host name or a copyright line", () => {
    expect(outletFromMasthead("The Washington PostDemocracy Dies in Darkness")).toBe("The Washington Post");
    expect(outletFromMasthead("FOREIGN AFFAIRS")).toBe("Foreign Affairs");
    expect(outletFromMoreFrom("More from Foreign Policy")).toBe("Foreign Policy");
    expect(
      outletFromMoreFrom("Thank you for signing up.Stay tuned for the latest from Foreign Affairs."),
    ).toBe("Foreign Affairs");
    expect(outletFromUrl("https://www.npr.org/2022/01/12/1072413634/russia-nato-ukraine")).toBe("NPR");
    expect(outletFromUrl("https://www.foreignaffairs.com/articles/x")).toBeUndefined();
    expect(outletFromCopyright("Copyright © 2022 by the Council on Foreign Relations, Inc.")).toBe(
      "Council on Foreign Relations",
    );
  });

  it("reads written dates and dates in URL paths, refusing impossible ones", () => {
    expect(parseWrittenDate("December 28, 2021")).toBe("2021-12-28");
    expect(parseWrittenDate("Jan. 12, 2022")).toBe("2022-01-12");
    expect(parseWrittenDate("12 January 2022")).toBe("2022-01-12");
    expect(parseWrittenDate("February 30, 2022")).toBeUndefined();
    expect(dateFromUrl("https://www.npr.org/2022/01/12/1072413634/x")).toBe("2022-01-12");
    expect(dateFromUrl("https://x.com/articles/russia-fsu/2021-12-28/what")).toBe("2021-12-28");
    expect(dateFromUrl("https://x.com/articles/what")).toBeUndefined();
  });
});

describe("metadata from the removed lines", () => {
  it("leaves out every field the text does not give", () => {
    const meta = extractMetadata({ title: "A headline" }, [
      { rule: "horizontal-rule", action: "removed", text: "---" },
    ]);
    expect(meta).toEqual({ title: "A headline", authors: [], contributors: [], credits: [] });
  });

  it("prefers the byline date to the URL date and the masthead to other outlet evidence", () => {
    const meta = extractMetadata({ masthead: "FOREIGN AFFAIRS", title: "T" }, [
      { rule: "byline", action: "removed", text: "BY JANE DOE May 2, 2021" },
      { rule: "source-line", action: "removed", text: "Source: https://www.npr.org/2022/01/12/1/x" },
    ]);
    expect(meta).toMatchObject({
      outlet: "Foreign Affairs",
      authors: ["Jane Doe"],
      published: "2021-05-02",
      url: "https://www.npr.org/2022/01/12/1/x",
    });
  });
});

describe("proposed ids", () => {
  it("uses surname and date, else outlet and surname, else outlet and date, else the title", () => {
    expect(
      proposeId({
        title: "T",
        authors: ["Dmitri Trenin"],
        published: "2021-12-28",
        outlet: "Foreign Affairs",
      }),
    ).toBe("trenin-2021-12-28");
    expect(proposeId({ title: "T", authors: ["Amy Mackinnon"], outlet: "Foreign Policy" })).toBe(
      "fp-mackinnon",
    );
    expect(proposeId({ title: "T", authors: [], outlet: "NPR", published: "2022-01-12" })).toBe(
      "npr-2022-01-12",
    );
    expect(proposeId({ title: "What’s Behind Russia’s Latest Demands", authors: [] })).toBe(
      "whats-behind-russias-latest-demands",
    );
  });

  it("shortens outlet names by newsroom convention or initials", () => {
    expect(outletShortName("The Washington Post")).toBe("wapo");
    expect(outletShortName("Foreign Affairs")).toBe("fa");
    expect(outletShortName("NPR")).toBe("npr");
  });

  it("adds a number when the id is taken", () => {
    expect(uniqueId("fp-mackinnon", new Set(["fp-mackinnon", "fp-mackinnon-2"]))).toBe("fp-mackinnon-3");
    expect(uniqueId("fp-mackinnon", new Set())).toBe("fp-mackinnon");
  });
});
