import { createServer, type ServerResponse } from "node:http";
import type { Logger } from "pino";
import type { Registry } from "prom-client";
import { UserError } from "../user-error.ts";

/** What /healthz reports: healthy only when every check passes. */
export interface HealthReport {
  gateway: "connected" | "connecting" | "disconnected";
  store: "ok" | "failing";
}

export interface OpsServerOptions {
  port: number;
  host: string;
  registry: Registry;
  health: () => Promise<HealthReport>;
  logger: Logger;
}

export interface OpsServer {
  /** `http://host:port`, with the port actually bound (METRICS_PORT=0 picks a free one). */
  url: string;
  close(): Promise<void>;
}

/**
 * The HTTP server for whatever watches the bot: `/healthz` (200 when the gateway is connected and the
 * store answers, 503 otherwise, with the details as JSON) and `/metrics` in Prometheus' text format.
 * Nothing else: it is no place for the bot's own features.
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://localhost").pathname;
    if (request.method !== "GET" && request.method !== "HEAD") return send(response, 405, "text/plain", "");
    if (path === "/healthz") {
      void options.health().then((report) => {
        const healthy = report.gateway === "connected" && report.store === "ok";
        const body = JSON.stringify({ status: healthy ? "ok" : "unavailable", ...report });
        send(response, healthy ? 200 : 503, "application/json", body);
      });
      return;
    }
    if (path === "/metrics") {
      void options.registry.metrics().then(
        (text) => send(response, 200, options.registry.contentType, text),
        (error: unknown) => {
          options.logger.error({ error: String(error) }, "could not collect metrics");
          send(response, 500, "text/plain", "");
        },
      );
      return;
    }
    send(response, 404, "text/plain", "Try /healthz or /metrics.\n");
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) => reject(listenError(options, error)));
    server.listen(options.port, options.host, () => resolve());
  });
  const address = server.address();
  const port = address !== null && typeof address === "object" ? address.port : options.port;
  const url = `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${port}`;
  options.logger.info({ url }, "health and metrics served at /healthz and /metrics");
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" }).end(body);
}

function listenError({ port, host }: OpsServerOptions, error: NodeJS.ErrnoException): Error {
  const where = `${host}:${port}`;
  if (error.code === "EADDRINUSE")
    return new UserError(
      "metrics-port",
      `METRICS_PORT ${port} is already in use on ${host}: choose another port, or stop what listens there.`,
    );
  if (error.code === "EACCES")
    return new UserError(
      "metrics-port",
      `Not allowed to listen on ${where} (METRICS_PORT): choose a port above 1023.`,
    );
  if (error.code === "EADDRNOTAVAIL")
    return new UserError(
      "metrics-host",
      `METRICS_HOST ${host} is not an address of this machine: use 127.0.0.1, 0.0.0.0 or one of its own.`,
    );
  return error;
}
