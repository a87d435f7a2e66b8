/**
 * The client's IP address, for rate limiting: the last X-Forwarded-For entry, which is the one
 * written by the nearest hop (our reverse proxy appends it; with no proxy, Next.js fills the
 * header from the socket when the client did not send one). In production, run behind a reverse
 * proxy that sets the header, as the README says.
 */
export function clientIp(headers: Headers): string | null {
  const parts = headers
    .get("x-forwarded-for")
    ?.split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  return parts?.at(-1) ?? headers.get("x-real-ip")?.trim() ?? null;
}
