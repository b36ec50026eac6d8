import { escapeText } from "../../render/discord/escape.ts";
import { fitMessage } from "../../render/discord/fit-message.ts";
import { truncateText } from "../../render/discord/fit-text.ts";
import { COLORS, type MessagePayload } from "../../render/discord/payload.ts";
import type { Gap } from "../../store/index.ts";
import { formatWhen } from "./qa-who-when.ts";

const QUESTION_PREVIEW = 200;

function times(n: number, one: string, many: string): string {
  return n === 1 ? `1 ${one}` : `${n} ${many}`;
}

/** /qa gaps: what members asked that the articles and entries answered badly, for moderators to answer. */
export function gapsMessage(gaps: readonly Gap[]): MessagePayload {
  if (gaps.length === 0) {
    return fitMessage({
      embeds: [
        {
          description: "No gaps: every recent question got a confident answer, and no answer was voted down.",
          color: COLORS.neutral,
        },
      ],
      components: [],
    });
  }
  const lines = gaps.map((gap) => {
    const signals = [
      gap.unconfident > 0 ? times(gap.unconfident, "unconfident answer", "unconfident answers") : undefined,
      gap.downvotes > 0 ? `${gap.downvotes} 👎` : undefined,
      `last asked ${formatWhen(gap.lastAskedAt, "R")}`,
    ].filter((part): part is string => part !== undefined);
    return `• ${truncateText(escapeText(gap.question), QUESTION_PREVIEW)}\n  ${signals.join(" · ")}`;
  });
  return fitMessage({
    embeds: [
      {
        title: "Questions the bot answered badly",
        description: lines.join("\n"),
        color: COLORS.notConfident,
        footer: { text: "Most recent first. Answer one with /qa add; it is used by /ask at once." },
      },
    ],
    components: [],
  });
}
