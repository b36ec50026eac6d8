/** Discord counts snowflake timestamps from the first second of 2015. */
const DISCORD_EPOCH_MS = 1_420_070_400_000n;

/** A fixed instant, so a test run mints the same ids every time and failures reproduce exactly. */
const DEFAULT_START_MS = Date.UTC(2024, 0, 1);

export type SnowflakeFactory = () => string;

/**
 * Mints increasing snowflake ids. They are 19 digits long like real ones, which matters:
 * @discordjs/rest only recognises 17–19 digit ids as major parameters when it picks rate-limit buckets.
 */
export function createSnowflakeFactory(startMs: number = DEFAULT_START_MS): SnowflakeFactory {
  const base = (BigInt(startMs) - DISCORD_EPOCH_MS) << 22n;
  let increment = 0n;
  return () => {
    increment += 1n;
    return (base + increment).toString();
  };
}
