/**
 * The public-page cache of the web process (scripts/web-server.ts): pages that are the same for
 * every anonymous visitor (`/`, the legal pages, the job board and the directory without a search,
 * an expert's page, a need's page)
 * are rendered by Next.js once per locale and then served from memory.
 *
 * The CSP stays a per-request nonce: a stored page keeps the nonce it was rendered with (random,
 * never sent to anyone), and each answer replaces it, in the body and in the header, by a fresh
 * one. A script an attacker managed to put in the page has no nonce, or one they guessed: neither
 * is the fresh one, so the browser still refuses it.
 *
 * Only requests that cannot be personal are served from here: GET, no query string (but the job
 * board's and the directory's own search parameters, see SEARCH_PAGES), no session or other
 * unknown cookie, no Authorization, no Next.js navigation/action header, our own host.
 * Only answers that are not personal are stored: 200, HTML, no Set-Cookie, a nonce in the CSP.
 * The data behind the pages changes through the database, whose triggers NOTIFY `public_pages`
 * (migration public_pages_notify): every web process LISTENs and empties its cache. A page
 * rendered while a change happened is not stored; an entry also expires after `ttlMs` (pages
 * that change with time: a version of the terms coming into force, a deadline passing).
 */
import { resolveLocale, LOCALE_COOKIE } from "@/lib/i18n/locale";

export const PUBLIC_PAGES_CHANNEL = "public_pages";
export const PAGE_CACHE_HEADER = "x-page-cache";

const PUBLIC_PATHS = [
  /^\/$/,
  /^\/legal\/(notice|privacy|terms)$/,
  /^\/jobs$/,
  /^\/experts$/,
  /^\/experts\/[a-z0-9-]{1,100}$/,
  /^\/jobs\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
];

/**
 * The searches of the job board and the directory, the same for every anonymous visitor too: the
 * parameters each page reads (lib/jobs/queries.ts jobFiltersSchema, lib/experts/directory.ts
 * directoryFiltersSchema). A query with any other parameter, one given twice, or a long one is
 * rendered as before. The key is the query string as sent: two spellings of one search are two
 * entries, each the exact page Next.js rendered for that URL.
 */
const SEARCH_PAGES = new Map<string, ReadonlySet<string>>([
  ["/jobs", new Set(["q", "kind", "software", "departement", "remote", "minBudget", "postedWithinDays", "page"])],
  ["/experts", new Set(["q", "software", "kind", "departement", "remote", "maxRate", "page"])],
]);

/** Longer query strings are no search anyone typed (the text is at most 100 characters). */
const MAX_SEARCH_QUERY_CHARS = 400;

/** Whether `query` (after the "?") holds only `allowed` parameters, each once. */
function isSearchQuery(query: string, allowed: ReadonlySet<string>): boolean {
  if (query.length === 0 || query.length > MAX_SEARCH_QUERY_CHARS) return false;
  const names = query.split("&").map((pair) => pair.split("=", 1)[0]!);
  return names.every((name) => allowed.has(name)) && new Set(names).size === names.length;
}

/** Whether a cache key is a search's (lib/http/public-page-server.ts keeps them apart from the pages). */
export function isSearchKey(key: string): boolean {
  return key.includes("?");
}

/** Cookies a public page never reads, besides the locale (Auth.js's CSRF and callback cookies). */
const HARMLESS_COOKIES = new Set([LOCALE_COOKIE, "authjs.csrf-token", "__Host-authjs.csrf-token", "authjs.callback-url", "__Secure-authjs.callback-url"]);

/** Headers that make Next.js answer something else than the page's HTML, or that say who asks. */
const PERSONAL_OR_PARTIAL_HEADERS = ["authorization", "rsc", "next-action", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "x-middleware-subrequest", "range"];

type RequestHeaders = Record<string, string | string[] | undefined>;

function header(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(", ") : value;
}

function cookieNames(cookieHeader: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  for (const part of (cookieHeader ?? "").split(";")) {
    const at = part.indexOf("=");
    const name = (at < 0 ? part : part.slice(0, at)).trim();
    if (name) cookies.set(name, at < 0 ? "" : part.slice(at + 1).trim());
  }
  return cookies;
}

/**
 * The cache key of a request that may be answered from the cache (`path locale`, `path?query
 * locale` for a search), or null when it must go to Next.js. The caller has checked the host already (lib/http/host-check.ts).
 */
export function publicPageKey(method: string | undefined, url: string | undefined, headers: RequestHeaders): string | null {
  if (method !== "GET" || !url || url.includes("#")) return null;
  const at = url.indexOf("?");
  if (at >= 0) {
    const allowed = SEARCH_PAGES.get(url.slice(0, at));
    if (!allowed || !isSearchQuery(url.slice(at + 1), allowed)) return null;
  } else if (!PUBLIC_PATHS.some((pattern) => pattern.test(url))) return null;
  if (PERSONAL_OR_PARTIAL_HEADERS.some((name) => headers[name] !== undefined)) return null;
  const cookies = cookieNames(header(headers, "cookie"));
  for (const name of cookies.keys()) if (!HARMLESS_COOKIES.has(name)) return null;
  return `${url} ${resolveLocale(cookies.get(LOCALE_COOKIE), header(headers, "accept-language") ?? null)}`;
}

