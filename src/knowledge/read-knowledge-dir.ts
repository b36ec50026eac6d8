import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { CORE_SCHEMA, load as parseYaml } from "js-yaml";
import type { z } from "zod";
import { ArticleFormatError, parseArticleFile } from "./article-file.ts";
import type { Corpus } from "./corpus.ts";
import type { KnowledgeProblem } from "./problems.ts";
import {
  type Article,
  type BankedQuestions,
  bankedQuestionSchema,
  demandsFileSchema,
  MAX_BANKED_PER_PARAGRAPH,
  MIN_BANKED_PER_PARAGRAPH,
  notCoveredQuestionSchema,
  peopleFileSchema,
  qaFileSchema,
  quotesFileSchema,
  synonymsFileSchema,
  timelineFileSchema,
} from "./schema.ts";
import { readWordVectors, VECTORS_FILE, type WordVectors, WordVectorsError } from "./word-vectors.ts";

/** The curated files and the schema each must satisfy. Every file is required. */
export const KNOWLEDGE_FILES = {
  demands: { file: "demands.yaml", schema: demandsFileSchema },
  timeline: { file: "timeline.yaml", schema: timelineFileSchema },
  quotes: { file: "quotes.yaml", schema: quotesFileSchema },
  people: { file: "people.yaml", schema: peopleFileSchema },
  qa: { file: "qa.yaml", schema: qaFileSchema },
  synonyms: { file: "synonyms.yaml", schema: synonymsFileSchema },
} as const;

const NOT_COVERED_FILE = "not-covered.txt";

function describeZodIssue(file: string, data: unknown, issue: z.core.$ZodIssue): KnowledgeProblem {
  if (!Array.isArray(data)) return { file, reason: `${issue.path.join(".")}: ${issue.message}` };
  const [index, ...rest] = issue.path;
  const entry = typeof index === "number" && Array.isArray(data) ? data[index] : undefined;
  const id =
    entry && typeof entry === "object" && "id" in entry && typeof entry.id === "string"
      ? entry.id
      : index === undefined
        ? undefined
        : `[${String(index)}]`;
  const where = rest.length > 0 ? `${rest.join(".")}: ` : "";
  return id === undefined
    ? { file, reason: `${where}${issue.message}` }
    : { file, entry: id, reason: `${where}${issue.message}` };
}

function readYamlFile<T>(
  dir: string,
  file: string,
  schema: z.ZodType<T>,
  problems: KnowledgeProblem[],
): T | [] {
  const path = join(dir, file);
  if (!existsSync(path)) {
    problems.push({ file: file, reason: "file is missing" });
    return [];
  }
  let data: unknown;
  try {
    // The core schema, as the article and Q&A files are read: no timestamps or binaries, so a date
    // stays the string written.
    data = parseYaml(readFileSync(path, "utf8"), { schema: CORE_SCHEMA });
  } catch (error) {
    problems.push({ file: file, reason: `not valid YAML: ${(error as Error).message.split("\n")[0]}` });
    return [];
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) problems.push(describeZodIssue(file, data, issue));
  return [];
}

function readArticles(dir: string, problems: KnowledgeProblem[]): Article[] {
  const articlesDir = join(dir, "articles");
  if (!existsSync(articlesDir)) {
    problems.push({ file: "articles/", reason: "folder is missing" });
    return [];
  }
  const articles: Article[] = [];
  for (const name of readdirSync(articlesDir)
    .filter((n) => n.endsWith(".md"))
    .sort()) {
    const file = `articles/${name}`;
    try {
      const article = parseArticleFile(readFileSync(join(articlesDir, name), "utf8"));
      if (`${article.id}.md` !== name) {
        problems.push({ file, entry: article.id, reason: `file should be named ${article.id}.md` });
      }
      articles.push(article);
    } catch (error) {
      if (!(error instanceof ArticleFormatError)) throw error;
      problems.push({ file, reason: error.message });
    }
  }
  return articles;
}

/**
 * The lines of a plain-text knowledge file that say something, with their numbers: blank lines and
 * "#" comments are left out, the rest trimmed. The question bank and the not-covered questions are
 * such files rather than YAML: members' questions are full of colons and quotes, and js-yaml took
 * 25–40 ms of every start-up reading 3,500 of them.
 */
function readLines(path: string): Array<{ line: string; number: number }> {
  return readFileSync(path, "utf8")
    .split("\n")
    .map((written, at) => ({ line: written.trim(), number: at + 1 }))
    .filter(({ line }) => line !== "" && !line.startsWith("#"));
}

