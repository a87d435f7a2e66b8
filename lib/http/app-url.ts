import { env } from "@/lib/env";

/**
 * The public origin of the app, from `APP_URL` alone. Every absolute URL the app writes (email
 * links, sign-in links, provider return URLs) is built here, never from request headers: a
 * forged `Host` or `X-Forwarded-Host` must not be able to aim a link at another site.
 */
export function appOrigin(): string {
  return new URL(env().APP_URL).origin;
}

/** An absolute URL on the app for a path (`/contracts/…`), from `APP_URL`. */
export function appUrl(path = "/"): string {
  if (!path.startsWith("/") || path.startsWith("//")) throw new Error(`appUrl expects an absolute path, got ${path}`);
  return `${appOrigin()}${path}`;
}

/** Whether the app is served over HTTPS (secure cookies, HSTS), decided by `APP_URL` alone. */
export function appUsesHttps(): boolean {
  return new URL(env().APP_URL).protocol === "https:";
}
