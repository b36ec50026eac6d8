import { setImmediate } from "node:timers/promises";
import pg from "pg";

/** Runs one statement on a connection of its own and returns its rows. */
export async function rowsOf(url: string, sql: string): Promise<unknown[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Asks again until the answer is yes. For states only Postgres can report (a session waiting on a
 * lock): no timer decides, the test's own timeout bounds it.
 */
export async function waitUntil(condition: () => Promise<boolean>): Promise<void> {
  while (!(await condition())) await setImmediate();
}
