/** The request header by which the proxy tells the root layout the page's path (never trusted from the client: the proxy sets it). */
export const PATH_HEADER = "x-compagnon-path";

/** A path of this app to return to (never another origin, nor the acceptance page itself); /dashboard otherwise. */
export function safeCallbackPath(value: string | null | undefined): string {
  if (!value || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\") || value.startsWith("/legal/accept")) return "/dashboard";
  return value.slice(0, 2000);
}

/** Pages a person with versions to accept may still open: the texts, the acceptance, sign-out, contact, closing the account. */
export function mayPassWithoutAccepting(path: string): boolean {
  return ["/legal/", "/signin", "/contact", "/support", "/account", "/api/", "/second-factor", "/dev/mailbox"].some((prefix) => path === prefix.replace(/\/$/, "") || path.startsWith(prefix));
}
