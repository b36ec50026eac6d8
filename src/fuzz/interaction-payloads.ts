import {
  type APIApplicationCommandOption,
  ApplicationCommandType,
  ButtonStyle,
  ComponentType,
  InteractionType,
  ApplicationCommandOptionType as OptionType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { type HostileText, PROPERTY_NAMES, type SeededRandom } from "./hostile-text.ts";

/** A JSON object as the gateway delivers it: nothing about its shape is promised. */
export type RawPayload = Record<string, unknown>;

/** The server, channel, bot and members the payloads come from. */
export interface PayloadWorld {
  applicationId: string;
  guildId: string;
  channelId: string;
  bot: RawPayload;
  members: readonly RawPayload[];
  moderatorRoleId: string;
  /** Lines a moderator could paste as a citation, so some forms are saved rather than refused. */
  citationLines: readonly string[];
}

const MEMBER = PermissionFlagsBits.ViewChannel | PermissionFlagsBits.SendMessages;
const MODERATOR = MEMBER | PermissionFlagsBits.ManageMessages;
const FORM_FIELDS = ["question", "answer", "alternatives", "citations"] as const;
const ENVELOPE = new Set(["id", "token", "type", "application_id", "version"]);
const CUSTOM_ID_PREFIXES = ["page:", "qa-form:edit:1:", "qa-list:", "qa-history:0:", "qa-draft:", "vote:up:"];

/**
 * Interactions as a modified client, a stale registration or a careless member could make Discord
 * deliver them: every registered command with hostile values and sometimes the wrong types, unknown
 * commands and sub-commands, autocomplete, buttons whose custom ids were seen in the bot's replies or
 * forged, select menus, context menus, modal forms, direct messages, and now and then a payload that
 * is malformed in itself.
 */
export class InteractionPayloads {
  readonly #seenCustomIds: string[] = [];
  #nextId = 0n;

  constructor(
    private readonly random: SeededRandom,
    private readonly text: HostileText,
    private readonly world: PayloadWorld,
    private readonly commands: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
  ) {}

  /** A custom id the bot put on a reply, to be pressed later by anyone, on any message. */
  remember(customId: string): void {
    if (this.#seenCustomIds.length >= 500) this.#seenCustomIds.splice(0, 250);
    this.#seenCustomIds.push(customId);
  }

  next(): RawPayload {
    const r = this.random;
    const roll = r.int(100);
    const payload =
      roll < 45
        ? this.#command(InteractionType.ApplicationCommand)
        : roll < 58
          ? this.#command(InteractionType.ApplicationCommandAutocomplete)
          : roll < 80
            ? this.#component(ComponentType.Button)
            : roll < 85
              ? this.#component(r.pick([ComponentType.StringSelect, ComponentType.UserSelect]))
              : roll < 89
                ? this.#contextMenu()
                : this.#modal();
    return r.chance(0.02) ? this.#malformed(payload) : payload;
  }

  #snowflake(): string {
    this.#nextId += 1n;
    return String(1_200_000_000_000_000_000n + this.#nextId);
  }

  #envelope(type: InteractionType, data: unknown, extra: RawPayload = {}): RawPayload {
    const r = this.random;
    const { world } = this;
    const id = this.#snowflake();
    const user = r.pick(world.members);
    const inGuild = r.chance(0.9);
    const moderator = r.chance(0.3);
    const place = inGuild
      ? {
          guild_id: world.guildId,
          guild: { id: world.guildId, features: [], locale: "en-US" },
          channel: { id: world.channelId, type: 0, guild_id: world.guildId, name: "general" },
          channel_id: world.channelId,
          member: {
            user,
            roles: moderator && r.chance(0.5) ? [world.moderatorRoleId] : [],
            permissions: String(moderator ? MODERATOR : MEMBER),
            joined_at: "2024-01-01T00:00:00.000Z",
            deaf: false,
            mute: false,
            flags: 0,
          },
          context: 0,
        }
      : {
          user,
          channel: { id: user.id, type: 1, recipients: [user] },
          channel_id: user.id,
          context: 1,
        };
    return {
      id,
      application_id: world.applicationId,
      type,
      data,
      token: `fuzz-token-${id}`,
      version: 1,
      ...place,
      app_permissions: String(MODERATOR),
      locale: r.pick(["en-US", "de", "tr", "ja"]),
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": world.guildId },
      attachment_size_limit: 10_485_760,
      ...extra,
    };
  }

  #command(type: InteractionType.ApplicationCommand | InteractionType.ApplicationCommandAutocomplete) {
    const r = this.random;
    const command = r.chance(0.95) ? r.pick(this.commands) : undefined;
    const name = command?.name ?? this.text.text();
    let options = this.#options(command?.options ?? [], type);
    if (type === InteractionType.ApplicationCommandAutocomplete && options.length > 0 && r.chance(0.95)) {
      const focused = this.#innermost(options);
      const target = focused[r.int(focused.length)];
      if (target !== undefined) target.focused = true;
    }
    if (r.chance(0.05))
      options = [{ type: OptionType.String, name: this.text.text(), value: this.text.text() }];
    return this.#envelope(type, {
      id: this.#snowflake(),
      name,
      type: ApplicationCommandType.ChatInput,
      options,
    });
  }

  /** The options a registration describes, mostly as registered, with hostile values and types. */
  #options(registered: readonly APIApplicationCommandOption[], type: InteractionType): RawPayload[] {
    const r = this.random;
    const subcommands = registered.filter((option) => option.type === OptionType.Subcommand);
    if (subcommands.length > 0) {
      if (r.chance(0.05)) return [];
      const sub = r.chance(0.92) ? r.pick(subcommands) : undefined;
      const inner = sub !== undefined && "options" in sub ? (sub.options ?? []) : [];
      return [
        {
          type: OptionType.Subcommand,
          name: sub?.name ?? this.text.text(),
          options: this.#options(inner, type),
        },
      ];
    }
    return registered
      .filter((option) => ("required" in option && option.required === true) || r.chance(0.6))
      .map((option) => ({ type: option.type, name: option.name, value: this.#value(option.type, type) }))
      .map((option) => (r.chance(0.06) ? this.#mistyped(option) : option));
  }

  #value(optionType: OptionType, interactionType: InteractionType): unknown {
    const r = this.random;
    // Autocomplete sends what is typed so far, as text, whatever the option's type.
    if (interactionType === InteractionType.ApplicationCommandAutocomplete)
      return this.text.text().slice(0, 120);
    switch (optionType) {
      case OptionType.Integer:
        return r.pick([1, 2, 3, 0, -1, 25, 26, 9_999, 2 ** 31, Number.MAX_SAFE_INTEGER]);
      case OptionType.Number:
        return r.next() * 100;
      case OptionType.Boolean:
        return r.chance(0.5);
      default:
        return this.text.text();
    }
  }

  /** An option from another registration: the same name with another type, or a value of another kind. */
  #mistyped(option: RawPayload): RawPayload {
    const r = this.random;
    return r.chance(0.5)
      ? {
          ...option,
          type: r.pick([OptionType.String, OptionType.Integer, OptionType.Boolean, OptionType.User]),
        }
      : { ...option, value: r.pick<unknown>([42, true, null, "", [], { value: "x" }, this.text.text()]) };
  }

  #innermost(options: RawPayload[]): RawPayload[] {
    const first = options[0];
    if (first?.type === OptionType.Subcommand && Array.isArray(first.options)) {
      return first.options.filter(
        (option): option is RawPayload => typeof option === "object" && option !== null,
      );
    }
    return options;
  }

  #customId(): string {
    const r = this.random;
    const seen = this.#seenCustomIds;
    if (seen.length > 0 && r.chance(0.6)) {
      const id = r.pick(seen);
      if (r.chance(0.7)) return id;
      // A seen id with one part changed: another page, another key, someone's id added.
      const parts = id.split(":");
      const at = r.int(parts.length);
      parts[at] = r.pick([this.text.text().slice(0, 40), "0", "9999", "-1", this.text.snowflake()]);
      return parts.join(":").slice(0, 100);
    }
    return r.chance(0.6)
      ? `${r.pick(CUSTOM_ID_PREFIXES)}${this.text.text().slice(0, 60)}`
      : this.text.text().slice(0, 100);
  }

  /** The message a component sits on: the bot's, answering someone's interaction or nobody's, public or private. */
  #message(): RawPayload {
    const r = this.random;
    const answered = r.pick(this.world.members);
    return {
      id: this.#snowflake(),
      channel_id: this.world.channelId,
      author: this.world.bot,
      content: "",
      embeds: [],
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, custom_id: "x", label: "x" },
          ],
        },
      ],
      attachments: [],
      type: r.pick([0, 20]),
      flags: r.chance(0.3) ? 64 : 0,
      timestamp: "2024-01-01T00:00:00.000Z",
      edited_timestamp: null,
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      ...(r.chance(0.8)
        ? {
            interaction_metadata: {
              id: this.#snowflake(),
              type: 2,
              user: answered,
              authorizing_integration_owners: {},
            },
          }
        : {}),
    };
  }

  #component(componentType: ComponentType): RawPayload {
    const data =
      componentType === ComponentType.Button
        ? { custom_id: this.#customId(), component_type: componentType }
        : {
            custom_id: this.#customId(),
            component_type: componentType,
            values: componentType === ComponentType.UserSelect ? [] : [this.text.text().slice(0, 100)],
          };
    return this.#envelope(InteractionType.MessageComponent, data, { message: this.#message() });
  }

  #contextMenu(): RawPayload {
    const r = this.random;
    const target = r.pick(this.world.members);
    const message = this.#message();
    const asUser = r.chance(0.5);
    return this.#envelope(InteractionType.ApplicationCommand, {
      id: this.#snowflake(),
      name: r.chance(0.5) ? this.text.text() : r.pick(this.commands).name,
      type: asUser ? ApplicationCommandType.User : ApplicationCommandType.Message,
      target_id: asUser ? target.id : message.id,
      resolved: asUser
        ? { users: { [String(target.id)]: target } }
        : { messages: { [String(message.id)]: message } },
    });
  }

  #modal(): RawPayload {
    const r = this.random;
    const valid = r.chance(0.3);
    const values: Record<(typeof FORM_FIELDS)[number], string> = {
      question: valid
        ? `Fuzzed question ${this.#nextId}: ${this.text.text().slice(0, 120)}?`
        : this.text.text(),
      answer: valid ? `An answer ${this.text.text().slice(0, 200)}` : this.text.text(),
      alternatives: this.text.text(),
      citations: valid ? r.pick(this.world.citationLines) : this.text.text(),
    };
    const components = FORM_FIELDS.filter(() => r.chance(0.95)).map((field, index) => ({
      type: ComponentType.Label,
      id: index * 2 + 1,
      component: { type: ComponentType.TextInput, id: index * 2 + 2, custom_id: field, value: values[field] },
    }));
    const customId = r.chance(0.8)
      ? r.pick(["qa-form:add", this.#customId()])
      : this.text.text().slice(0, 100);
    return this.#envelope(InteractionType.ModalSubmit, { custom_id: customId, components });
  }

  /** One of the shapes that make discord.js itself throw, or a field set to something odd. */
  #malformed(payload: RawPayload): RawPayload {
    const r = this.random;
    const broken = { ...payload };
    switch (r.int(6)) {
      case 0:
        broken.member = { ...(typeof payload.member === "object" ? payload.member : {}), permissions: "abc" };
        break;
      case 1:
        broken.message = null;
        break;
      case 2:
        broken.data = { custom_id: "qa-form:add", components: [null] };
        break;
      case 3:
        // Any field but Discord's own envelope, without which no interaction can be answered at all.
        delete broken[r.pick(Object.keys(payload).filter((key) => !ENVELOPE.has(key)))];
        break;
      case 4:
        broken.data = r.pick<unknown>([null, "data", 42, []]);
        break;
      default:
        broken[r.pick(PROPERTY_NAMES)] = { polluted: true };
    }
    return broken;
  }
}
