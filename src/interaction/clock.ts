/** Time as the bot's cooldowns and caches read it, so tests move a clock instead of sleeping. */
export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
