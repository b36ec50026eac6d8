import type { Corpus } from "../knowledge/corpus.ts";
import { findArticle, findParagraph } from "../knowledge/corpus.ts";
import type { Citation } from "../knowledge/schema.ts";
import { isVerbatimIn } from "../text/fold.ts";
import { citationProblem } from "./check-citation.ts";
import { formatLocation, locateExcerpt, preview } from "./locate-excerpt.ts";
import { QA_LIMITS } from "./qa-limits.ts";

/**
 * The citations a moderator types in a modal, one a line:
 *   fp-mackinnon ¶3: What has changed is the sense of urgency
 *   fp-mackinnon 3: What has changed is the sense of urgency
 *   What has changed is the sense of urgency        (located in the primary articles)
 */

export const CITATIONS_FORMAT_HINT =
  "one citation a line, written `article-id ¶N: excerpt`, or just an excerpt pasted from an article";

const REFERENCE = /^([a-z0-9]+(?:-[a-z0-9]+)*)(\s*[¶#]\s*|\s+)(\d+)\s*:\s*(.*)$/i;
const BULLET = /^(?:[-*•]|\d+[.)])\s+/u;
const WRAPPING_QUOTES = /^["“”«»'‘’](.*)["“”«»'‘’]$/su;

export interface ParsedCitations {
  citations: Citation[];
  /** Sentences that say how to fix each line; when any, nothing should be saved. */
  problems: string[];
}

type LineResult = { citation: Citation } | { problem: string };

/** The excerpt as typed, then without the quote marks a moderator may have wrapped it in. */
function excerptCandidates(excerpt: string): string[] {
  const unwrapped = WRAPPING_QUOTES.exec(excerpt)?.[1]?.trim();
  return unwrapped && unwrapped.length > 0 ? [excerpt, unwrapped] : [excerpt];
}

/** A number after a word is a reference only when it clearly is one: "in 2008: …" is an excerpt. */
function looksLikeReference(corpus: Corpus, id: string, separator: string): boolean {
  return /[¶#]/.test(separator) || id.includes("-") || findArticle(corpus, id) !== undefined;
}

function parseReference(corpus: Corpus, article: string, paragraph: number, excerpt: string): LineResult {
  if (excerpt === "") {
    return {
      problem: `write the excerpt after the colon, e.g. \`${article} ¶${paragraph}: words from it\`.`,
    };
  }
  const text = findParagraph(corpus, article, paragraph)?.text;
  const chosen =
    excerptCandidates(excerpt).find((c) => text !== undefined && isVerbatimIn(c, text)) ?? excerpt;
  const citation: Citation = { article, paragraph, excerpt: chosen };
  const problem = citationProblem(corpus, citation);
  return problem === undefined ? { citation } : { problem };
}

function parsePastedExcerpt(corpus: Corpus, excerpt: string): LineResult {
  for (const candidate of excerptCandidates(excerpt)) {
    const found = locateExcerpt(corpus, candidate);
    const only = found[0];
    if (found.length === 1 && only) return { citation: { ...only, excerpt: candidate } };
    if (found.length > 1) {
      const where = found.slice(0, 5).map(formatLocation).join(", ");
      const example = only ? `\`${formatLocation(only)}: ${preview(candidate, 30)}\`` : "";
      return {
        problem: `"${preview(candidate)}" appears in several places (${where}): start the line with the one you mean, e.g. ${example}.`,
      };
    }
  }
  return {
    problem: `"${preview(excerpt)}" was not found word for word in any article: copy it exactly, or write \`article-id ¶N: excerpt\`.`,
  };
}

export function parseCitationsText(text: string, corpus: Corpus): ParsedCitations {
  if (text.length > QA_LIMITS.citationsText) {
    return {
      citations: [],
      problems: [
        `The citations are ${text.length} characters long: keep them under ${QA_LIMITS.citationsText}.`,
      ],
    };
  }
  const citations: Citation[] = [];
  const problems: string[] = [];
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, index) => {
    const line = raw.trim().replace(BULLET, "");
    if (line === "") return;
    const reference = REFERENCE.exec(line);
    const [, id = "", separator = "", paragraph = "", excerpt = ""] = reference ?? [];
    const parsed: LineResult =
      reference && looksLikeReference(corpus, id.toLowerCase(), separator)
        ? parseReference(corpus, id.toLowerCase(), Number(paragraph), excerpt.trim())
        : parsePastedExcerpt(corpus, line);
    if ("citation" in parsed) citations.push(parsed.citation);
    else problems.push(`Line ${index + 1}: ${parsed.problem}`);
  });
  if (citations.length === 0 && problems.length === 0) {
    problems.push(`Add at least one citation: ${CITATIONS_FORMAT_HINT}.`);
  }
  return { citations, problems };
}
