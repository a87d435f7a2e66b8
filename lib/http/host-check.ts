/**
 * The host a request names must be the app's own (APP_URL): a request for another host is
 * refused before any page or action runs, so that Next.js's server-action origin check, and
 * anything else that reads the host, compares against the real one.
 */

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function defaultPort(protocol: string): string {
  return protocol === "https:" ? "443" : "80";
}

/** `host[:port]` as a comparable pair; null when it is not a plain host. */
function parseHost(value: string, protocol: string): { hostname: string; port: string } | null {
  try {
    const url = new URL(`${protocol}//${value.trim()}`);
    if (url.username || url.password || url.pathname !== "/" || url.search || url.hash) return null;
    return { hostname: url.hostname.toLowerCase(), port: url.port || defaultPort(protocol) };
  } catch {
    return null;
  }
}

/**
 * Whether every host the request names (Host, and each X-Forwarded-Host entry) is APP_URL's.
 * When APP_URL is a loopback address (the local demo), any loopback name on the same port is
 * the same machine and is accepted.
 */
export function namesOwnHost(headers: Headers, appUrl: string): boolean {
  const app = new URL(appUrl);
  const own = { hostname: app.hostname.toLowerCase(), port: app.port || defaultPort(app.protocol) };
  const named = [headers.get("host"), ...(headers.get("x-forwarded-host")?.split(",") ?? [])].filter(
    (v): v is string => v !== null && v.trim() !== "",
  );
  if (named.length === 0) return false;
  return named.every((value) => {
    const host = parseHost(value, app.protocol);
    if (!host) return false;
    if (host.hostname === own.hostname && host.port === own.port) return true;
    return LOOPBACK.has(own.hostname) && LOOPBACK.has(host.hostname) && host.port === own.port;
  });
}
