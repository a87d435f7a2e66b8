import { NextResponse, type NextRequest } from "next/server";
import { namesOwnHost } from "@/lib/http/host-check";
import { PATH_HEADER } from "@/lib/legal/callback";
import { refuseBodySize, refuseMalformedAction, refusePath } from "@/lib/http/request-guard";
import { LOG_SLOT_HEADER, requestContext } from "@/lib/observability/request-context";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/observability/request-id";

const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
/** Pages that need a signed-in person; the use cases check roles and ownership themselves. */
const PROTECTED_PREFIXES = ["/dashboard", "/onboarding", "/admin", "/expert/", "/jobs/new", "/contracts", "/invoices", "/account", "/notifications", "/second-factor"];

/**
 * With real Stripe keys, forms post to our server actions, which redirect to Stripe Checkout or
 * Connect onboarding: the browser only follows such a redirect when form-action allows the host.
 */
const STRIPE_FORM_TARGETS = "https://checkout.stripe.com https://connect.stripe.com";

export function contentSecurityPolicy(nonce: string, isDev: boolean, stripe = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${isDev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    `form-action 'self'${stripe ? ` ${STRIPE_FORM_TARGETS}` : ""}`,
    "frame-ancestors 'none'",
    "manifest-src 'self'",
    "worker-src 'self' blob:",
  ].join("; ");
}

function appUrl(): string {
  return process.env.APP_URL || "http://localhost:3000";
}

/**
 * Proxy (formerly middleware): refuses requests Next.js could not read (a broken path, a body
 * over the size limit, a malformed server action call) with a 4xx, sets the per-request CSP
 * nonce, and sends anonymous visitors of private pages to the sign-in page. It only redirects;
 * authorization lives in the use cases. Every answer carries the request's id (X-Request-Id),
 * which the app also receives as a request header and the web server's log line carries.
 */
export async function proxy(request: NextRequest) {
  const requestId = requestIdFor(request.headers.get(REQUEST_ID_HEADER), Number(process.env.TRUST_PROXY ?? "0") || 0);
  // The web server's log lines of this request carry it (lib/observability/request-context.ts).
  const context = requestContext(request.headers.get(LOG_SLOT_HEADER));
  if (context) context.requestId = requestId;
  const response = await answer(request, requestId);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

async function answer(request: NextRequest, requestId: string): Promise<Response> {
  const { pathname, search } = request.nextUrl;
  // A request for another host (forged Host or X-Forwarded-Host) never reaches a page or an
  // action, nor has its body read. Liveness stays answerable by a local probe.
  if (process.env.NODE_ENV === "production" && pathname !== "/api/health" && !namesOwnHost(request.headers, appUrl())) {
    return new NextResponse("Misdirected request: this server answers only for its own address.\n", {
      status: 421,
      headers: { "content-type": "text/plain; charset=utf-8" },
    });
  }
  const refused = refusePath(pathname) ?? refuseBodySize(request) ?? (await refuseMalformedAction(request));
  if (refused) return refused;
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (!hasSession && PROTECTED_PREFIXES.some((p) => pathname === p || pathname.startsWith(p.endsWith("/") ? p : `${p}/`))) {
    const url = request.nextUrl.clone();
    url.pathname = "/signin";
    url.search = `?callbackUrl=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(url);
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development", Boolean(process.env.STRIPE_SECRET_KEY));
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  // The page's own path, for the root layout's redirect to pending legal acceptances (set here, never the client's).
  requestHeaders.set(PATH_HEADER, pathname + search);
  requestHeaders.set(REQUEST_ID_HEADER, requestId);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (process.env.NODE_ENV === "production" && process.env.APP_URL?.startsWith("https://")) {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: ["/((?!_next/static|_next/image).*)"],
};
