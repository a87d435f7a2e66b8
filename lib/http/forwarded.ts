/**
 * What the web server tells the app about a request's origin, before Next.js sees it.
 *
 * `TRUST_PROXY` is the number of reverse proxies in front of the app, each appending the address
 * it received the request from to `X-Forwarded-For`. The client is the address the outermost
 * trusted proxy saw: the entry that many places from the end, counting the socket's peer as the
 * last one. With 0 (no proxy), every forwarding header the client sent is dropped and the socket's
 * peer is the client. The app then reads one `X-Forwarded-For` entry that nobody could forge.
 */
import type { IncomingHttpHeaders } from "node:http";

const CLIENT_CLAIMS = ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "x-real-ip", "forwarded"];

export function clientAddress(forwardedFor: string | string[] | undefined, peer: string | undefined, trustProxy: number): string | undefined {
  const listed = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const chain = peer ? [...listed, peer] : listed;
  if (chain.length === 0) return undefined;
  return chain[Math.max(0, chain.length - 1 - trustProxy)];
}

/** Rewrites the request's forwarding headers in place (see above). */
export function normalizeForwarding(headers: IncomingHttpHeaders, peer: string | undefined, trustProxy: number): void {
  const client = clientAddress(trustProxy > 0 ? headers["x-forwarded-for"] : undefined, peer, trustProxy);
  if (trustProxy === 0) for (const name of CLIENT_CLAIMS) delete headers[name];
  if (client) headers["x-forwarded-for"] = client;
  else delete headers["x-forwarded-for"];
  delete headers["x-real-ip"];
}
