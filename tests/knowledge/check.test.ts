import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkKnowledgeDir, loadCorpus } from "../../src/knowledge/load-corpus.ts";
import { formatProblem, KnowledgeError } from "../../src/knowledge/problems.ts";

const SHIPPED = new URL("../../knowledge/", import.meta.url).pathname;

/** A minimal, valid knowledge folder over the shipped articles, for seeding one defect at a time. */
const VALID: Record<string, string> = {
  "demands.yaml": `
- id: no-nato-enlargement
  title: No NATO enlargement
  addressees: [NATO]
  statement:
    - article: trenin-2021-12-28
      paragraph: 1
      excerpt: a formal halt to NATO’s eastern enlargement
`,
  "timeline.yaml": `
- id: bucharest-summit
  date: "2008"
  precision: year
  title: NATO's Bucharest summit
  citations:
    - article: fp-mackinnon
      paragraph: 8
      excerpt: In 2008, at the NATO summit in Bucharest, Romania
`,
  "people.yaml": `
- id: putin
  name: Vladimir Putin
  role: President of Russia
  aliases: [Putin]
`,
  "quotes.yaml": `
- id: putin-five-waves
  speaker: putin
  role: President of Russia
  context: annual year-end press conference
  citation:
    article: fp-mackinnon
    paragraph: 6
    excerpt: We were fooled by five waves of NATO’s eastward expansion.
`,
  "qa.yaml": `
- id: nato-open-door
  question: What is NATO's open door policy?
  answer: Countries may choose their own alliances.
  citations:
    - article: npr-2022-01-12
      paragraph: 6
      excerpt: NATO has a long-standing "open door policy" for potential membership
`,
  "synonyms.yaml": `
- [expansion, enlargement]
`,
};

let dir: string;

function writeKnowledge(overrides: Record<string, string> = {}): void {
  for (const [file, text] of Object.entries({ ...VALID, ...overrides })) writeFileSync(join(dir, file), text);
}

