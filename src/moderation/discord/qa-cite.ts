import type { Article, Paragraph } from "../../knowledge/schema.ts";
import { escapeText, plainText, ZERO_WIDTH_SPACE } from "../../render/discord/escape.ts";
import { fitMessage } from "../../render/discord/fit-message.ts";
import { truncateText } from "../../render/discord/fit-text.ts";
import { COLORS, type MessagePayload } from "../../render/discord/payload.ts";

const EXAMPLE_WORDS = 8;
/** Room for the code fences inside an embed description's 4,096 characters. */
const RAW_TEXT_MAX = 4000;

/**
 * /qa cite: one paragraph as raw text in a code block (so it copies exactly, with no markdown escapes),
 * and a ready-made citation line to paste into the form and trim.
 */
export function citeMessage(article: Article, paragraph: Paragraph): MessagePayload {
  const words = paragraph.text.split(/\s+/).slice(0, EXAMPLE_WORDS).join(" ");
  const example = `${article.id} ¶${paragraph.n}: ${words}`;
  const escaped = paragraph.text.replace(/`/g, `\`${ZERO_WIDTH_SPACE}`);
  // Cut by hand: inside a code block there is no markdown to repair.
  const raw = escaped.length <= RAW_TEXT_MAX ? escaped : `${escaped.slice(0, RAW_TEXT_MAX - 1)}…`;
  const source = [article.title, article.outlet]
    .filter((part) => part !== undefined && part !== "")
    .join(" — ");
  return fitMessage({
    content: `Copy the words you need into the citations, one a line, e.g.\n\`${example.replace(/`/g, "'")}\``,
    embeds: [
      {
        title: truncateText(
          `${article.id} ¶${paragraph.n}${paragraph.section ? ` · ${escapeText(paragraph.section)}` : ""}`,
          256,
        ),
        description: `\`\`\`\n${raw}\n\`\`\``,
        color: COLORS.neutral,
        footer: { text: truncateText(plainText(source), 2048) },
      },
    ],
    components: [],
  });
}
