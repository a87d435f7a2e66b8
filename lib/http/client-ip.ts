/**
 * The client's IP address, for rate limiting. Our web server (scripts/web-server.ts) has already
 * reduced X-Forwarded-For to the one address it believes, according to TRUST_PROXY (see
 * lib/http/forwarded.ts); under `next dev`, Next.js fills it from the socket. Nothing else, such
 * as X-Real-IP, is read: a client could write it.
 */
export function clientIp(headers: Headers): string | null {
  const parts = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return parts?.at(-1) ?? null;
}
