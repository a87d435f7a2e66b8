import "server-only";
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
import { forgetCatalog, watchCatalog } from "@/lib/experts/catalog-cache";
import { namesOwnHost } from "@/lib/http/host-check";
import { answerWithNonce, isSearchKey, PAGE_CACHE_HEADER, PageCache, publicPageKey, PUBLIC_PAGES_CHANNEL, storablePage } from "@/lib/http/page-cache";
import { REQUEST_ID_HEADER, requestIdFor } from "@/lib/observability/request-id";

const gzipAsync = promisify(gzip);
const INTERNAL_HEADER = "x-compagnon-page-render";
const HOP_BY_HOP = new Set(["connection", "keep-alive", "transfer-encoding", "content-length"]);

export interface PublicPageServer {
  /** Whether this request is the cache's own render (its marker header is removed). */
  isOwnRender(request: IncomingMessage): boolean;
  /** Answers from the cache and returns true, or returns false: Next.js handles the request. */
  serve(request: IncomingMessage, response: ServerResponse, context: { requestId?: string }): Promise<boolean>;
  cache: PageCache;
  /** The searches' pages, apart: a stream of different searches never pushes the pages above out. */
  searches: PageCache;
  /** Resolves once it listens for changes: the kept catalogue then lasts until one (lib/experts/catalog-cache.ts). */
  ready: Promise<void>;
}

export function createPublicPageServer(options: { port: number; hostname: string; appUrl: string; trustProxy: number; sql: postgres.Sql; onError: (error: unknown) => void }): PublicPageServer {
  const cache = new PageCache({ maxEntries: 500, maxBytes: 64 * 1024 * 1024, ttlMs: 30_000 });
  const searches = new PageCache({ maxEntries: 300, maxBytes: 16 * 1024 * 1024, ttlMs: 30_000 });
  const secret = Buffer.from(randomUUID());
  // Emptied on every change of the data behind the pages, and whenever the listening
  // connection was (re)established: a notification may have been missed meanwhile.
  // The catalogue the searches' filters show is kept in the process too (lib/experts/catalog-cache.ts).
  const invalidate = () => (cache.invalidate(), searches.invalidate(), forgetCatalog());
  let listening = () => {};
  const ready = new Promise<void>((resolve) => (listening = resolve));
  const listened = () => (invalidate(), watchCatalog(true), listening());
  options.sql.listen(PUBLIC_PAGES_CHANNEL, invalidate, listened).catch(options.onError);

  // The host check's answers, remembered for the few host names a server sees (bounded: the names are the client's).
  const hostAnswers = new Map<string, boolean>();
  function ownHost(request: IncomingMessage): boolean {
    const named = [request.headers.host, request.headers["x-forwarded-host"]].map((v) => (typeof v === "string" ? v : ""));
    const key = named.join("\n");
    let answer = hostAnswers.get(key);
    if (answer === undefined) {
      const headers = new Headers();
      if (named[0]) headers.set("host", named[0]);
      if (named[1]) headers.set("x-forwarded-host", named[1]);
      answer = namesOwnHost(headers, options.appUrl);
      if (hostAnswers.size >= 100) hostAnswers.clear();
      hostAnswers.set(key, answer);
    }
    return answer;
  }

  interface Rendered {
    status: number;
    headers: IncomingMessage["headers"];
    body: Buffer;
  }

  function render(request: IncomingMessage): Promise<Rendered> {
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
        answer.on("end", () => resolve({ status: answer.statusCode ?? 0, headers: answer.headers, body: Buffer.concat(chunks) }));
        answer.on("error", reject);
      });
      internal.on("error", reject);
      internal.setTimeout(30_000, () => internal.destroy(new Error("page render timed out")));
      internal.end();
    });
  }

  function sendAsRendered(response: ServerResponse, rendered: Rendered, context: { requestId?: string }): true {
    response.statusCode = rendered.status;
    for (const [name, value] of Object.entries(rendered.headers)) {
      if (value !== undefined && !HOP_BY_HOP.has(name)) response.setHeader(name, value);
    }
    const requestId = rendered.headers[REQUEST_ID_HEADER];
    if (typeof requestId === "string") context.requestId = requestId;
    response.setHeader("content-length", rendered.body.length);
    response.end(rendered.body);
    return true;
  }

  return {
    cache,
    searches,
    ready,
    isOwnRender(request) {
      const marker = request.headers[INTERNAL_HEADER];
      delete request.headers[INTERNAL_HEADER];
      return typeof marker === "string" && marker.length === secret.length && timingSafeEqual(Buffer.from(marker), secret);
    },
    async serve(request, response, context) {
      if (process.env.NODE_ENV !== "production") return false;
      const key = publicPageKey(request.method, request.url, request.headers);
      if (!key) return false;
      if (!ownHost(request)) return false; // proxy.ts answers 421
      // This request's own render, when it made one: an answer that may not be stored (a 404
      // for an unknown need, say) is sent as rendered, never rendered a second time.
      let rendered: Rendered | null = null;
      const page = await (isSearchKey(key) ? searches : cache).getOrRender(key, async () => {
        rendered = await render(request).catch((error: unknown) => (options.onError(error), null));
        return rendered && storablePage(rendered.status, rendered.headers, rendered.body);
      });
      if (!page && rendered) return sendAsRendered(response, rendered, context);
      if (!page) return false;
      const nonce = Buffer.from(randomUUID()).toString("base64");
      const { headers, chunks, length } = answerWithNonce(page, nonce);
      const acceptsGzip = /\bgzip\b/.test(String(request.headers["accept-encoding"] ?? ""));
      const gzipped = acceptsGzip ? await gzipAsync(Buffer.concat(chunks, length), { level: 4 }) : null;
      const requestId = requestIdFor(typeof request.headers[REQUEST_ID_HEADER] === "string" ? request.headers[REQUEST_ID_HEADER] : null, options.trustProxy);
      context.requestId = requestId;
      response.statusCode = page.status;
      for (const [name, values] of headers) response.setHeader(name, values.length === 1 ? values[0]! : values);
      response.setHeader(REQUEST_ID_HEADER, requestId);
      // "miss": this request's own render, stored for the next ones.
      response.setHeader(PAGE_CACHE_HEADER, rendered ? "miss" : "hit");
      if (gzipped) response.setHeader("content-encoding", "gzip");
      response.setHeader("content-length", gzipped ? gzipped.length : length);
      if (gzipped) {
        response.end(gzipped);
      } else {
        response.cork();
        for (const chunk of chunks) response.write(chunk);
        response.end();
      }
      return true;
    },
  };
}
