import type { APIUser, InteractionType } from "discord.js";
import type { FakeMessage } from "./messages.ts";

/** What the fake remembers about an interaction it injected, to judge the bot's answers like Discord does. */
export interface InjectedInteraction {
  id: string;
  token: string;
  type: InteractionType;
  /** Who acted; Discord records them on every message that answers the interaction. */
  user: APIUser;
  /** True for slash and context-menu commands, whose replies Discord shows as command responses. */
  isCommand: boolean;
  injectedAt: number;
  /** The first accepted callback; Discord refuses any further one with 40060. */
  callback: { type: number; data: unknown } | undefined;
  /** The message a button or select sits on; type 6/7 callbacks act on it. */
  sourceMessage: FakeMessage | undefined;
  /** The reply the callback created (or the source message it updated), reachable as `@original`. */
  original: FakeMessage | undefined;
  followUps: Map<string, FakeMessage>;
}

export class InteractionRegistry {
  readonly #byId = new Map<string, InjectedInteraction>();
  readonly #idByToken = new Map<string, string>();

  add(interaction: InjectedInteraction): void {
    this.#byId.set(interaction.id, interaction);
    this.#idByToken.set(interaction.token, interaction.id);
  }

  byId(id: string): InjectedInteraction | undefined {
    return this.#byId.get(id);
  }

  byToken(token: string): InjectedInteraction | undefined {
    const id = this.#idByToken.get(token);
    return id === undefined ? undefined : this.#byId.get(id);
  }
}
