import type pg from "pg";
import { z } from "zod";
import { ENTRY_CHANNEL } from "./migrations.ts";

export interface EntryChange {
  guildId: string;
  entryId: string;
}

export interface EntryFeedHandlers {
  /** An entry was changed and committed, by any replica (this one included) or by `dossier qa import`. */
  onChange(change: EntryChange): Promise<void>;
  /**
   * The feed is listening, for the first time or again after losing its connection: changes made
   * while it was not listening were not heard, so everything must be read again.
   */
  onResync(): Promise<void>;
  /** The connection was lost or could not be made; the feed retries by itself. */
  onError(error: Error): void;
}

const changeSchema = z.strictObject({ guildId: z.string().min(1), entryId: z.string().min(1) });

/** Waits before reconnecting: quick at first, then at most every few seconds while Postgres is away. */
const RETRY_MS = { first: 100, max: 3_000 } as const;

/**
 * LISTEN on the channel the qa_entries trigger notifies at every commit. Postgres delivers
 * notifications in commit order to every listening connection, so a replica hears an entry another
 * one added a moment after it was saved. A lost connection is reconnected, and each (re)connection
 * calls `onResync`, which covers whatever was said while nobody listened.
 *
 * Handlers run one at a time, in order, so a later change is never overtaken by an earlier one.
 */
export class EntryFeed {
  #client: pg.Client | undefined;
  #stopped = false;
  #queue: Promise<void> = Promise.resolve();
  #retry: NodeJS.Timeout | undefined;
  #delay: number = RETRY_MS.first;

  private constructor(
    private readonly url: string,
    private readonly handlers: EntryFeedHandlers,
  ) {}

  /** Resolves once the feed listens and the first resync is done; rejects if the first connection fails. */
  static async start(url: string, handlers: EntryFeedHandlers): Promise<EntryFeed> {
    const feed = new EntryFeed(url, handlers);
    await feed.#connect();
    return feed;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearTimeout(this.#retry);
    await this.#client?.end().catch(() => undefined);
    await this.#queue;
  }

  async #connect(): Promise<void> {
    const { Client } = (await import("pg")).default;
    const client = new Client({
      connectionString: this.url,
      keepAlive: true,
      application_name: "dossier (feed)",
    });
    client.on("notification", (message) => {
      const parsed = changeSchema.safeParse(parseJson(message.payload));
      if (parsed.success) this.#enqueue(() => this.handlers.onChange(parsed.data));
    });
    client.on("error", (error) => this.#lost(client, error));
    client.on("end", () => this.#lost(client, new Error("The entry feed's connection to Postgres ended.")));
    try {
      await client.connect();
      await client.query(`LISTEN ${ENTRY_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw error;
    }
    this.#client = client;
    this.#delay = RETRY_MS.first;
    // Not swallowed like a change's failure: a resync that fails is retried with a new connection.
    const resynced = this.#queue.then(() => this.handlers.onResync());
    this.#queue = resynced.catch(() => undefined);
    try {
      await resynced;
    } catch (error) {
      this.#client = undefined;
      client.removeAllListeners();
      await client.end().catch(() => undefined);
      throw error;
    }
  }

  #lost(client: pg.Client, error: Error): void {
    if (this.#client !== client || this.#stopped) return;
    this.#client = undefined;
    client.removeAllListeners();
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
    this.handlers.onError(error);
    this.#scheduleReconnect();
  }

  #scheduleReconnect(): void {
    if (this.#stopped) return;
    this.#retry = setTimeout(() => {
      this.#connect().catch((error: unknown) => {
        this.handlers.onError(error instanceof Error ? error : new Error(String(error)));
        this.#delay = Math.min(this.#delay * 2, RETRY_MS.max);
        this.#scheduleReconnect();
      });
    }, this.#delay);
  }

  #enqueue(work: () => Promise<void>): void {
    this.#queue = this.#queue.then(work).catch((error: unknown) => {
      this.handlers.onError(error instanceof Error ? error : new Error(String(error)));
    });
  }
}

function parseJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "");
  } catch {
    return undefined;
  }
}
