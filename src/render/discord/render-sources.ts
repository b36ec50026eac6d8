import type { APIEmbed, APIEmbedField } from "discord.js";
import type { ArticleSummary } from "../../answer/answer.ts";
import { formatPartialDate } from "../../text/partial-date.ts";
import { escapeText } from "./escape.ts";
import { fitMessage } from "./fit-message.ts";
import { truncateText } from "./fit-text.ts";
import { articleLinkRow } from "./link-buttons.ts";
import { COLORS, type MessagePayload } from "./payload.ts";
import { formatAuthors } from "./quoted-excerpt.ts";

/**
 * /source without an article: the articles Dossier quotes, one short entry each, with links; a
 * republication of one of them is named below them, never counted with them, since it is never quoted.
 */
export function renderSourceList(articles: readonly ArticleSummary[]): MessagePayload {
  const quoted = articles.filter((article) => article.duplicateOf === undefined);
  const republished = articles.filter((article) => article.duplicateOf !== undefined);
  const entries = quoted.map((article) => {
    const line = [
      article.outlet,
      formatAuthors(article.authors),
      dateOf(article),
      `${article.paragraphs} paragraphs`,
    ]
      .filter((part) => part !== undefined)
      .map(escapeText)
      .join(" · ");
    return `**${escapeText(article.title)}**\n${line}\nid: \`${article.id}\``;
  });
  const notes = republished.map(
    (article) =>
      `Also in the folder: \`${article.id}\`, the same article as \`${article.duplicateOf}\` published again; answers quote the original.`,
  );
  const embed: APIEmbed = {
    title: `The articles (${quoted.length})`,
    color: COLORS.neutral,
    description: [...entries, ...notes].join("\n\n"),
    footer: { text: "Run /source with an article for its details." },
  };
  const links = articleLinkRow(quoted.map(asCitation));
  return fitMessage({ embeds: [embed], components: links === undefined ? [] : [links] });
}

/** /source with an article: its metadata and a link to read it. */
export function renderSource(article: ArticleSummary): MessagePayload {
  const fields: APIEmbedField[] = [
    { name: "Outlet", value: escapeText(article.outlet ?? "Not given"), inline: true },
    { name: "Published", value: dateOf(article) ?? "Not given", inline: true },
    { name: "Paragraphs", value: String(article.paragraphs), inline: true },
    { name: "Authors", value: escapeText(formatAuthors(article.authors) ?? "Not given"), inline: true },
    ...(article.contributors === undefined
      ? []
      : [
          {
            name: "Contributors",
            value: escapeText(formatAuthors(article.contributors) ?? ""),
            inline: true,
          },
        ]),
    { name: "Id", value: `\`${article.id}\``, inline: true },
    ...(article.credits === undefined
      ? []
      : [
          {
            // The article's own words about its writers, quoted as it prints them.
            name: "Credits",
            value: truncateText(article.credits.map((line) => `“${escapeText(line)}”`).join("\n"), 1024),
            inline: false,
          },
        ]),
  ];
  if (article.duplicateOf !== undefined) {
    fields.push({
      name: "Republication of",
      value: `\`${article.duplicateOf}\`: the same article, published again; answers quote the original`,
      inline: false,
    });
  }
  const embed: APIEmbed = {
    title: truncateText(escapeText(article.title), 256),
    color: COLORS.neutral,
    fields,
  };
  if (article.subtitle !== undefined) embed.description = escapeText(article.subtitle);
  if (article.url !== undefined) embed.url = article.url;
  const links = articleLinkRow([asCitation(article)]);
  return fitMessage({ embeds: [embed], components: links === undefined ? [] : [links] });
}

function dateOf(article: ArticleSummary): string | undefined {
  return article.published === undefined ? undefined : formatPartialDate(article.published, "short");
}

function asCitation(article: ArticleSummary) {
  return { ...article, article: article.id, paragraph: 1 };
}
