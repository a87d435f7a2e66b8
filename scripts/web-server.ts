/**
 * The production web process: Next.js behind a plain Node HTTP server that first decides what
 * the app may believe about the request's origin (lib/http/forwarded.ts, TRUST_PROXY), so that
 * no client can pick its own address for the per-IP limits or claim another host.
 * Listens on HOSTNAME (default 127.0.0.1: only the reverse proxy on the same host reaches it)
 * and PORT (default 3000). Started by scripts/start.ts.
 * Writes one JSON access line per request (request id, path, route, method, status, duration,
 * user id when signed in) and, with METRICS_PORT set, serves Prometheus metrics on that port
 * (lib/observability/metrics.ts).
 */
import { createServer } from "node:http";
import next from "next";
import { sqlClient } from "../db/client";
import { normalizeForwarding } from "../lib/http/forwarded";
import { createPublicPageServer } from "../lib/http/public-page-server";
import { log, pathOnly, routeConsoleToLogger } from "../lib/observability/logger";
import { createMetrics } from "../lib/observability/metrics";
import { metricsOptionsFromEnv, startMetricsServer } from "../lib/observability/metrics-server";
import { openRequestContext, runInRequestContext } from "../lib/observability/request-context";
import { REQUEST_ID_HEADER } from "../lib/observability/request-id";
import { loadRoutePatterns } from "../lib/observability/routes";

const logger = log("web");
// Next.js's own messages (and any console.* of the app) become JSON lines too.
routeConsoleToLogger(logger);

const port = Number(process.env.PORT ?? "3000");
const hostname = process.env.HOSTNAME || "127.0.0.1";
const trustProxy = Number(process.env.TRUST_PROXY ?? "0");
if (!Number.isInteger(trustProxy) || trustProxy < 0) {
  logger.fatal(`TRUST_PROXY must be a whole number of proxies (0, 1, 2…), got "${process.env.TRUST_PROXY}"`);
  process.exit(1);
}
let metricsOptions: ReturnType<typeof metricsOptionsFromEnv> = null;
try {
  metricsOptions = metricsOptionsFromEnv();
} catch (error) {
  logger.fatal((error as Error).message);
  process.exit(1);
}

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const routeOf = loadRoutePatterns();
const metrics = createMetrics({ sql: sqlClient });
// Pages that are the same for every anonymous visitor, rendered once (lib/http/page-cache.ts).
const publicPages = createPublicPageServer({
  port,
  hostname,
  appUrl: process.env.APP_URL || "http://localhost:3000",
  trustProxy,
  sql: sqlClient(),
  onError: (error) => logger.error({ err: error }, "public page cache"),
});

/** Static files are many and dull: their lines are at debug level. */
function accessLevel(path: string, status: number): "debug" | "info" | "warn" | "error" {
  if (status >= 500) return "error";
  if (path.startsWith("/_next/") || path === "/api/health") return "debug";
  return "info";
}

const server = createServer((request, response) => {
  const started = process.hrtime.bigint();
  // The page cache's own render carries the headers of the request it renders for, already
  // normalized below: they are believed as they are.
  const ownRender = publicPages.isOwnRender(request);
  if (!ownRender) {
    // A client's X-Request-Id is kept only from the trusted proxy (proxy.ts checks its form).
    if (trustProxy === 0) delete request.headers[REQUEST_ID_HEADER];
    normalizeForwarding(request.headers, request.socket.remoteAddress, trustProxy);
  }
  // The app notes the signed-in user in this request's slot (lib/observability/request-context.ts).
  const { context, close } = openRequestContext(request.headers);
  response.once("close", () => {
    close();
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const path = pathOnly(request.url);
    const route = routeOf(path);
    const status = response.statusCode;
    const method = request.method ?? "GET";
    metrics.observeRequest({ method, route, status }, seconds);
    const requestId = context.requestId ?? response.getHeader(REQUEST_ID_HEADER);
    logger[accessLevel(path, status)](
      {
        requestId: typeof requestId === "string" ? requestId : undefined,
        method,
        path,
        route,
        status,
        durationMs: Math.round(seconds * 10_000) / 10,
        userId: context.userId,
        aborted: response.writableFinished ? undefined : true,
      },
      `${method} ${path} ${status}`,
    );
  });
  // A request Next.js cannot handle (a URL it cannot decode, say) must answer 4xx/5xx, never take
  // the process down with an unhandled rejection.
  const answer = async () => (!ownRender && (await publicPages.serve(request, response, context))) || (await runInRequestContext(context, () => handle(request, response)));
  answer().catch((error: unknown) => {
    const undecodable = error instanceof URIError || (error as { name?: string } | null)?.name === "DecodeError";
    if (!undecodable) logger.error({ err: error, method: request.method, path: pathOnly(request.url) }, "request failed");
    if (response.headersSent) return void response.destroy();
    response.statusCode = undecodable ? 400 : 500;
    response.setHeader("content-type", "text/plain; charset=utf-8");
    response.end(undecodable ? "Bad request\n" : "Internal server error\n");
  });
});
server.listen(port, hostname, () => {
  logger.info(`listening on ${hostname.includes(":") ? `[${hostname}]` : hostname}:${port} (TRUST_PROXY=${trustProxy})`);
});

if (metricsOptions) {
  const metricsServer = await startMetricsServer(metrics.registry, metricsOptions);
  const address = metricsServer.address();
  const where = typeof address === "object" && address ? `${address.address}:${address.port}` : String(address);
  logger.info(`metrics on http://${where}/metrics${metricsOptions.token ? " (bearer token required)" : ""}`);
  if (!metricsOptions.token && !["127.0.0.1", "::1", "localhost"].includes(metricsOptions.host ?? "")) {
    logger.warn(`METRICS_HOST=${metricsOptions.host} without METRICS_TOKEN: anyone who reaches that address reads the metrics`);
  }
}

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
