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

  constructor(readonly id: string) {}

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

/** All sessions the fake remembers, and which one new dispatches go to. */
export class GatewaySessions {
  readonly #byId = new Map<string, GatewaySession>();
  #latest: GatewaySession | undefined;
  #created = 0;

  /** The latest session a client identified, unless it was invalidated since. */
  get current(): GatewaySession {
    if (this.#latest === undefined) {
      throw new Error(
        "Fake Discord: no gateway session yet; log the client in and await its clientReady first.",
      );
    }
    return this.#latest;
  }

  create(): GatewaySession {
    this.#created += 1;
    const session = new GatewaySession(`fake-session-${this.#created}`);
    this.#byId.set(session.id, session);
    this.#latest = session;
    return session;
  }

  find(id: string): GatewaySession | undefined {
    return this.#byId.get(id);
  }

  /** After this a RESUME of the session is refused, as Discord does for an invalidated session. */
  forget(session: GatewaySession): void {
    this.#byId.delete(session.id);
    if (this.#latest === session) this.#latest = undefined;
  }
}
