import { InteractionType, InteractionResponseType as Response } from "discord.js";
import { z } from "zod";
import { emptyMessage, invalidFormBody } from "./discord-errors.ts";
import type { FakeResponse } from "./fake-response.ts";
import { toFormIssues } from "./form-issues.ts";
import {
  autocompleteResultSchema,
  isEmptyMessage,
  type MessageData,
  messageDataSchema,
  modalDataSchema,
} from "./message-limits.ts";

/** Which response types Discord accepts for each kind of interaction; anything else is a 50035. */
const FITTING_RESPONSES: Record<InteractionType, readonly Response[]> = {
  [InteractionType.Ping]: [Response.Pong],
  [InteractionType.ApplicationCommand]: [
    Response.ChannelMessageWithSource,
    Response.DeferredChannelMessageWithSource,
    Response.Modal,
    Response.LaunchActivity,
  ],
  [InteractionType.MessageComponent]: [
    Response.ChannelMessageWithSource,
    Response.DeferredChannelMessageWithSource,
    Response.DeferredMessageUpdate,
    Response.UpdateMessage,
    Response.Modal,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [Response.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    Response.ChannelMessageWithSource,
    Response.DeferredChannelMessageWithSource,
    Response.DeferredMessageUpdate,
    Response.UpdateMessage,
  ],
};

const callbackSchema = z.looseObject({ type: z.number().int(), data: z.unknown().optional() });
const deferredDataSchema = z.looseObject({ flags: z.number().int().nullish() }).optional();

export type AcceptedCallback =
  | { type: Response.ChannelMessageWithSource | Response.UpdateMessage; message: MessageData }
  | { type: Response.DeferredChannelMessageWithSource | Response.DeferredMessageUpdate; flags: number }
  | { type: Exclude<Response, CarriesMessage | IsDeferred> };
type CarriesMessage = Response.ChannelMessageWithSource | Response.UpdateMessage;
type IsDeferred = Response.DeferredChannelMessageWithSource | Response.DeferredMessageUpdate;

/** Judges a callback body as Discord would; returns the error to answer with, or what was accepted. */
export function validateCallback(
  interactionType: InteractionType,
  body: unknown,
  attachedFiles: number,
): { accepted: AcceptedCallback } | { rejected: FakeResponse } {
  const parsed = callbackSchema.safeParse(body);
  if (!parsed.success) return { rejected: invalidFormBody(toFormIssues(parsed.error, [])) };
  const { type, data } = parsed.data;

  const fitting = FITTING_RESPONSES[interactionType];
  if (!fitting.some((allowed) => allowed === type)) {
    const message = `Interaction response type ${type} is not valid for interaction type ${interactionType}.`;
    return {
      rejected: invalidFormBody([{ path: ["type"], code: "INTERACTION_RESPONSE_TYPE_INVALID", message }]),
    };
  }
  return validateData(type, data, attachedFiles);
}

function validateData(
  type: number,
  data: unknown,
  attachedFiles: number,
): { accepted: AcceptedCallback } | { rejected: FakeResponse } {
  const rejectIssues = (error: z.ZodError) => ({ rejected: invalidFormBody(toFormIssues(error, ["data"])) });
  switch (type) {
    case Response.ChannelMessageWithSource:
    case Response.UpdateMessage: {
      const message = messageDataSchema.safeParse(data ?? {});
      if (!message.success) return rejectIssues(message.error);
      // Updating a message may leave it as it was; only a new message has to have something in it.
      if (type === Response.ChannelMessageWithSource && isEmptyMessage(message.data, attachedFiles)) {
        return { rejected: emptyMessage() };
      }
      return { accepted: { type, message: message.data } };
    }
    case Response.DeferredChannelMessageWithSource:
    case Response.DeferredMessageUpdate: {
      const deferred = deferredDataSchema.safeParse(data);
      if (!deferred.success) return rejectIssues(deferred.error);
      return { accepted: { type, flags: deferred.data?.flags ?? 0 } };
    }
    case Response.ApplicationCommandAutocompleteResult: {
      const result = autocompleteResultSchema.safeParse(data);
      return result.success ? { accepted: { type } } : rejectIssues(result.error);
    }
    case Response.Modal: {
      const modal = modalDataSchema.safeParse(data);
      return modal.success ? { accepted: { type } } : rejectIssues(modal.error);
    }
    case Response.Pong:
    case Response.LaunchActivity:
      return { accepted: { type } };
    default:
      return {
        rejected: invalidFormBody([
          { path: ["type"], code: "BASE_TYPE_CHOICES", message: `Unknown type ${type}.` },
        ]),
      };
  }
}
