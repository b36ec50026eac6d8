import { ButtonStyle, ComponentType } from "discord.js";
import { plainText } from "./escape.ts";
import { fitMessage } from "./fit-message.ts";
import { COLORS, type MessagePayload } from "./payload.ts";
import { encodeQaCustomId } from "./qa-custom-ids.ts";

/**
 * A refused form: every sentence saying what to fix, and a button that reopens the form with the text
 * as typed. The sentences keep their `code` formatting (they show the citation format), so they pass
 * through `plainText`, not `escapeText`; nobody is pinged because no message allows mentions.
 */
export function formProblemsMessage(
  problems: readonly string[],
  draftKey: string | undefined,
): MessagePayload {
  const description = ["Nothing was saved:", ...problems.map((problem) => `• ${plainText(problem)}`)].join(
    "\n",
  );
  return fitMessage({
    embeds: [{ description, color: COLORS.notConfident }],
    components:
      draftKey === undefined
        ? []
        : [
            {
              type: ComponentType.ActionRow,
              components: [
                {
                  type: ComponentType.Button,
                  style: ButtonStyle.Primary,
                  label: "Fix and resubmit",
                  custom_id: encodeQaCustomId({ kind: "draft", key: draftKey }),
                },
              ],
            },
          ],
  });
}
