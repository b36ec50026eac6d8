import type { APIEmbed } from "discord.js";
import type { MessagePayload } from "../../src/render/discord/payload.ts";
import { messageDataSchema } from "../fake-discord/message-limits.ts";

/**
 * Every Discord limit a payload can break, written out independently of src/render so the test does
 * not grade the renderer with its own rules; the fake Discord's schema is checked as a second opinion.
 */
export function limitViolations(payload: MessagePayload): string[] {
  const problems: string[] = [];
  const check = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  check((payload.content ?? "").length <= 2000, "content over 2000");
  check(payload.embeds.length <= 10, "more than 10 embeds");
  check(
    payload.embeds.reduce((sum, embed) => sum + embedSize(embed), 0) <= 6000,
    "embeds over 6000 in total",
  );
  payload.embeds.forEach((embed, index) => {
    check((embed.title ?? "").length <= 256, `embed ${index}: title over 256`);
    check((embed.description ?? "").length <= 4096, `embed ${index}: description over 4096`);
    check((embed.fields ?? []).length <= 25, `embed ${index}: more than 25 fields`);
    for (const field of embed.fields ?? []) {
      check(
        field.name.length >= 1 && field.name.length <= 256,
        `embed ${index}: field name length ${field.name.length}`,
      );
      check(
        field.value.length >= 1 && field.value.length <= 1024,
        `embed ${index}: field value length ${field.value.length}`,
      );
    }
    check((embed.footer?.text ?? "").length <= 2048, `embed ${index}: footer over 2048`);
    check((embed.author?.name ?? "").length <= 256, `embed ${index}: author over 256`);
  });
  check(payload.components.length <= 5, "more than 5 rows");
  for (const row of payload.components) {
    check(row.components.length >= 1 && row.components.length <= 5, "a row without 1–5 buttons");
    for (const button of row.components) {
      if ("custom_id" in button)
        check(button.custom_id.length <= 100, `custom id over 100: ${button.custom_id}`);
      if ("label" in button) check((button.label ?? "").length <= 80, "button label over 80");
    }
  }
  const fake = messageDataSchema.safeParse(payload);
  if (!fake.success) problems.push(`fake Discord refuses it: ${fake.error.message}`);
  return problems;
}

function embedSize(embed: APIEmbed): number {
  return (
    (embed.title ?? "").length +
    (embed.description ?? "").length +
    (embed.footer?.text ?? "").length +
    (embed.author?.name ?? "").length +
    (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}
