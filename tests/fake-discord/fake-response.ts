/** What a route handler decides to answer; the HTTP server serialises it and records it with the request. */
export interface FakeResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export function ok(body: unknown, status = 200): FakeResponse {
  return { status, body };
}

export function noContent(): FakeResponse {
  return { status: 204 };
}
