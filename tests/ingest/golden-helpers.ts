import { readdirSync, readFileSync } from "node:fs";
import { parseArticleFile } from "../../src/knowledge/article-file.ts";
import type { Article } from "../../src/knowledge/schema.ts";

/** The shipped cleaned articles and the raw seed texts they were cleaned from (copies kept in fixtures). */
export const articlesDir = new URL("../../knowledge/articles/", import.meta.url).pathname;
export const knowledgeDir = new URL("../../knowledge/", import.meta.url).pathname;
export const seedsDir = new URL("./fixtures/seeds/", import.meta.url).pathname;

export function shippedArticles(): Array<{ file: string; text: string; article: Article }> {
  return readdirSync(articlesDir)
    .filter((file) => file.endsWith(".md"))
    .sort()
    .map((file) => {
      const text = readFileSync(articlesDir + file, "utf8");
      return { file, text, article: parseArticleFile(text) };
    });
}

export function seedNames(): string[] {
  return readdirSync(seedsDir)
    .filter((file) => file.endsWith(".txt"))
    .sort();
}

export function readSeed(name: string): string {
  return readFileSync(seedsDir + name, "utf8");
}

/** The shipped article cleaned from a seed, found by its `source` field. */
export function shippedFor(seed: string): Article {
  const match = shippedArticles().find(({ article }) => article.source === seed);
  if (!match) throw new Error(`no shipped article has source ${seed}`);
  return match.article;
}
