import { CORE_SCHEMA, load as parseYaml, dump as stringifyYaml } from "js-yaml";
import { type Article, type ArticleMeta, articleMetaSchema, type Paragraph } from "./schema.ts";

/**
 * A cleaned article on disk: YAML front matter, then `## Section` headings and numbered paragraphs,
 * one per line, written `¶7 text`. The number is written out so that a reviewer can check a citation
 * by eye and so that editing one paragraph can never silently renumber the others.
 */

const FRONT_MATTER = /^---\n([\s\S]*?)\n---\n/;
const PARAGRAPH_LINE = /^¶(\d+) (.+)$/;
const SECTION_LINE = /^## (.+)$/;

export class ArticleFormatError extends Error {}

export function parseArticleFile(text: string): Article {
  const normalized = text.replace(/\r\n?/g, "\n");
  const front = FRONT_MATTER.exec(normalized);
  if (!front) throw new ArticleFormatError("missing the --- front matter --- block");
  const parsedMeta = articleMetaSchema.safeParse(parseYaml(front[1] ?? ""));
  if (!parsedMeta.success) {
    const issue = parsedMeta.error.issues[0];
    throw new ArticleFormatError(`front matter: ${issue?.path.join(".") || "root"}: ${issue?.message}`);
  }
  const paragraphs: Paragraph[] = [];
  let section: string | undefined;
  const body = normalized.slice(front[0].length).split("\n");
  body.forEach((line, index) => {
    if (line.trim() === "") return;
    const heading = SECTION_LINE.exec(line);
    if (heading?.[1]) {
      section = heading[1].trim();
      return;
    }
    const paragraph = PARAGRAPH_LINE.exec(line);
    if (!paragraph?.[1] || !paragraph[2]) {
      throw new ArticleFormatError(`line ${index + 1} of the body is neither "## Section" nor "¶n text"`);
    }
    const n = Number(paragraph[1]);
    if (n !== paragraphs.length + 1) {
      throw new ArticleFormatError(`paragraph ¶${n} should be numbered ¶${paragraphs.length + 1}`);
    }
    paragraphs.push(section ? { n, text: paragraph[2].trim(), section } : { n, text: paragraph[2].trim() });
  });
  if (paragraphs.length === 0) throw new ArticleFormatError("the article has no paragraphs");
  return { ...parsedMeta.data, paragraphs };
}

export function serializeArticle(meta: ArticleMeta, paragraphs: ReadonlyArray<Omit<Paragraph, "n">>): string {
  const lines = ["---", stringifyYaml(meta, { lineWidth: -1, schema: CORE_SCHEMA }).trimEnd(), "---", ""];
  let section: string | undefined;
  paragraphs.forEach((paragraph, index) => {
    if (paragraph.section && paragraph.section !== section) lines.push(`## ${paragraph.section}`, "");
    section = paragraph.section;
    lines.push(`¶${index + 1} ${paragraph.text}`, "");
  });
  return lines.join("\n");
}
