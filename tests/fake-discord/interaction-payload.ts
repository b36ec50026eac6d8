import {
  type APIBaseInteraction,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
} from "discord.js";
import { type FakeState, timestampOf } from "./fake-state.ts";
import type { InjectedInteraction } from "./interaction-registry.ts";
import type { InteractionSeed } from "./interactions.ts";
import { createBotMessage, type FakeMessage } from "./messages.ts";
import { APP_PERMISSIONS, guildMember, MEMBER_PERMISSIONS } from "./world.ts";

/** Discord's default upload limit for a guild without boosts. */
const ATTACHMENT_SIZE_LIMIT = 10 * 1024 * 1024;

export type InteractionPayload = Omit<APIBaseInteraction<InteractionType, unknown>, "message"> & {
  message?: FakeMessage;
};

/**
 * Turns a seed into the INTERACTION_CREATE Discord would send. discord.js 14.28 throws on payloads
 * missing `channel` (the object), `entitlements` or `authorizing_integration_owners`.
 */
export function completeInteraction(
  state: FakeState,
  seed: InteractionSeed,
  commandIdFor: (name: string) => string | undefined,
): { payload: InteractionPayload; record: InjectedInteraction } {
  const { world } = state;
  const guild = world.guilds.find((candidate) => candidate.id === (seed.guildId ?? world.guildId));
  if (guild === undefined) throw new Error(`Fake Discord: the bot is in no guild ${seed.guildId}`);
  const id = state.nextId();
  const token = `fake-interaction-token-${id}`;
  const user = seed.user ?? world.tester;
  const isCommand = seed.type === InteractionType.ApplicationCommand;
  const data =
    seed.type === InteractionType.ApplicationCommand ||
    seed.type === InteractionType.ApplicationCommandAutocomplete
      ? { ...seed.data, id: seed.data.id ?? commandIdFor(seed.data.name) ?? state.nextId() }
      : seed.data;
  const message =
    seed.type === InteractionType.MessageComponent
      ? (seed.message ?? defaultButtonMessage(state, seed.data.custom_id))
      : seed.type === InteractionType.ModalSubmit
        ? seed.message
        : undefined;

  const payload: InteractionPayload = {
    id,
    application_id: world.applicationId,
    type: seed.type,
    data,
    token,
    version: 1,
    guild_id: guild.id,
    guild: { id: guild.id, features: [], locale: Locale.EnglishUS },
    channel: { id: guild.channelId, type: ChannelType.GuildText, guild_id: guild.id, name: "general" },
    channel_id: guild.channelId,
    member: {
      ...guildMember(world, user),
      user,
      permissions: (seed.permissions ?? MEMBER_PERMISSIONS).toString(),
    },
    app_permissions: APP_PERMISSIONS.toString(),
    locale: seed.locale ?? Locale.EnglishUS,
    guild_locale: Locale.EnglishUS,
    entitlements: [],
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: guild.id },
    context: InteractionContextType.Guild,
    attachment_size_limit: ATTACHMENT_SIZE_LIMIT,
    ...(message === undefined ? {} : { message }),
  };
  const record: InjectedInteraction = {
    id,
    token,
    type: seed.type,
    user,
    isCommand,
    injectedAt: state.clock.now(),
    callback: undefined,
    sourceMessage: message,
    original: undefined,
    followUps: new Map(),
  };
  return { payload, record };
}

/** When a test clicks a button without saying on which message, it is on an earlier bot message. */
function defaultButtonMessage(state: FakeState, customId: string): FakeMessage {
  const origin = {
    world: state.world,
    id: state.nextId(),
    timestamp: timestampOf(state),
    replyToCommand: false,
  };
  const row = {
    type: ComponentType.ActionRow,
    components: [
      { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: customId, label: "Button" },
    ],
  };
  return createBotMessage(origin, { content: "A message with a button", components: [row] }, []);
}
