import type { FakeClock } from "./clock.ts";
import type { InteractionRegistry } from "./interaction-registry.ts";
import type { SnowflakeFactory } from "./snowflakes.ts";
import type { FakeWorld } from "./world.ts";

/** Discord's windows: 3 s for the first answer, 15 min for everything sent with the interaction's token. */
export const INTERACTION_DEADLINE_MS = 3_000;
export const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000;

/** What the REST routes and the gateway share. */
export interface FakeState {
  world: FakeWorld;
  clock: FakeClock;
  nextId: SnowflakeFactory;
  interactions: InteractionRegistry;
  /** `false` switches the 3-second check off, for tests about something else that step through a debugger. */
  interactionDeadlineMs: number | false;
}

export function timestampOf(state: FakeState): string {
  return new Date(state.clock.now()).toISOString();
}