/** A line that fails `schema` is a problem naming it; the rest are kept. */
function validLine(
  schema: z.ZodType<string>,
  { line, number }: { line: string; number: number },
  file: string,
  problems: KnowledgeProblem[],
): string | undefined {
  const parsed = schema.safeParse(line);
  if (parsed.success) return parsed.data;
  problems.push({
    file,
    entry: `line ${number}`,
    reason: parsed.error.issues[0]?.message ?? "not a question",
  });
  return undefined;
}

/**
 * knowledge/question-bank/<article>.txt, one file per primary article: "¶7", then that paragraph's
 * questions, one a line. A folder without it (a fixture, a new dossier) searches the articles' words
 * alone.
 */
function readQuestionBank(dir: string, problems: KnowledgeProblem[]): BankedQuestions[] {
  const bankDir = join(dir, "question-bank");
  if (!existsSync(bankDir)) return [];
  const banked: BankedQuestions[] = [];
  for (const name of readdirSync(bankDir)
    .filter((n) => n.endsWith(".txt"))
    .sort()) {
    const file = `question-bank/${name}`;
    const article = name.replace(/\.txt$/, "");
    const paragraphs = new Map<number, string[]>();
    let questions: string[] | undefined;
    for (const read of readLines(join(bankDir, name))) {
      const heading = /^¶\s*([1-9][0-9]*)$/.exec(read.line);
      if (heading) {
        const paragraph = Number(heading[1]);
        if (paragraphs.has(paragraph))
          problems.push({ file, entry: `line ${read.number}`, reason: `¶${paragraph} twice` });
        questions = [];
        paragraphs.set(paragraph, questions);
      } else if (!questions) {
        problems.push({
          file,
          entry: `line ${read.number}`,
          reason: "a question before the first ¶ heading",
        });
      } else {
        const question = validLine(bankedQuestionSchema, read, file, problems);
        if (question !== undefined) questions.push(question);
      }
    }
    for (const [paragraph, asked] of paragraphs) {
      if (asked.length < MIN_BANKED_PER_PARAGRAPH || asked.length > MAX_BANKED_PER_PARAGRAPH) {
        const reason = `${asked.length} questions; write ${MIN_BANKED_PER_PARAGRAPH}–${MAX_BANKED_PER_PARAGRAPH}`;
        problems.push({ file, entry: `¶${paragraph}`, reason });
      }
      banked.push({ article, paragraph, questions: asked });
    }
  }
  return banked;
}

/** knowledge/not-covered.txt, one question per line (optional, like the bank). */
function readNotCovered(dir: string, problems: KnowledgeProblem[]): string[] {
  const path = join(dir, NOT_COVERED_FILE);
  if (!existsSync(path)) return [];
  return readLines(path).flatMap(
    (read) => validLine(notCoveredQuestionSchema, read, NOT_COVERED_FILE, problems) ?? [],
  );
}

/** knowledge/word-vectors.bin, derived from GloVe (optional: without it, search is lexical only). */
function readVectors(dir: string, problems: KnowledgeProblem[]): WordVectors | undefined {
  const file = join(dir, VECTORS_FILE);
  if (!existsSync(file)) return undefined;
  try {
    return readWordVectors(file);
  } catch (error) {
    if (!(error instanceof WordVectorsError)) throw error;
    problems.push({ file: VECTORS_FILE, reason: error.message });
    return undefined;
  }
}

/** Reads and schema-validates every knowledge file; cross-references are checked separately. */
export function readKnowledgeDir(dir: string): { corpus: Corpus; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const read = <T>(entry: { file: string; schema: z.ZodType<T> }) =>
    readYamlFile(dir, entry.file, entry.schema, problems);
  const corpus: Corpus = {
    articles: readArticles(dir, problems),
    demands: read(KNOWLEDGE_FILES.demands),
    timeline: read(KNOWLEDGE_FILES.timeline),
    quotes: read(KNOWLEDGE_FILES.quotes),
    people: read(KNOWLEDGE_FILES.people),
    qa: read(KNOWLEDGE_FILES.qa),
    synonyms: read(KNOWLEDGE_FILES.synonyms),
    questionBank: readQuestionBank(dir, problems),
    notCovered: readNotCovered(dir, problems),
  };
  const wordVectors = readVectors(dir, problems);
  if (wordVectors) Object.assign(corpus, { wordVectors });
  return { corpus, problems };
}
