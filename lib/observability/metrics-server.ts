/**
 * Serves a registry's metrics at GET /metrics on a port of its own (METRICS_PORT), bound to
 * 127.0.0.1 unless METRICS_HOST says otherwise, so the public reverse proxy never exposes them.
 * With METRICS_TOKEN set, a scrape must send `Authorization: Bearer <token>`.
 */
import { timingSafeEqual } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { Registry } from "prom-client";

export interface MetricsServerOptions {
  port: number;
  host?: string;
  token?: string;
}

function authorized(header: string | undefined, token: string | undefined): boolean {
  if (!token) return true;
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export async function startMetricsServer(registry: Registry, options: MetricsServerOptions): Promise<Server> {
  const server = createServer((request, response) => {
    const pathname = (request.url ?? "/").split("?")[0];
    if (pathname !== "/metrics" || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": "text/plain; charset=utf-8" }).end("Not found: scrape /metrics\n");
      return;
    }
    if (!authorized(request.headers.authorization, options.token)) {
      response.writeHead(401, { "content-type": "text/plain; charset=utf-8", "www-authenticate": "Bearer" }).end("Unauthorized\n");
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { "content-type": registry.contentType }).end(request.method === "HEAD" ? undefined : text),
      () => response.writeHead(500, { "content-type": "text/plain; charset=utf-8" }).end("metrics failed\n"),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  return server;
}

/** METRICS_* from the environment: null when METRICS_PORT is unset (metrics off). */
export function metricsOptionsFromEnv(env: Record<string, string | undefined> = process.env): MetricsServerOptions | null {
  const raw = env.METRICS_PORT?.trim();
  if (!raw) return null;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`METRICS_PORT must be a port number, got "${raw}"`);
  return { port, host: env.METRICS_HOST?.trim() || "127.0.0.1", token: env.METRICS_TOKEN?.trim() || undefined };
}
