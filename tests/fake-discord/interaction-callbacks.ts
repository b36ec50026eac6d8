import { MessageFlags, InteractionResponseType as Response } from "discord.js";
import type { AcceptedCallback } from "./callback-validation.ts";
import { validateCallback } from "./callback-validation.ts";
import { alreadyAcknowledged, unknownInteraction } from "./discord-errors.ts";
import { type FakeResponse, noContent, ok } from "./fake-response.ts";
import { type FakeState, timestampOf } from "./fake-state.ts";
import type { InjectedInteraction } from "./interaction-registry.ts";
import { applyEdit, createBotMessage, createLoadingMessage, type FakeMessage } from "./messages.ts";
import type { ParsedBody } from "./request-body.ts";

/**
 * POST /interactions/{id}/{token}/callback — the bot's one initial answer, judged in Discord's order:
 * unknown or expired interaction (10062), already answered (40060), then the body itself.
 */
export function handleInteractionCallback(
  state: FakeState,
  params: { id: string; token: string },
  body: ParsedBody,
  query: URLSearchParams,
): FakeResponse {
  const interaction = state.interactions.byId(params.id);
  if (interaction === undefined || interaction.token !== params.token) return unknownInteraction();
  const deadline = state.interactionDeadlineMs;
  if (deadline !== false && state.clock.now() - interaction.injectedAt > deadline)
    return unknownInteraction();
  if (interaction.callback !== undefined) return alreadyAcknowledged();

  const verdict = validateCallback(interaction.type, body.json, body.files.length);
  if ("rejected" in verdict) return verdict.rejected;

  const { accepted } = verdict;
  interaction.callback = { type: accepted.type, data: callbackData(body.json) };
  interaction.original = resultingMessage(state, interaction, accepted, body);

  // discord.js asks for `with_response=false` unless the bot wants the created message back.
  if (query.get("with_response") !== "true") return noContent();
  return ok(callbackResponse(interaction, accepted.type));
}

function resultingMessage(
  state: FakeState,
  interaction: InjectedInteraction,
  accepted: AcceptedCallback,
  body: ParsedBody,
): FakeMessage | undefined {
  const origin = {
    world: state.world,
    id: state.nextId(),
    timestamp: timestampOf(state),
    replyToCommand: interaction.isCommand,
    answering: { id: interaction.id, type: interaction.type, user: interaction.user },
  };
  switch (accepted.type) {
    case Response.ChannelMessageWithSource:
      return createBotMessage(origin, accepted.message, body.files);
    case Response.DeferredChannelMessageWithSource:
      return createLoadingMessage(origin, accepted.flags);
    case Response.UpdateMessage:
      return interaction.sourceMessage === undefined
        ? undefined
        : applyEdit(interaction.sourceMessage, accepted.message, body.files, timestampOf(state));
    case Response.DeferredMessageUpdate:
      return interaction.sourceMessage;
    default:
      return undefined;
  }
}

function callbackData(json: unknown): unknown {
  return typeof json === "object" && json !== null && "data" in json ? json.data : undefined;
}

/** The `with_response=true` body: the interaction callback object plus the message it produced. */
function callbackResponse(interaction: InjectedInteraction, type: number): unknown {
  const message = interaction.original;
  return {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      response_message_id: message?.id,
      response_message_loading: type === Response.DeferredChannelMessageWithSource,
      response_message_ephemeral:
        message === undefined ? undefined : (message.flags & MessageFlags.Ephemeral) !== 0,
    },
    resource: { type, ...(message === undefined ? {} : { message }) },
  };
}
