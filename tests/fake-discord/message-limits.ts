import { z } from "zod";

/**
 * Discord's documented limits for what a bot may send, as zod schemas. Unknown fields pass through:
 * the point is to reject what Discord rejects, not to police every field.
 */

const IS_COMPONENTS_V2 = 1 << 15;
const SELECT_MENU_TYPES = new Set([3, 5, 6, 7, 8]);
const LINK_OR_PREMIUM_BUTTON_STYLES = new Set([5, 6]);

const embedSchema = z.looseObject({
  title: z.string().max(256).nullish(),
  description: z.string().max(4096).nullish(),
  fields: z
    .array(z.looseObject({ name: z.string().min(1).max(256), value: z.string().min(1).max(1024) }))
    .max(25)
    .nullish(),
  footer: z.looseObject({ text: z.string().min(1).max(2048) }).nullish(),
  author: z.looseObject({ name: z.string().min(1).max(256) }).nullish(),
});
type Embed = z.infer<typeof embedSchema>;

const childComponentSchema = z.looseObject({
  type: z.number().int(),
  style: z.number().int().optional(),
  custom_id: z.string().min(1).max(100).optional(),
  label: z.string().max(80).optional(),
  placeholder: z.string().max(150).optional(),
  options: z.array(z.unknown()).max(25).optional(),
});

const topLevelComponentSchema = z.looseObject({
  type: z.number().int(),
  custom_id: z.string().min(1).max(100).optional(),
  components: z.array(childComponentSchema).max(5).optional(),
});
type TopLevelComponent = z.infer<typeof topLevelComponentSchema>;

export const messageDataSchema = z
  .looseObject({
    content: z.string().max(2000).nullish(),
    embeds: z.array(embedSchema).max(10).nullish(),
    components: z.array(topLevelComponentSchema).nullish(),
    attachments: z.array(z.unknown()).max(10).nullish(),
    flags: z.number().int().nullish(),
    allowed_mentions: z
      .looseObject({
        parse: z.array(z.enum(["users", "roles", "everyone"])).optional(),
        users: z.array(z.string()).max(100).optional(),
        roles: z.array(z.string()).max(100).optional(),
      })
      .nullish(),
  })
  .superRefine((message, ctx) => {
    // Discord measures the 6000-character budget across every embed of the message together.
    const embedCharacters = (message.embeds ?? []).reduce((sum, embed) => sum + embedLength(embed), 0);
    if (embedCharacters > 6000) {
      ctx.addIssue({
        code: "custom",
        path: ["embeds"],
        message: "Embed size exceeds maximum size of 6000",
        params: { code: "MAX_EMBED_SIZE_EXCEEDED" },
      });
    }
    const mentions = message.allowed_mentions;
    if (mentions?.parse?.includes("users") && mentions.users !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["allowed_mentions"],
        message: 'parse:["users"] and users: [ids] are mutually exclusive.',
      });
    }
    const componentsV2 = ((message.flags ?? 0) & IS_COMPONENTS_V2) !== 0;
    checkComponents(message.components ?? [], componentsV2, ctx);
  });
export type MessageData = z.infer<typeof messageDataSchema>;

export const autocompleteResultSchema = z.looseObject({
  choices: z
    .array(
      z.looseObject({
        name: z.string().min(1).max(100),
        value: z.union([z.string().max(100), z.number()]),
      }),
    )
    .max(25),
});

export const modalDataSchema = z.looseObject({
  custom_id: z.string().min(1).max(100),
  title: z.string().min(1).max(45),
  components: z
    .array(z.looseObject({ type: z.number().int() }))
    .min(1)
    .max(5),
});

function embedLength(embed: Embed): number {
  const fields = embed.fields ?? [];
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    fields.reduce((sum, field) => sum + field.name.length + field.value.length, 0)
  );
}

function checkComponents(components: TopLevelComponent[], componentsV2: boolean, ctx: z.RefinementCtx): void {
  if (!componentsV2 && components.length > 5) {
    ctx.addIssue({ code: "custom", path: ["components"], message: "Must be 5 or fewer in length." });
  }
  components.forEach((row, rowIndex) => {
    const children = row.components ?? [];
    const selects = children.filter((child) => SELECT_MENU_TYPES.has(child.type));
    if (row.type === 1 && selects.length > 0 && children.length > 1) {
      ctx.addIssue({
        code: "custom",
        path: ["components", rowIndex, "components"],
        message: "A select menu must be the only component of its action row.",
      });
    }
    children.forEach((child, childIndex) => {
      const needsCustomId = child.type === 2 && !LINK_OR_PREMIUM_BUTTON_STYLES.has(child.style ?? 1);
      if (needsCustomId && child.custom_id === undefined) {
        ctx.addIssue({
          code: "custom",
          path: ["components", rowIndex, "components", childIndex, "custom_id"],
          message: "This field is required",
          params: { code: "BASE_TYPE_REQUIRED" },
        });
      }
    });
  });
}

/** Discord's 50006: a message needs at least one of these to exist. */
export function isEmptyMessage(message: MessageData, attachedFiles: number): boolean {
  const hasContent = typeof message.content === "string" && message.content.length > 0;
  const hasEmbeds = (message.embeds?.length ?? 0) > 0;
  const hasComponents = (message.components?.length ?? 0) > 0;
  const hasAttachments = attachedFiles > 0 || (message.attachments?.length ?? 0) > 0;
  const hasStickersOrPoll = Array.isArray(message.sticker_ids) || message.poll != null;
  return !(hasContent || hasEmbeds || hasComponents || hasAttachments || hasStickersOrPoll);
}
