import type { IncomingHttpHeaders } from "node:http";
import type { UploadedFile } from "./request-body.ts";
import { Waiters, type WaitOptions } from "./waiters.ts";

/** One HTTP request the fake received, with what it answered. */
export interface RecordedRequest {
  /** Position in the log, from 0; pass `since: fake.requests.length` to wait only for later requests. */
  index: number;
  method: string;
  /** Below /api/v10, URL-decoded: `/webhooks/123/abc/messages/@original`. */
  path: string;
  /** Exactly as received, still encoded. */
  rawPath: string;
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  /** Parsed JSON, or the `payload_json` part of a multipart body. */
  body: unknown;
  files: UploadedFile[];
  status: number;
  responseBody: unknown;
  /** True when the answer came from `failNext`, not from the route. */
  injectedFault: boolean;
}

export type RequestPredicate = (request: RecordedRequest) => boolean;

export interface RequestWaitOptions extends WaitOptions {
  /** Ignore requests recorded before this index. Default 0: a request that already arrived counts. */
  since?: number;
}

export class RequestLog {
  readonly #requests: RecordedRequest[] = [];
  readonly #waiters = new Waiters();

  get all(): readonly RecordedRequest[] {
    return this.#requests;
  }

  record(request: Omit<RecordedRequest, "index">): RecordedRequest {
    const recorded = { ...request, index: this.#requests.length };
    this.#requests.push(recorded);
    this.#waiters.notify();
    return recorded;
  }

  /**
   * The first request matching `predicate`, whether it already arrived or arrives later. Counting past
   * requests avoids the race where the bot answers before the test starts waiting.
   */
  waitFor(
    predicate: RequestPredicate,
    description: string,
    options: RequestWaitOptions = {},
  ): Promise<RecordedRequest> {
    const since = options.since ?? 0;
    const find = () => this.#requests.find((request) => request.index >= since && predicate(request));
    return this.#waiters.waitFor(find, description, () => this.describe(), options);
  }

  /** A readable summary for timeout messages: what did arrive, and how the fake answered. */
  describe(): string {
    if (this.#requests.length === 0) return "The fake received no HTTP requests.";
    const lines = this.#requests.map((request) => {
      const query = new URLSearchParams(request.query).toString();
      const note = request.injectedFault ? " (injected fault)" : errorCodeOf(request.responseBody);
      return `  #${request.index} ${request.method} ${request.path}${query ? `?${query}` : ""} → ${request.status}${note}`;
    });
    return `Requests received:\n${lines.join("\n")}`;
  }

  close(): void {
    this.#waiters.rejectAll("closed while a test was still waiting for a request");
  }
}

function errorCodeOf(body: unknown): string {
  if (typeof body !== "object" || body === null || !("code" in body)) return "";
  return ` (code ${String(body.code)})`;
}
