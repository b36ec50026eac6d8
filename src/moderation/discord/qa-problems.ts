import { ButtonStyle, ComponentType } from "discord.js";
import { plainText } from "../../render/discord/escape.ts";
import { fitMessage } from "../../render/discord/fit-message.ts";
import { COLORS, type MessagePayload } from "../../render/discord/payload.ts";
import { encodeQaCustomId } from "./qa-custom-ids.ts";

/** What would turn quoted text into a link (`[text](url)`) or a tag (`<@id>`, `<t:…>`). */
const LINK_AND_TAG_MARKERS = /[[\]<]/g;

/**
 * A refused form: every sentence saying what to fix, and a button that reopens the form with the text
 * as typed. The sentences keep their `code` formatting (they show the citation format), so they pass
 * through `plainText`, not `escapeText`; but they quote what was typed, so links and tags are
 * escaped. Nobody is pinged because no message allows mentions.
 */
export function formProblemsMessage(
  problems: readonly string[],
  draftKey: string | undefined,
): MessagePayload {
  const shown = (problem: string) =>
    plainText(problem).replace(LINK_AND_TAG_MARKERS, (marker) => `\\${marker}`);
  const description = ["Nothing was saved:", ...problems.map((problem) => `• ${shown(problem)}`)].join("\n");
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
