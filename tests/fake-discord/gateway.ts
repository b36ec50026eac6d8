import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { GatewayCloseCodes, GatewayOpcodes } from "discord.js";
import { type WebSocket, WebSocketServer } from "ws";
import { z } from "zod";
import { type HandshakeDeps, identify, resume, sendControl } from "./gateway-handshake.ts";
import { type GatewaySession, GatewaySessions } from "./gateway-session.ts";
import { Waiters, type WaitOptions } from "./waiters.ts";
import { type FakeWorld, shardOf } from "./world.ts";

/** Long on purpose: a test never needs heartbeats, and discord.js's first one waits a random part of it. */
const HEARTBEAT_INTERVAL_MS = 45_000;

const incomingSchema = z.object({ op: z.number().int(), d: z.unknown() });

export interface GatewayStats {
  /** Path and query of each connection, e.g. `/resume?v=10&encoding=json`. */
  connectionUrls: string[];
  identifies: number;
  resumes: number;
  /** Opcodes the client sent, in order. */
  receivedOps: number[];
  /** [shard id, shard count] of every accepted IDENTIFY, in order. */
  identifiedShards: Array<readonly [number, number]>;
  /** Every dispatch a test made, with the shard it travelled on. */
  dispatches: Array<{ event: string; shard: number }>;
}

