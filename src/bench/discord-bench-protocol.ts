import { z } from "zod";

/** Messages between the Discord benchmark (discord-e2e.ts) and the bot process it drives (discord-bot-process.ts). */

export const parentMessageSchema = z.object({ type: z.enum(["report", "stop"]) });
export type ParentMessage = z.infer<typeof parentMessageSchema>;

export const childMessageSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ type: z.literal("rss"), bytes: z.number(), peakBytes: z.number() }),
]);
export type ChildMessage = z.infer<typeof childMessageSchema>;
