import { createServer, type IncomingMessage, type Server } from "node:http";
import { type PlainResponse, postText } from "../fake-discord/http-delivery.ts";

/**
 * The load balancer in front of HTTP replicas, as small as one can be: each request goes to the next
 * replica in turn, and to the one after when a replica does not take the connection (it died). It
 * reads the custom ids in every answer, and a click on one of them is sent to a replica other than
 * the one that wrote it: the case the replicas' shared state exists for.
 */
export interface RoundRobinProxy {
  url: string;
  /** Which replica answered each interaction, by interaction id. */
  answeredBy: ReadonlyMap<string, number>;
  /** Requests sent to a replica other than the one that wrote the button they carry. */
  crossedOver: number;
  /** Sends every request to this replica, as a sticky session would; undefined goes back to round robin. */
  pin(index: number | undefined): void;
  /** Takes a replica out, as if its machine had gone: it gets no request again. */
  down(index: number): void;
  close(): Promise<void>;
}

const CUSTOM_ID = /"custom_id":"((?:[^"\\]|\\.)*)"/g;

export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<RoundRobinProxy> {
  let next = 0;
  const answeredBy = new Map<string, number>();
  const writtenBy = new Map<string, number>();
  const stats = { crossedOver: 0 };
  let pinned: number | undefined;
  const gone = new Set<number>();

  const server: Server = createServer((request, response) => {
    void (async () => {
      const body = await readAll(request);
      const { id, customId } = describe(body);
      const writer = customId === undefined ? undefined : writtenBy.get(customId);
      let first = pinned ?? next;
      next = (next + 1) % upstreams.length;
      if (pinned === undefined && writer !== undefined && first === writer)
        first = (first + 1) % upstreams.length;
      if (writer !== undefined && first !== writer) stats.crossedOver += 1;
      for (let attempt = 0; attempt < upstreams.length; attempt++) {
        const index = (first + attempt) % upstreams.length;
        if (gone.has(index)) continue;
        let answer: PlainResponse;
        try {
          const url = `${upstreams[index]}${request.url ?? "/"}`;
          answer = await postText(url, request.method ?? "GET", forwardedHeaders(request), body);
        } catch {
          continue; // Refused or reset: that replica is down, the next one takes the request.
        }
        if (id !== undefined) answeredBy.set(id, index);
        for (const match of answer.text.matchAll(CUSTOM_ID))
          writtenBy.set(JSON.parse(`"${match[1]}"`), index);
        response.writeHead(answer.status, { "content-type": answer.contentType ?? "text/plain" });
        response.end(answer.text);
        return;
      }
      response.writeHead(502).end();
    })();
  });
  // Idle connections are closed by the client (the fake Discord), never under a request it is sending.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("proxy: no port");
  return {
    url: `http://127.0.0.1:${address.port}`,
    answeredBy,
    get crossedOver() {
      return stats.crossedOver;
    },
    pin(index) {
      pinned = index;
    },
    down(index) {
      gone.add(index);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readAll(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks);
}

function describe(body: Buffer): { id?: string; customId?: string } {
  try {
    const parsed: unknown = JSON.parse(body.toString("utf8"));
    if (typeof parsed !== "object" || parsed === null) return {};
    const id = "id" in parsed && typeof parsed.id === "string" ? parsed.id : undefined;
    const data =
      "data" in parsed && typeof parsed.data === "object" && parsed.data !== null ? parsed.data : {};
    const customId = "custom_id" in data && typeof data.custom_id === "string" ? data.custom_id : undefined;
    return { ...(id === undefined ? {} : { id }), ...(customId === undefined ? {} : { customId }) };
  } catch {
    return {};
  }
}

function forwardedHeaders(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of ["content-type", "x-signature-ed25519", "x-signature-timestamp"]) {
    const value = request.headers[name];
    if (typeof value === "string") headers[name] = value;
  }
  return headers;
}