/** A rendered page as stored: its body cut at every occurrence of the nonce it was rendered with. */
export interface StoredPage {
  status: number;
  /** Header name → value, with the nonce cut out of each value the same way. */
  headers: [string, string[]][];
  body: Buffer[];
  bytes: number;
  storedAt: number;
}

/** Response headers that belong to one answer, never to the stored page. */
const PER_ANSWER_HEADERS = new Set(["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "x-request-id", PAGE_CACHE_HEADER]);

function splitBuffer(buffer: Buffer, separator: Buffer): Buffer[] {
  const parts: Buffer[] = [];
  let from = 0;
  for (let at = buffer.indexOf(separator, from); at >= 0; at = buffer.indexOf(separator, from)) {
    parts.push(buffer.subarray(from, at));
    from = at + separator.length;
  }
  parts.push(buffer.subarray(from));
  return parts;
}

/**
 * What to store of Next.js's answer, or null when it must not be stored (not a plain 200 HTML
 * page, a cookie set, no nonce in the CSP to replace).
 */
export function storablePage(status: number, headers: Record<string, string | string[] | undefined>, body: Buffer, now = Date.now()): StoredPage | null {
  if (status !== 200 || headers["set-cookie"] !== undefined) return null;
  if (!String(headers["content-type"] ?? "").startsWith("text/html")) return null;
  const nonce = /'nonce-([A-Za-z0-9+/=_-]{16,})'/.exec(String(headers["content-security-policy"] ?? ""))?.[1];
  if (!nonce) return null;
  const stored: [string, string[]][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || PER_ANSWER_HEADERS.has(name)) continue;
    stored.push([name, (Array.isArray(value) ? value : [String(value)]).flatMap((v) => v.split(nonce).join("\u0000"))]);
  }
  const parts = splitBuffer(body, Buffer.from(nonce));
  return { status, headers: stored, body: parts, bytes: body.length, storedAt: now };
}

/**
 * The stored page with `nonce` in the places of the one it was rendered with. The body is a list
 * of chunks that share the stored page's memory (nothing copied: a copy of every page answered
 * made the garbage collector the web process's main work under load).
 */
export function answerWithNonce(page: StoredPage, nonce: string): { headers: [string, string[]][]; chunks: Buffer[]; length: number } {
  const fresh = Buffer.from(nonce);
  const chunks: Buffer[] = [];
  let length = 0;
  page.body.forEach((part, index) => {
    if (index > 0) {
      chunks.push(fresh);
      length += fresh.length;
    }
    chunks.push(part);
    length += part.length;
  });
  return { headers: page.headers.map(([name, values]) => [name, values.map((v) => v.split("\u0000").join(nonce))]), chunks, length };
}

/** A bounded, expiring store of pages, emptied by `invalidate()`; at most one render per key at a time. */
export class PageCache {
  private readonly pages = new Map<string, StoredPage>();
  private readonly filling = new Map<string, Promise<StoredPage | null>>();
  private bytes = 0;
  private generation = 0;

  constructor(private readonly options: { maxEntries: number; maxBytes: number; ttlMs: number; now?: () => number }) {}

  private now(): number {
    return this.options.now ? this.options.now() : Date.now();
  }

  get size(): number {
    return this.pages.size;
  }

  /** Every stored page is dropped, and a render under way when this is called is not stored. */
  invalidate(): void {
    this.generation++;
    this.pages.clear();
    this.bytes = 0;
  }

  get(key: string): StoredPage | null {
    const page = this.pages.get(key);
    if (!page) return null;
    if (this.now() - page.storedAt > this.options.ttlMs) {
      this.delete(key);
      return null;
    }
    // Most recently used last: the first entry is the one to evict.
    this.pages.delete(key);
    this.pages.set(key, page);
    return page;
  }

  private delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.bytes -= page.bytes;
  }

  private store(key: string, page: StoredPage): void {
    if (page.bytes > this.options.maxBytes) return;
    this.delete(key);
    this.pages.set(key, page);
    this.bytes += page.bytes;
    for (const oldest of this.pages.keys()) {
      if (this.pages.size <= this.options.maxEntries && this.bytes <= this.options.maxBytes) break;
      this.delete(oldest);
    }
  }

  /**
   * The stored page, or the one `render` makes (shared by the requests that wait for the same
   * key); null when the render's answer may not be stored.
   */
  async getOrRender(key: string, render: () => Promise<StoredPage | null>): Promise<StoredPage | null> {
    const cached = this.get(key);
    if (cached) return cached;
    const pending = this.filling.get(key);
    if (pending) return pending;
    const generation = this.generation;
    const filling = render().then(
      (page) => {
        if (page && generation === this.generation) this.store(key, page);
        return page;
      },
      () => null,
    );
    this.filling.set(key, filling);
    try {
      return await filling;
    } finally {
      this.filling.delete(key);
    }
  }
}
