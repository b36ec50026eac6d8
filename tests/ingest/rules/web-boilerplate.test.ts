import { describe, expect, it } from "vitest";
import { readBlocks } from "../../../src/ingest/read-blocks.ts";
import { removeAdResidue } from "../../../src/ingest/rules/ad-residue.ts";
import { removeAuthorBio } from "../../../src/ingest/rules/author-bio.ts";
import {
  LINE_RULES,
  removeLinkLists,
  removeWebBoilerplate,
} from "../../../src/ingest/rules/web-boilerplate.ts";
import { blocksOf, textsOf } from "./blocks.ts";

const STORY = "Russia published two lists of demands on Friday, one for Washington and one for the alliance.";
/** More than thirty words: a full paragraph, as opposed to a header line. */
const LONG_STORY =
  "Russia published two lists of demands on Friday, one for Washington and one for the alliance, seeking pledges that would halt the eastward expansion and block military ties with former Soviet states.";

function ruleFor(text: string): string | undefined {
  return LINE_RULES.find((rule) => rule.matches(text))?.name;
}

describe("web and layout boilerplate lines", () => {
  it.each([
    ["---", "horizontal-rule"],
    ["[Disclaimer]", "disclaimer"],
    ["Source: https://www.npr.org/2022/01/12/1/x", "source-line"],
    ["Source URL: https://example.org/a", "source-line"],
    ["Copyright © 2022 by the Council on Foreign Relations, Inc.", "copyright"],
    [
      "All rights reserved. To request permission to reprint this article, please visit the site.",
      "copyright",
    ],
    ["Join the Conversation", "subscription-prompt"],
    [".Subscribe Subscribe", "subscription-prompt"],
    ["View Comments", "subscription-prompt"],
    ["Already a subscriber?", "subscription-prompt"],
    [
      "Paywall-free reading of new articles Subscribe Now JANE DOE is Director of Nothing.",
      "subscription-prompt",
    ],
    [
      "Sign Up Email Thank you for signing up.Stay tuned for the latest from Foreign Affairs.",
      "subscription-prompt",
    ],
    ["Twitter: @some_handle", "social-handle"],
    ["Troops train near the border. (Jane Doe/Pool/EPA-EFE/Shutterstock)", "photo-caption"],
    ["Residents voiced concern on Dec. 15. (Video: The Washington Post)", "photo-caption"],
    ["What you need to know about tensions between Ukraine and Russia", "related-link"],
    ["Perspective: The Cold War is over. So why does the West still fear Russia?", "related-link"],
    ["European Union's quandary: How tough to set possible sanctions against Russia?", "related-link"],
    [
      "Sonne reported from Washington. Jane Doe in Kyiv and John Roe in Washington contributed to this report.",
      "credit-line",
    ],
    ["Michele Kelemen contributed to this explainer from Washington, D.C.", "credit-line"],
    ["BY DMITRI TRENIN December 28, 2021", "byline"],
    ["By Jane Doe and John Roe", "byline"],
  ])("%s → %s", (text, rule) => {
    expect(ruleFor(text)).toBe(rule);
  });

  it.each([
    STORY,
    "(Russia’s ambassador to the United States made a similar argument in a recent piece for Foreign Policy.)",
    "By contrast, Russia treats Ukraine as a vital national security interest.",
    "Russia's reasoning: Moscow sees the alliance's growth as a broken promise, officials said.",
    "NATO’s counter: The U.S. supports the Minsk agreements. Kyiv is less enthusiastic.",
    "What does Russia want and why is it so hard for the U.S. to meet Moscow partway? Here's a guide.",
    "The reporters who contributed to this crisis of confidence were many.",
  ])("keeps story text: %s", (text) => {
    expect(ruleFor(text)).toBeUndefined();
  });

  it("removes each boilerplate block and notes the rule that removed it", () => {
    const { blocks, notes } = removeWebBoilerplate(blocksOf(STORY, "View Comments", "[Disclaimer]"));
    expect(textsOf(blocks)).toEqual([STORY]);
    expect(notes.map((note) => note.rule)).toEqual(["disclaimer", "subscription-prompt"]);
  });
});

describe("ad-script residue", () => {
  it("is cut out of the middle of a line, leaving one space", () => {
    const line =
      "It ends at the Black Sea. googletag.cmd.push { googletag.display; }); Of course, it is open.";
    expect(textsOf(removeAdResidue(blocksOf(line)).blocks)).toEqual([
      "It ends at the Black Sea. Of course, it is open.",
    ]);
  });

  it("removes the usual function-wrapped form and lines that only announce an advertisement", () => {
    const lines = [
      "googletag.cmd.push(function() { googletag.display('div-gpt-ad-1'); });",
      "Advertisement",
      STORY,
    ];
    expect(textsOf(removeAdResidue(blocksOf(...lines)).blocks)).toEqual([STORY]);
  });
});

describe("link lists", () => {
  it("removes “More from …”, its headlines and their teasers", () => {
    const lines = [
      "More from Foreign Policy",
      "At Long Last, a Netflix Treatment",
      "A short teaser sentence.",
      "Boom Goes Bust",
    ];
    const { blocks, notes } = removeLinkLists(blocksOf(STORY, ...lines));
    expect(textsOf(blocks)).toEqual([STORY]);
    expect(notes).toHaveLength(4);
  });

  it("stops at the first full paragraph, so a list inside a story takes nothing of it", () => {
    const after = "“There is no aggressive action on the part of the Ukrainians,” the official noted.";
    const lines = [STORY, "Read more:", "Kyiv keeping calm as Kremlin boosts pressure", after, STORY];
    expect(textsOf(removeLinkLists(blocksOf(...lines)).blocks)).toEqual([STORY, after, STORY]);
  });
});

describe("author biographies", () => {
  const bio = "Jane Doe is a national security reporter at Foreign Policy.";

  it("are removed as the last block, in the header or with a social handle", () => {
    expect(textsOf(removeAuthorBio(blocksOf(STORY, bio)).blocks)).toEqual([STORY]);
    const header = "JANE DOE is Director of the Carnegie Moscow Center.";
    expect(textsOf(removeAuthorBio(blocksOf(header, LONG_STORY)).blocks)).toEqual([LONG_STORY]);
    const withHandle = `${bio} Twitter: @jane_doe`;
    expect(textsOf(removeAuthorBio(blocksOf(STORY, withHandle, STORY)).blocks)).toEqual([STORY, STORY]);
  });

  it("are kept when the sentence describes a source inside the story", () => {
    const source = "Olga Oliker is the program director for Europe at the International Crisis Group.";
    const blocks = blocksOf(LONG_STORY, source, LONG_STORY);
    expect(textsOf(removeAuthorBio(blocks).blocks)).toEqual([LONG_STORY, source, LONG_STORY]);
  });
});

describe("markdown artefacts", () => {
  it("reads heading levels and drops bold markers, link targets and angle brackets", () => {
    const blocks = readBlocks(
      "## **1. Russia wants a guarantee**\n\n**BY JANE DOE**\nSee [the site](https://x.org) or <https://y.org>.",
    );
    expect(blocks).toEqual([
      { kind: "heading", text: "1. Russia wants a guarantee", level: 2 },
      { kind: "text", text: "BY JANE DOE" },
      { kind: "text", text: "See the site or https://y.org." },
    ]);
  });

  it("turns non-breaking spaces into spaces", () => {
    expect(readBlocks("BY JANE DOE\u00a0\u00a0 May 1, 2022")).toEqual([
      { kind: "text", text: "BY JANE DOE May 1, 2022" },
    ]);
  });
});
