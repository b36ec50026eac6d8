import type { ArticleSummary } from "../../answer/answer.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import type { TerminalStyle } from "./terminal.ts";

/** `/source`: one entry an article, in the order the answer layer gives. */
export function renderSourceList(sources: ReadonlyArray<ArticleSummary>, style: TerminalStyle): string {
  if (sources.length === 0) return "No articles are loaded.";
  const entries = sources.map((source) => {
    const lines = [`${style.bold(source.title)}  [${source.id}]`, `   ${bylineOf(source)}`];
    if (source.url !== undefined) lines.push(`   ${style.dim(source.url)}`);
    if (source.duplicateOf !== undefined) lines.push(`   ${republicationNote(source.duplicateOf)}`);
    return lines.join("\n");
  });
  return entries.join("\n\n");
}

/** `/source article:<id>`: everything the text gives about one article. */
export function renderSource(source: ArticleSummary, style: TerminalStyle): string {
  const rows: Array<[string, string | undefined]> = [
    ["Id", source.id],
    ["Subtitle", source.subtitle],
    ["Outlet", source.outlet],
    ["Authors", source.authors.length > 0 ? source.authors.join(", ") : undefined],
    ["Contributors", source.contributors?.join(", ")],
    ["Credits", source.credits?.map((line) => `“${line}”`).join(" ")],
    ["Published", source.published && formatPartialDate(source.published, "long")],
    ["Link", source.url],
    ["Paragraphs", String(source.paragraphs)],
    ["Note", source.duplicateOf && republicationNote(source.duplicateOf)],
  ];
  const lines = [style.bold(source.title)];
  for (const [label, value] of rows)
    if (value !== undefined) lines.push(`   ${`${label}:`.padEnd(14)}${value}`);
  return lines.join("\n");
}

function bylineOf(source: ArticleSummary): string {
  return [
    source.outlet,
    source.authors.length > 0 ? source.authors.join(", ") : undefined,
    source.published && formatPartialDate(source.published, "long"),
    `${source.paragraphs} paragraphs`,
  ]
    .filter((part): part is string => part !== undefined && part !== "")
    .join(" · ");
}

function republicationNote(original: string): string {
  return `The same article as ${original}, published again; answers quote the original.`;
}