/** The WebSocket half of the fake, on the HTTP server's port, with the controls tests need. */
export class FakeGateway {
  readonly #wss = new WebSocketServer({ noServer: true });
  readonly #sessions = new GatewaySessions();
  readonly #waiters = new Waiters();
  readonly #stats: GatewayStats = {
    connectionUrls: [],
    identifies: 0,
    resumes: 0,
    receivedOps: [],
    identifiedShards: [],
    dispatches: [],
  };
  readonly #handshake: HandshakeDeps;
  /** Connections waiting for HELLO while handshakes are held. */
  #heldHellos: Array<() => void> | undefined;

  constructor(world: FakeWorld, baseUrl: () => string, token: string | undefined) {
    // A distinct resume path lets tests see that the client resumed where READY told it to.
    this.#handshake = { world, token, sessions: this.#sessions, resumeUrl: () => `${baseUrl()}/resume` };
  }

  attach(server: Server): void {
    server.on("upgrade", (request: IncomingMessage, socket: Duplex, head: Buffer) => {
      this.#wss.handleUpgrade(request, socket, head, (ws) => this.#onConnection(ws, request));
    });
  }

  get stats(): Readonly<GatewayStats> {
    return this.#stats;
  }

  /**
   * Sends a dispatch in the current session, or about a guild in the session of the guild's shard;
   * it is replayed on resume if the client is away.
   */
  dispatch(event: string, data: unknown, guildId?: string): void {
    const shardCount = this.#sessions.current.shard[1];
    const shard = guildId === undefined ? 0 : shardOf(guildId, shardCount);
    this.#sessions.forShard(shard).dispatch(event, data);
    this.#stats.dispatches.push({ event, shard });
  }

  /** Resolves once the client has opened `nth` connections in total (1 = the login). */
  waitForConnection(nth: number, options?: WaitOptions): Promise<void> {
    const find = () => (this.#stats.connectionUrls.length >= nth ? true : undefined);
    const describe = () => `Gateway so far: ${this.#stats.connectionUrls.length} connection(s).`;
    return this.#waiters.waitFor(find, `gateway connection #${nth}`, describe, options).then(() => undefined);
  }

  /** Resolves once the client has identified `nth` times in total (1 = the login). */
  waitForIdentify(nth = 1, options?: WaitOptions): Promise<void> {
    return this.#waitForCount("identifies", nth, options);
  }

  /** Resolves once `nth` resumes have completed, RESUMED included. */
  waitForResume(nth = 1, options?: WaitOptions): Promise<void> {
    return this.#waitForCount("resumes", nth, options);
  }

  /** Op 7: discord.js closes with 4200 and resumes on `resume_gateway_url`. */
  requestReconnect(): void {
    sendControl(this.#connectedSocket(), GatewayOpcodes.Reconnect, null);
  }

  /** An abrupt drop: no close frame by default (the client sees 1006), or a close with the given code. */
  dropConnection(options: { closeCode?: number } = {}): void {
    const socket = this.#connectedSocket();
    if (options.closeCode === undefined) socket.terminate();
    else socket.close(options.closeCode, "Dropped by the test");
  }

  /** Op 9. An unresumable session is forgotten, so the client has to identify again. */
  invalidateSession(resumable: boolean): void {
    const session = this.#sessions.current;
    sendControl(this.#connectedSocket(), GatewayOpcodes.InvalidSession, resumable);
    if (!resumable) this.#sessions.forget(session);
  }

  /**
   * New connections get no HELLO until `releaseHandshakes()`: the client stays disconnected for as long
   * as a test needs to look at it (a health check reading 503), without a timer deciding.
   */
  holdHandshakes(): void {
    this.#heldHellos ??= [];
  }

  releaseHandshakes(): void {
    const held = this.#heldHellos ?? [];
    this.#heldHellos = undefined;
    for (const sendHello of held) sendHello();
  }

  close(): Promise<void> {
    this.#waiters.rejectAll("closed while a test was still waiting for the gateway");
    for (const client of this.#wss.clients) client.terminate();
    return new Promise((resolve) => this.#wss.close(() => resolve()));
  }

  #onConnection(socket: WebSocket, request: IncomingMessage): void {
    this.#stats.connectionUrls.push(request.url ?? "/");
    let session: GatewaySession | undefined;
    socket.on("message", (raw) => {
      const parsed = incomingSchema.safeParse(parseJson(String(raw)));
      if (!parsed.success) {
        socket.close(GatewayCloseCodes.DecodeError, "Error while decoding payload.");
        return;
      }
      this.#stats.receivedOps.push(parsed.data.op);
      session = this.#onPayload(socket, session, parsed.data.op, parsed.data.d);
      this.#waiters.notify();
    });
    socket.on("close", () => {
      if (session?.socket === socket) session.socket = undefined;
    });
    const sendHello = () => {
      // The client may have given up on a held connection; a closed socket gets nothing.
      if (socket.readyState === socket.OPEN)
        sendControl(socket, GatewayOpcodes.Hello, { heartbeat_interval: HEARTBEAT_INTERVAL_MS });
    };
    if (this.#heldHellos === undefined) sendHello();
    else this.#heldHellos.push(sendHello);
    this.#waiters.notify();
  }

  /** Returns the session the socket belongs to after this payload. */
  #onPayload(socket: WebSocket, session: GatewaySession | undefined, op: number, d: unknown) {
    const deps = this.#handshake;
    switch (op) {
      case GatewayOpcodes.Heartbeat:
        sendControl(socket, GatewayOpcodes.HeartbeatAck, null);
        return session;
      case GatewayOpcodes.Identify: {
        const identified = identify(deps, socket, session, d);
        if (identified !== undefined && identified !== session) {
          this.#stats.identifies += 1;
          this.#stats.identifiedShards.push(identified.shard);
        }
        return identified;
      }
      case GatewayOpcodes.Resume: {
        const resumed = resume(deps, socket, session, d);
        if (resumed !== undefined && resumed !== session) this.#stats.resumes += 1;
        return resumed;
      }
      default:
        // Presence updates, member requests and the like change nothing a test looks at.
        return session;
    }
  }

  #connectedSocket(): WebSocket {
    const socket = this.#sessions.current.socket;
    if (socket === undefined)
      throw new Error("Fake Discord: the gateway session has no connected client right now.");
    return socket;
  }

  #waitForCount(counter: "identifies" | "resumes", nth: number, options?: WaitOptions): Promise<void> {
    const find = () => (this.#stats[counter] >= nth ? true : undefined);
    const describe = () =>
      `Gateway so far: ${this.#stats.connectionUrls.length} connection(s), ${this.#stats.identifies} identify, ` +
      `${this.#stats.resumes} resume; the client sent ops [${this.#stats.receivedOps.join(", ")}].`;
    return this.#waiters.waitFor(find, `gateway ${counter} #${nth}`, describe, options).then(() => undefined);
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
