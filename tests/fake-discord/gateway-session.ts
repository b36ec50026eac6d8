import { GatewayOpcodes } from "discord.js";
import { WebSocket } from "ws";

/** A dispatch as sent on the wire; kept so a resuming client can be sent what it missed. */
export interface SentDispatch {
  op: GatewayOpcodes.Dispatch;
  t: string;
  s: number;
  d: unknown;
}

/**
 * One gateway session: its sequence numbers and every dispatch sent in it. Dispatches made while no
 * socket is attached (the client is reconnecting) are only logged, and reach the client when it resumes,
 * exactly what Discord guarantees and what a bot relies on not to lose interactions.
 */
export class GatewaySession {
  #sequence = 0;
  readonly #sent: SentDispatch[] = [];
  socket: WebSocket | undefined;

  constructor(
    readonly id: string,
    /** [shard id, shard count], as IDENTIFY asked; [0, 1] for an unsharded client. */
    readonly shard: readonly [number, number] = [0, 1],
  ) {}

  get sequence(): number {
    return this.#sequence;
  }

  dispatch(event: string, data: unknown): SentDispatch {
    this.#sequence += 1;
    const payload: SentDispatch = { op: GatewayOpcodes.Dispatch, t: event, s: this.#sequence, d: data };
    this.#sent.push(payload);
    this.#send(payload);
    return payload;
  }

  /** Attaches the resuming socket and sends it every dispatch after `afterSequence`, in order. */
  resumeOn(socket: WebSocket, afterSequence: number): number {
    this.socket = socket;
    // RESUMED marks the end of one replay; sending an old one again would end the next replay early.
    const missed = this.#sent.filter((payload) => payload.s > afterSequence && payload.t !== "RESUMED");
    for (const payload of missed) this.#send(payload);
    return missed.length;
  }

  #send(payload: SentDispatch): void {
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(payload));
  }
}

/** All sessions the fake remembers, and which one new dispatches go to: the latest of each shard. */
export class GatewaySessions {
  readonly #byId = new Map<string, GatewaySession>();
  readonly #latestByShard = new Map<number, GatewaySession>();
  #created = 0;

  /** The latest session a client identified (on shard 0 when sharded), unless it was invalidated since. */
  get current(): GatewaySession {
    return this.forShard(0);
  }

  forShard(shardId: number): GatewaySession {
    const session = this.#latestByShard.get(shardId);
    if (session === undefined) {
      throw new Error(
        `Fake Discord: no gateway session on shard ${shardId} yet; log the client in and await its clientReady first.`,
      );
    }
    return session;
  }

  create(shard: readonly [number, number] = [0, 1]): GatewaySession {
    this.#created += 1;
    const session = new GatewaySession(`fake-session-${this.#created}`, shard);
    this.#byId.set(session.id, session);
    this.#latestByShard.set(shard[0], session);
    return session;
  }

  find(id: string): GatewaySession | undefined {
    return this.#byId.get(id);
  }

  /** After this a RESUME of the session is refused, as Discord does for an invalidated session. */
  forget(session: GatewaySession): void {
    this.#byId.delete(session.id);
    if (this.#latestByShard.get(session.shard[0]) === session) this.#latestByShard.delete(session.shard[0]);
  }
}
