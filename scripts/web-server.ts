/**
 * The production web process: Next.js behind a plain Node HTTP server that first decides what
 * the app may believe about the request's origin (lib/http/forwarded.ts, TRUST_PROXY), so that
 * no client can pick its own address for the per-IP limits or claim another host.
 * Listens on HOSTNAME (default 127.0.0.1: only the reverse proxy on the same host reaches it)
 * and PORT (default 3000). Started by scripts/start.ts.
 */
import { createServer } from "node:http";
import next from "next";
import { normalizeForwarding } from "../lib/http/forwarded";

const port = Number(process.env.PORT ?? "3000");
const hostname = process.env.HOSTNAME || "127.0.0.1";
const trustProxy = Number(process.env.TRUST_PROXY ?? "0");
if (!Number.isInteger(trustProxy) || trustProxy < 0) {
  console.error(`[web] TRUST_PROXY must be a whole number of proxies (0, 1, 2…), got "${process.env.TRUST_PROXY}"`);
  process.exit(1);
}

const app = next({ dev: false, dir: process.cwd(), hostname, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((request, response) => {
  normalizeForwarding(request.headers, request.socket.remoteAddress, trustProxy);
  // A request Next.js cannot handle (a URL it cannot decode, say) must answer 4xx/5xx, never take
  // the process down with an unhandled rejection.
  handle(request, response).catch((error: unknown) => {
    const undecodable = error instanceof URIError || (error as { name?: string } | null)?.name === "DecodeError";
    if (!undecodable) console.error("[web] request failed", request.method, request.url?.slice(0, 200), error);
    if (response.headersSent) return void response.destroy();
    response.statusCode = undecodable ? 400 : 500;
    response.setHeader("content-type", "text/plain; charset=utf-8");
    response.end(undecodable ? "Bad request\n" : "Internal server error\n");
  });
});
server.listen(port, hostname, () => {
  console.log(`[web] listening on ${hostname.includes(":") ? `[${hostname}]` : hostname}:${port} (TRUST_PROXY=${trustProxy})`);
});

const stop = () => {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
};
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
