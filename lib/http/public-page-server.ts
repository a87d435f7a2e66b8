/**
 * The web process's side of the public-page cache (lib/http/page-cache.ts): answers a cacheable
 * request from memory, or renders it once through Next.js on a loopback request of its own (so
 * that proxy.ts, the CSP, the security headers and the page run exactly as for any request) and
 * stores the answer. Listens for `public_pages` notifications to empty the cache.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import { request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import { gzip } from "node:zlib";
import { promisify } from "node:util";
import type postgres from "postgres";
import { namesOwnHost } from "@/lib/http/host-check";
import { answerWithNonce, PAGE_CACHE_HEADER, PageCache, publicPageKey, PUBLIC_PAGES_CHANNEL, storablePage, type StoredPage } from "@/lib/http/page-cache";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/observability/request-id";

const gzipAsync = promisify(gzip);
const INTERNAL_HEADER = "x-compagnon-page-render";

export interface PublicPageServer {
  /** Whether this request is the cache's own render (its marker header is removed). */
  isOwnRender(request: IncomingMessage): boolean;
  /** Answers from the cache and returns true, or returns false: Next.js handles the request. */
  serve(request: IncomingMessage, response: ServerResponse, context: { requestId?: string }): Promise<boolean>;
  cache: PageCache;
}

export function createPublicPageServer(options: { port: number; hostname: string; appUrl: string; trustProxy: number; sql: postgres.Sql; onError: (error: unknown) => void }): PublicPageServer {
  const cache = new PageCache({ maxEntries: 500, maxBytes: 64 * 1024 * 1024, ttlMs: 30_000 });
  const secret = Buffer.from(randomUUID());
  // Emptied on every change of the data behind the pages, and whenever the listening
  // connection was (re)established: a notification may have been missed meanwhile.
  options.sql.listen(PUBLIC_PAGES_CHANNEL, () => cache.invalidate(), () => cache.invalidate()).catch(options.onError);

  function render(request: IncomingMessage): Promise<StoredPage | null> {
    const headers: Record<string, string> = { [INTERNAL_HEADER]: secret.toString(), "accept-encoding": "identity", accept: "text/html" };
    for (const name of ["host", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-for", "accept-language", "user-agent"]) {
      const value = request.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const locale = /(?:^|;\s*)NEXT_LOCALE=([^;]*)/.exec(request.headers.cookie ?? "")?.[1];
    if (locale) headers.cookie = `NEXT_LOCALE=${locale}`;
    const host = options.hostname === "0.0.0.0" || options.hostname === "::" ? "127.0.0.1" : options.hostname;
    return new Promise((resolve, reject) => {
      const internal = httpRequest({ host, port: options.port, path: request.url, method: "GET", headers }, (answer) => {
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => resolve(storablePage(answer.statusCode ?? 0, answer.headers, Buffer.concat(chunks))));
        answer.on("error", reject);
      });
      internal.on("error", reject);
      internal.setTimeout(30_000, () => internal.destroy(new Error("page render timed out")));
      internal.end();
    });
  }

  return {
    cache,
    isOwnRender(request) {
      const marker = request.headers[INTERNAL_HEADER];
      delete request.headers[INTERNAL_HEADER];
      return typeof marker === "string" && marker.length === secret.length && timingSafeEqual(Buffer.from(marker), secret);
    },
    async serve(request, response, context) {
      if (process.env.NODE_ENV !== "production") return false;
      const key = publicPageKey(request.method, request.url, request.headers);
      if (!key) return false;
      const hostHeaders = new Headers();
      for (const name of ["host", "x-forwarded-host"]) {
        const value = request.headers[name];
        if (typeof value === "string") hostHeaders.set(name, value);
      }
      if (!namesOwnHost(hostHeaders, options.appUrl)) return false; // proxy.ts answers 421
      let page: StoredPage | null;
      try {
        page = await cache.getOrRender(key, () => render(request));
      } catch (error) {
        options.onError(error);
        return false;
      }
      if (!page) return false;
      const nonce = Buffer.from(randomUUID()).toString("base64");
      const { headers, body } = answerWithNonce(page, nonce);
      const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      const sent = acceptsGzip ? await gzipAsync(body, { level: 4 }) : body;
      const requestId = requestIdFor(typeof request.headers[REQUEST_ID_HEADER] === "string" ? request.headers[REQUEST_ID_HEADER] : null, options.trustProxy);
      context.requestId = requestId;
      response.statusCode = page.status;
      for (const [name, values] of headers) response.setHeader(name, values.length === 1 ? values[0]! : values);
      response.setHeader(REQUEST_ID_HEADER, requestId);
      response.setHeader(PAGE_CACHE_HEADER, "hit");
      if (acceptsGzip) response.setHeader("content-encoding", "gzip");
      response.setHeader("content-length", sent.length);
      response.end(sent);
      return true;
    },
  };
}