function problemsOf(overrides: Record<string, string>): string[] {
  writeKnowledge(overrides);
  return checkKnowledgeDir(dir).problems.map(formatProblem);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "dossier-knowledge-"));
  cpSync(join(SHIPPED, "articles"), join(dir, "articles"), { recursive: true });
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("knowledge:check", () => {
  it("accepts the minimal valid folder", () => {
    expect(problemsOf({})).toEqual([]);
  });

  it("accepts the shipped knowledge", () => {
    expect(checkKnowledgeDir(SHIPPED).problems.map(formatProblem)).toEqual([]);
  });

  it("names file, entry and paragraph when an excerpt is not verbatim", () => {
    const qa = VALID["qa.yaml"]?.replace("long-standing", "longstanding") ?? "";
    expect(problemsOf({ "qa.yaml": qa })).toEqual([
      "qa.yaml › nato-open-door: excerpt not found in npr-2022-01-12 ¶6",
    ]);
  });

  it("folds only whitespace and quote style", () => {
    const qa = VALID["qa.yaml"]?.replace('"open door policy"', "“open   door policy”") ?? "";
    expect(problemsOf({ "qa.yaml": qa })).toEqual([]);
  });

  it("reports an unknown article and a paragraph out of range", () => {
    const unknown = VALID["qa.yaml"]?.replace("article: npr-2022-01-12", "article: npr-2099") ?? "";
    expect(problemsOf({ "qa.yaml": unknown })).toEqual([
      'qa.yaml › nato-open-door: cites unknown article "npr-2099"',
    ]);
    const outOfRange = VALID["qa.yaml"]?.replace("paragraph: 6", "paragraph: 99") ?? "";
    expect(problemsOf({ "qa.yaml": outOfRange })).toEqual([
      "qa.yaml › nato-open-door: cites npr-2022-01-12 ¶99, but that article has 15 paragraphs",
    ]);
  });

  it("refuses citations of the republished copy", () => {
    const timeline = VALID["timeline.yaml"]
      ?.replace("article: fp-mackinnon", "article: trenin-republished")
      .replace("paragraph: 8", "paragraph: 1");
    expect(problemsOf({ "timeline.yaml": timeline ?? "" })).toEqual([
      "timeline.yaml › bucharest-summit: cites trenin-republished, a republication of trenin-2021-12-28: cite trenin-2021-12-28 instead",
    ]);
  });

  it("reports a schema violation with its field", () => {
    const demands = VALID["demands.yaml"]?.replace("addressees: [NATO]", "addressees: [EU]") ?? "";
    const [problem] = problemsOf({ "demands.yaml": demands });
    expect(problem).toMatch(/^demands\.yaml › no-nato-enlargement: addressees\.0: /);
  });

  it("reports duplicate ids", () => {
    const people = `${VALID["people.yaml"]}${VALID["people.yaml"]}`;
    expect(problemsOf({ "people.yaml": people })).toEqual(["people.yaml › putin: id is used more than once"]);
  });

  it("reports a quote whose speaker is not a person", () => {
    const quotes = VALID["quotes.yaml"]?.replace("speaker: putin", "speaker: poutine") ?? "";
    expect(problemsOf({ "quotes.yaml": quotes })).toEqual([
      'quotes.yaml › putin-five-waves: speaker "poutine" is not in people.yaml',
    ]);
  });

  it("reports a quotation ending on the comma before its attribution", () => {
    const quotes = VALID["quotes.yaml"]?.replace("eastward expansion.", "eastward expansion,") ?? "";
    expect(problemsOf({ "quotes.yaml": quotes })).toEqual([
      "quotes.yaml › putin-five-waves: citation: a quotation's excerpt ends with its last word, not with a comma",
    ]);
  });

  it("reports a date that does not match its precision", () => {
    const timeline = VALID["timeline.yaml"]?.replace("precision: year", "precision: day") ?? "";
    expect(problemsOf({ "timeline.yaml": timeline })).toEqual([
      "timeline.yaml › bucharest-summit: date 2008 is not of day precision",
    ]);
  });

  it("reports a question asked twice", () => {
    const twin = VALID["qa.yaml"]
      ?.replace("id: nato-open-door", "id: open-door-again")
      .replace("What is", "what  is");
    expect(problemsOf({ "qa.yaml": `${VALID["qa.yaml"]}${twin}` })).toEqual([
      "qa.yaml › open-door-again: same question as nato-open-door",
    ]);
  });

  it("reports invalid YAML and a missing file", () => {
    writeKnowledge({ "synonyms.yaml": "- [unclosed" });
    rmSync(join(dir, "people.yaml"));
    const problems = checkKnowledgeDir(dir).problems.map(formatProblem);
    expect(problems).toContain("people.yaml: file is missing");
    expect(problems.some((p) => p.startsWith("synonyms.yaml: not valid YAML"))).toBe(true);
  });

  it("reports a malformed article and an unknown duplicateOf", () => {
    writeKnowledge();
    writeFileSync(join(dir, "articles", "broken.md"), "no front matter\n");
    const copy = join(dir, "articles", "copy.md");
    writeFileSync(copy, "---\nid: copy\ntitle: Copy\nduplicateOf: nowhere\n---\n\n¶1 Text.\n");
    expect(checkKnowledgeDir(dir).problems.map(formatProblem)).toEqual([
      "articles/broken.md: missing the --- front matter --- block",
      'articles/copy.md › copy: duplicateOf names unknown article "nowhere"',
    ]);
  });

  it("refuses to load a corpus with problems", () => {
    writeKnowledge({ "qa.yaml": VALID["qa.yaml"]?.replace("long-standing", "short") ?? "" });
    expect(() => loadCorpus(dir)).toThrow(KnowledgeError);
  });

  it("wants questions for every primary paragraph once a question bank exists", () => {
    writeKnowledge();
    mkdirSync(join(dir, "question-bank"));
    cpSync(join(SHIPPED, "question-bank"), join(dir, "question-bank"), { recursive: true });
    expect(checkKnowledgeDir(dir).problems).toEqual([]);
    const npr = join(dir, "question-bank", "npr-2022-01-12.txt");
    writeFileSync(npr, '# a comment\nwho is ryabkov\n¶99\na\nwhat: b? "c"\n\n¶99\nb\n');
    writeFileSync(join(dir, "question-bank", "trenin-republished.txt"), "¶1\none\ntwo\nthree\n");
    expect(checkKnowledgeDir(dir).problems.map(formatProblem)).toEqual([
      "question-bank/npr-2022-01-12.txt › line 2: a question before the first ¶ heading",
      "question-bank/npr-2022-01-12.txt › line 4: Too small: expected string to have >=3 characters",
      "question-bank/npr-2022-01-12.txt › line 7: ¶99 twice",
      "question-bank/npr-2022-01-12.txt › line 8: Too small: expected string to have >=3 characters",
      "question-bank/npr-2022-01-12.txt › ¶99: 0 questions; write 3–36",
      "question-bank/npr-2022-01-12.txt › ¶99: npr-2022-01-12 has 15 paragraphs",
      "question-bank/trenin-republished.txt › trenin-republished: trenin-republished is a republication: write questions for trenin-2021-12-28",
      "question-bank/npr-2022-01-12.txt: no questions for ¶1, ¶2, ¶3, ¶4, ¶5, ¶6, ¶7, ¶8, ¶9, ¶10, ¶11, ¶12, ¶13, ¶14, ¶15 (`dossier ingest` prints a template)",
    ]);
  });

  it("checks the questions listed as not covered: one a line, none also a way of asking", () => {
    writeKnowledge();
    mkdirSync(join(dir, "question-bank"));
    cpSync(join(SHIPPED, "question-bank"), join(dir, "question-bank"), { recursive: true });
    const listed = (text: string) => writeFileSync(join(dir, "not-covered.txt"), text);
    listed("# Chat\nwho won the champions league: any idea?\n\n  did they invade  \n");
    expect(checkKnowledgeDir(dir).problems).toEqual([]);
    expect(checkKnowledgeDir(dir).corpus.notCovered).toEqual([
      "who won the champions league: any idea?",
      "did they invade",
    ]);
    listed(`# Later events\ndid they invade\nok\n${"why ".repeat(80)}\n`);
    expect(checkKnowledgeDir(dir).problems.map(formatProblem)).toEqual([
      "not-covered.txt › line 3: Too small: expected string to have >=3 characters",
      "not-covered.txt › line 4: Too big: expected string to have <=300 characters",
    ]);
    listed("Moscow's  big asks\n");
    expect(checkKnowledgeDir(dir).problems.map(formatProblem)).toEqual([
      "not-covered.txt › Moscow's  big asks: is also asked in question-bank/wapo-sonne.txt ¶1",
    ]);
  });
});
