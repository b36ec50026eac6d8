import {
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  type APIStringSelectComponent,
  ComponentType,
} from "discord.js";
import { ZERO_WIDTH_SPACE } from "./escape.ts";
import { truncateText } from "./fit-text.ts";
import { LIMITS } from "./limits.ts";
import type { ComponentRow, MessagePayload } from "./payload.ts";

/**
 * The last step before anything is sent: brings a payload within every Discord limit. Renderers budget
 * their own text so this rarely cuts anything; it exists so that no input (a 6,000-character question,
 * an unexpectedly long excerpt) can make Discord refuse the whole reply.
 */
export function fitMessage(payload: MessagePayload): MessagePayload {
  const embeds = payload.embeds.slice(0, LIMITS.embedsPerMessage).map(fitEmbed).filter(hasBody);
  shrinkToTotal(embeds, LIMITS.embedTotal);
  const fitted: MessagePayload = {
    embeds: embeds.filter(hasBody),
    components: fitComponents(payload.components),
  };
  if (payload.content !== undefined && payload.content.length > 0) {
    fitted.content = truncateText(payload.content, LIMITS.content);
  }
  return fitted;
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = { ...embed };
  setOrDelete(fitted, "title", embed.title, LIMITS.title);
  setOrDelete(fitted, "description", embed.description, LIMITS.description);
  if (embed.fields !== undefined) fitted.fields = embed.fields.slice(0, LIMITS.fields).map(fitField);
  if (embed.footer !== undefined) {
    const text = truncateText(embed.footer.text, LIMITS.footer);
    if (text.length > 0) fitted.footer = { ...embed.footer, text };
    else delete fitted.footer;
  }
  if (embed.author !== undefined) {
    const name = truncateText(embed.author.name, LIMITS.author);
    if (name.length > 0) fitted.author = { ...embed.author, name };
    else delete fitted.author;
  }
  return fitted;
}

function setOrDelete(
  embed: APIEmbed,
  key: "title" | "description",
  text: string | undefined,
  max: number,
): void {
  const fitted = text === undefined ? "" : truncateText(text, max);
  if (fitted.length > 0) embed[key] = fitted;
  else delete embed[key];
}

/** Discord refuses empty field names and values; a zero-width space is its documented stand-in. */
function fitField(field: APIEmbedField): APIEmbedField {
  return {
    ...field,
    name: truncateText(field.name, LIMITS.fieldName) || ZERO_WIDTH_SPACE,
    value: truncateText(field.value, LIMITS.fieldValue) || ZERO_WIDTH_SPACE,
  };
}

function hasBody(embed: APIEmbed): boolean {
  return (
    embed.title !== undefined ||
    embed.description !== undefined ||
    (embed.fields?.length ?? 0) > 0 ||
    embed.footer !== undefined ||
    embed.author !== undefined
  );
}

export function embedLength(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

/**
 * Over the shared 6,000 budget, the longest text is cut first (usually one long excerpt), until the
 * total fits; as a last resort trailing fields, then trailing embeds, are dropped.
 */
function shrinkToTotal(embeds: APIEmbed[], total: number): void {
  const SHORTEST_WORTH_CUTTING = 64;
  for (;;) {
    const excess = embeds.reduce((sum, embed) => sum + embedLength(embed), 0) - total;
    if (excess <= 0) return;
    const longest = longestText(embeds);
    if (longest !== undefined && longest.length > SHORTEST_WORTH_CUTTING) {
      longest.set(truncateText(longest.text, Math.max(SHORTEST_WORTH_CUTTING, longest.length - excess)));
      continue;
    }
    const last = embeds.at(-1);
    if (last === undefined) return;
    if (last.fields !== undefined && last.fields.length > 0) last.fields.pop();
    else embeds.pop();
  }
}

interface CuttableText {
  text: string;
  length: number;
  set(text: string): void;
}

function longestText(embeds: APIEmbed[]): CuttableText | undefined {
  let longest: CuttableText | undefined;
  const consider = (text: string | undefined, set: (text: string) => void) => {
    if (text !== undefined && text.length > (longest?.length ?? 0))
      longest = { text, length: text.length, set };
  };
  for (const embed of embeds) {
    consider(embed.description, (text) => {
      embed.description = text;
    });
    for (const field of embed.fields ?? []) {
      consider(field.value, (text) => {
        field.value = text;
      });
    }
  }
  return longest;
}

/** Custom ids are built by our own codec, so an over-long one is a bug worth failing loudly on. */
function fitComponents(rows: ComponentRow[]): ComponentRow[] {
  return rows.slice(0, LIMITS.rows).flatMap((row): ComponentRow[] => {
    const [first] = row.components;
    if (first === undefined) return [];
    if (first.type === ComponentType.StringSelect) {
      checkCustomId(first.custom_id);
      return [{ ...row, components: [fitSelect(first)] }];
    }
    const buttons = row.components
      .filter((component): component is APIButtonComponent => component.type === ComponentType.Button)
      .slice(0, LIMITS.buttonsPerRow)
      .map((button) => {
        if ("custom_id" in button) checkCustomId(button.custom_id);
        return "label" in button && button.label !== undefined
          ? { ...button, label: truncateText(button.label, LIMITS.buttonLabel) || ZERO_WIDTH_SPACE }
          : button;
      });
    return buttons.length === 0 ? [] : [{ type: ComponentType.ActionRow, components: buttons }];
  });
}

function checkCustomId(customId: string): void {
  if (customId.length > LIMITS.customId) {
    throw new Error(`render: custom id "${customId}" is longer than ${LIMITS.customId} characters`);
  }
}

/** At most 25 options, each label, value and description within 100 characters; the placeholder within 150. */
function fitSelect(select: APIStringSelectComponent): APIStringSelectComponent {
  const fitChoice = (text: string) => truncateText(text, LIMITS.choiceText) || ZERO_WIDTH_SPACE;
  return {
    ...select,
    ...(select.placeholder === undefined
      ? {}
      : { placeholder: truncateText(select.placeholder, LIMITS.selectPlaceholder) }),
    options: select.options.slice(0, LIMITS.selectOptions).map((option) => ({
      ...option,
      label: fitChoice(option.label),
      ...(option.description === undefined ? {} : { description: fitChoice(option.description) }),
    })),
  };
}
