import { z } from "zod";

/**
 * What the bot sent, read back from the fake Discord. Kept apart from the harness (which registers
 * test hooks) so that the benchmark can use it outside a test run.
 */
const embedSchema = z.looseObject({
  author: z.looseObject({ name: z.string() }).optional(),
  title: z.string().optional(),
  description: z.string().optional(),
  url: z.string().optional(),
  fields: z.array(z.looseObject({ name: z.string(), value: z.string() })).optional(),
  footer: z.looseObject({ text: z.string() }).optional(),
});
/** A button, or a select menu (no style, its options instead). */
const buttonSchema = z.looseObject({
  type: z.number().optional(),
  style: z.number().optional(),
  label: z.string().optional(),
  custom_id: z.string().optional(),
  url: z.string().optional(),
  disabled: z.boolean().optional(),
  options: z
    .array(z.looseObject({ label: z.string(), value: z.string(), default: z.boolean().optional() }))
    .optional(),
});

/** The message (or choices) a callback carried, parsed rather than cast: it is what the bot sent over HTTP. */
export const sentSchema = z.looseObject({
  content: z.string().optional(),
  embeds: z.array(embedSchema).default([]),
  components: z.array(z.looseObject({ components: z.array(buttonSchema) })).default([]),
  flags: z.number().optional(),
  allowed_mentions: z.looseObject({ parse: z.array(z.string()).optional() }).optional(),
  choices: z.array(z.looseObject({ name: z.string(), value: z.union([z.string(), z.number()]) })).optional(),
});
export type Sent = z.infer<typeof sentSchema>;

export function sent(callbackOrMessage: unknown): Sent {
  const value = callbackOrMessage;
  const isCallback = typeof value === "object" && value !== null && "type" in value && "data" in value;
  return sentSchema.parse(isCallback ? value.data : value);
}

/** Every custom-id button of a message. */
export function pageButtonsOf(message: Sent) {
  return message.components
    .flatMap((row) => row.components)
    .filter((button) => button.custom_id !== undefined);
}
