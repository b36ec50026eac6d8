import {
  emptyMessage,
  invalidFormBody,
  invalidWebhookToken,
  unknownMessage,
  unknownWebhook,
} from "./discord-errors.ts";
import { type FakeResponse, noContent, ok } from "./fake-response.ts";
import { type FakeState, INTERACTION_TOKEN_LIFETIME_MS, timestampOf } from "./fake-state.ts";
import { toFormIssues } from "./form-issues.ts";
import type { InjectedInteraction } from "./interaction-registry.ts";
import { isEmptyMessage, messageDataSchema } from "./message-limits.ts";
import { applyEdit, createBotMessage, type FakeMessage, isEmptyStoredMessage } from "./messages.ts";
import type { ParsedBody } from "./request-body.ts";

/** The interaction webhook: edits of `@original` and follow-ups, all authorised by the interaction token. */

export interface WebhookParams {
  applicationId: string;
  token: string;
}

/** The token works only for our application, for 15 minutes, and only once the interaction was answered. */
function resolveInteraction(state: FakeState, params: WebhookParams): InjectedInteraction | FakeResponse {
  const interaction = state.interactions.byToken(params.token);
  if (params.applicationId !== state.world.applicationId || interaction === undefined)
    return unknownWebhook();
  if (state.clock.now() - interaction.injectedAt > INTERACTION_TOKEN_LIFETIME_MS)
    return invalidWebhookToken();
  if (interaction.callback === undefined) return unknownWebhook();
  return interaction;
}

function findMessage(interaction: InjectedInteraction, messageId: string): FakeMessage | undefined {
  // "@original" arrives URL-encoded as "%40original"; the server decodes path segments before routing.
  return messageId === "@original" ? interaction.original : interaction.followUps.get(messageId);
}

function storeMessage(interaction: InjectedInteraction, messageId: string, message: FakeMessage): void {
  if (messageId === "@original") interaction.original = message;
  else interaction.followUps.set(messageId, message);
}

export function getWebhookMessage(state: FakeState, params: WebhookParams, messageId: string): FakeResponse {
  const interaction = resolveInteraction(state, params);
  if (!("id" in interaction)) return interaction;
  const message = findMessage(interaction, messageId);
  return message === undefined ? unknownMessage() : ok(message);
}

export function editWebhookMessage(
  state: FakeState,
  params: WebhookParams,
  messageId: string,
  body: ParsedBody,
): FakeResponse {
  const interaction = resolveInteraction(state, params);
  if (!("id" in interaction)) return interaction;
  const message = findMessage(interaction, messageId);
  if (message === undefined) return unknownMessage();
  const edit = messageDataSchema.safeParse(body.json ?? {});
  if (!edit.success) return invalidFormBody(toFormIssues(edit.error, []));
  const edited = applyEdit(message, edit.data, body.files, timestampOf(state));
  if (isEmptyStoredMessage(edited)) return emptyMessage();
  storeMessage(interaction, messageId, edited);
  return ok(edited);
}

export function deleteWebhookMessage(
  state: FakeState,
  params: WebhookParams,
  messageId: string,
): FakeResponse {
  const interaction = resolveInteraction(state, params);
  if (!("id" in interaction)) return interaction;
  if (findMessage(interaction, messageId) === undefined) return unknownMessage();
  if (messageId === "@original") interaction.original = undefined;
  else interaction.followUps.delete(messageId);
  return noContent();
}

export function postFollowUp(
  state: FakeState,
  params: WebhookParams,
  body: ParsedBody,
  query: URLSearchParams,
): FakeResponse {
  const interaction = resolveInteraction(state, params);
  if (!("id" in interaction)) return interaction;
  const data = messageDataSchema.safeParse(body.json ?? {});
  if (!data.success) return invalidFormBody(toFormIssues(data.error, []));
  if (isEmptyMessage(data.data, body.files.length)) return emptyMessage();
  const origin = {
    world: state.world,
    id: state.nextId(),
    timestamp: timestampOf(state),
    replyToCommand: interaction.isCommand,
    answering: { id: interaction.id, type: interaction.type, user: interaction.user },
  };
  const message = createBotMessage(origin, data.data, body.files);
  interaction.followUps.set(message.id, message);
  // Without `wait=true` Discord answers before the message exists, with no body.
  return query.get("wait") === "true" ? ok(message) : noContent();
}
