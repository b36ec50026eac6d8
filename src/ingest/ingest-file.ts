import { readdir, readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { parseArticleFile, serializeArticle } from "../knowledge/article-file.ts";
import type { Article } from "../knowledge/schema.ts";
import { type IngestResult, ingestRawText } from "./ingest-raw-text.ts";

/**
 * The file-system side of `ingest <raw file>`: reads the raw text and the articles already in
 * `<knowledgeDir>/articles`, and returns the cleaned article as file text with a proposed file name.
 * Writing the file is left to the caller, so that the admin can read it first.
 */
export interface IngestedFile {
  fileName: string;
  text: string;
  result: IngestResult;
}

export async function loadArticleFiles(articlesDir: string): Promise<Article[]> {
  const names = (await readdir(articlesDir)).filter((name) => name.endsWith(".md")).sort();
  return Promise.all(
    names.map(async (name) => {
      try {
        return parseArticleFile(await readFile(join(articlesDir, name), "utf8"));
      } catch (error) {
        throw new Error(
          `${join(articlesDir, name)}: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }),
  );
}

export async function ingestFile(
  rawPath: string,
  knowledgeDir: string,
  overrides: { id?: string; title?: string } = {},
): Promise<IngestedFile> {
  const raw = await readFile(rawPath, "utf8");
  const existing = await loadArticleFiles(join(knowledgeDir, "articles"));
  const result = ingestRawText(raw, { sourceName: basename(rawPath), existing, ...overrides });
  const paragraphs = result.paragraphs.map(({ n: _n, ...paragraph }) => paragraph);
  return { fileName: `${result.meta.id}.md`, text: serializeArticle(result.meta, paragraphs), result };
}
