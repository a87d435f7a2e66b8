import { describe, expect, it } from "vitest";
import { answerWithNonce, isSearchKey, PageCache, publicPageKey, storablePage, type StoredPage } from "@/lib/http/page-cache";

const NONCE = Buffer.from("2f1c7d0e-6a59-4d55-9a8e-2b8c6a1f0e11").toString("base64");
const html = (nonce: string) => `<html><script nonce="${nonce}">self.__next_f.push([1,"nonce ${nonce}"])</script><p>Besoins</p></html>`;
const pageHeaders = (nonce = NONCE) => ({
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": `default-src 'self'; script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
  "x-content-type-options": "nosniff",
  "x-request-id": "11111111-1111-1111-1111-111111111111",
  date: "Sat, 05 Dec 2026 13:00:00 GMT",
});

describe("which requests the public-page cache may answer", () => {
  it("the public pages of an anonymous visitor, keyed by path and locale", () => {
    expect(publicPageKey("GET", "/", {})).toBe("/ fr");
    expect(publicPageKey("GET", "/", { "accept-language": "en-US,en;q=0.9" })).toBe("/ en");
    expect(publicPageKey("GET", "/legal/terms", { cookie: "NEXT_LOCALE=en; authjs.csrf-token=abc" })).toBe("/legal/terms en");
    expect(publicPageKey("GET", "/experts/jeanne-martin", {})).toBe("/experts/jeanne-martin fr");
    expect(publicPageKey("GET", "/jobs", {})).toBe("/jobs fr");
    expect(publicPageKey("GET", "/jobs/7e8ed90f-553d-46aa-804e-0dd37e7d58f7", {})).toBe("/jobs/7e8ed90f-553d-46aa-804e-0dd37e7d58f7 fr");
  });

  it("never a signed-in person, an unknown cookie, another query, a navigation or an action call", () => {
    expect(publicPageKey("GET", "/", { cookie: "authjs.session-token=s" })).toBeNull();
    expect(publicPageKey("GET", "/", { cookie: "__Secure-authjs.session-token=s" })).toBeNull();
    expect(publicPageKey("GET", "/", { cookie: "NEXT_LOCALE=fr; something-else=1" })).toBeNull();
    expect(publicPageKey("GET", "/", { authorization: "Bearer x" })).toBeNull();
    expect(publicPageKey("GET", "/", { rsc: "1" })).toBeNull();
    expect(publicPageKey("GET", "/", { "next-router-prefetch": "1" })).toBeNull();
    expect(publicPageKey("GET", "/", { "x-middleware-subrequest": "proxy" })).toBeNull();
    expect(publicPageKey("POST", "/", { "next-action": "abc" })).toBeNull();
    expect(publicPageKey("HEAD", "/", {})).toBeNull();
    expect(publicPageKey("GET", "/?notice=account-erased", {})).toBeNull();
    expect(publicPageKey("GET", "/jobs?q=wireguard", { cookie: "authjs.session-token=s" })).toBeNull();
  });

  it("a search of the job board or the directory, keyed by its query string as sent", () => {
    expect(publicPageKey("GET", "/jobs?q=wireguard", {})).toBe("/jobs?q=wireguard fr");
    expect(publicPageKey("GET", "/jobs?q=wireguard", { "accept-language": "en" })).toBe("/jobs?q=wireguard en");
    expect(publicPageKey("GET", "/jobs?q=keycloak+formation&kind=training&remote=1&page=2", {})).toBe("/jobs?q=keycloak+formation&kind=training&remote=1&page=2 fr");
    expect(publicPageKey("GET", "/experts?q=nextcloud&maxRate=600", {})).toBe("/experts?q=nextcloud&maxRate=600 fr");
    expect(isSearchKey(publicPageKey("GET", "/experts?q=nextcloud", {})!)).toBe(true);
    expect(isSearchKey(publicPageKey("GET", "/experts", {})!)).toBe(false);
  });

  it("never a query with a parameter the page does not read, one given twice, or a long one", () => {
    expect(publicPageKey("GET", "/jobs?q=a&q=b", {})).toBeNull();
    expect(publicPageKey("GET", "/jobs?q=a&notice=x", {})).toBeNull();
    expect(publicPageKey("GET", "/jobs?maxRate=600", {})).toBeNull(); // the directory's, not the board's
    expect(publicPageKey("GET", "/jobs?%71=wireguard", {})).toBeNull();
    expect(publicPageKey("GET", "/jobs?", {})).toBeNull();
    expect(publicPageKey("GET", `/jobs?q=${"a".repeat(500)}`, {})).toBeNull();
    for (const path of ["/?q=a", "/legal/terms?q=a", "/jobs/7e8ed90f-553d-46aa-804e-0dd37e7d58f7?q=a", "/experts/jeanne-martin?page=2", "/?notice=account-erased"]) {
      expect(publicPageKey("GET", path, {}), path).toBeNull();
    }
  });

  it("never a page that is personal or not public", () => {
    for (const path of ["/jobs/new", "/jobs/", "/legal/accept", "/dashboard", "/signin", "/api/health", "/experts/a/b", "/jobs/not-a-uuid", "/admin"]) {
      expect(publicPageKey("GET", path, {}), path).toBeNull();
    }
  });
});

describe("a stored page", () => {
  it("is answered with a fresh nonce in the body and the CSP, never the one it was rendered with", () => {
    const page = storablePage(200, pageHeaders(), Buffer.from(html(NONCE)))!;
    const fresh = Buffer.from("0b5d3c56-3c1e-4a4f-8e62-8f7f3c2d9a10").toString("base64");
    const { headers, chunks, length } = answerWithNonce(page, fresh);
    const body = Buffer.concat(chunks);
    expect(body.toString()).toBe(html(fresh));
    expect(length).toBe(body.length);
    expect(body.toString()).not.toContain(NONCE);
    const csp = new Map(headers).get("content-security-policy")?.[0];
    expect(csp).toContain(`'nonce-${fresh}'`);
    expect(csp).not.toContain(NONCE);
    expect(new Map(headers).get("x-content-type-options")).toEqual(["nosniff"]);
    // One answer's own headers are not kept.
    expect(new Map(headers).has("x-request-id")).toBe(false);
    expect(new Map(headers).has("date")).toBe(false);
  });

  it("is not made of an answer that sets a cookie, is not a 200 HTML page, or has no nonce to replace", () => {
    const body = Buffer.from(html(NONCE));
    expect(storablePage(200, { ...pageHeaders(), "set-cookie": ["a=b"] }, body)).toBeNull();
    expect(storablePage(404, pageHeaders(), body)).toBeNull();
    expect(storablePage(307, pageHeaders(), body)).toBeNull();
    expect(storablePage(200, { ...pageHeaders(), "content-type": "application/json" }, body)).toBeNull();
    expect(storablePage(200, { ...pageHeaders(), "content-security-policy": "default-src 'self'" }, body)).toBeNull();
  });
});

describe("the page cache", () => {
  const page = (text: string, storedAt = 0): StoredPage => ({ status: 200, headers: [], body: [Buffer.from(text)], bytes: text.length, storedAt });

  it("renders a key once for the requests that wait for it, then answers from memory", async () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1000, ttlMs: 1000, now: () => 0 });
    let renders = 0;
    const render = async () => (renders++, page("a"));
    await Promise.all([cache.getOrRender("k", render), cache.getOrRender("k", render), cache.getOrRender("k", render)]);
    await cache.getOrRender("k", render);
    expect(renders).toBe(1);
  });

  it("does not store a page rendered while the data changed, and forgets every page on a change", async () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1000, ttlMs: 1000, now: () => 0 });
    let release = () => {};
    const slow = cache.getOrRender("k", () => new Promise<StoredPage>((resolve) => (release = () => resolve(page("old")))));
    cache.invalidate();
    release();
    expect((await slow)?.body[0]?.toString()).toBe("old");
    expect(cache.get("k")).toBeNull();
    await cache.getOrRender("k", async () => page("new"));
    expect(cache.get("k")?.body[0]?.toString()).toBe("new");
    cache.invalidate();
    expect(cache.get("k")).toBeNull();
  });

  it("expires pages and keeps within its bounds, dropping the least recently used", async () => {
    let now = 0;
    const cache = new PageCache({ maxEntries: 2, maxBytes: 1000, ttlMs: 100, now: () => now });
    await cache.getOrRender("a", async () => page("a"));
    await cache.getOrRender("b", async () => page("b"));
    cache.get("a");
    await cache.getOrRender("c", async () => page("c"));
    expect(cache.get("b")).toBeNull();
    expect(cache.get("a")).not.toBeNull();
    now = 101;
    expect(cache.get("a")).toBeNull();
    const small = new PageCache({ maxEntries: 10, maxBytes: 3, ttlMs: 100, now: () => 0 });
    await small.getOrRender("big", async () => page("four"));
    expect(small.size).toBe(0);
  });

  it("answers null, never throws, when the render fails or may not be stored", async () => {
    const cache = new PageCache({ maxEntries: 10, maxBytes: 1000, ttlMs: 1000 });
    await expect(cache.getOrRender("k", () => Promise.reject(new Error("down")))).resolves.toBeNull();
    await expect(cache.getOrRender("k", async () => null)).resolves.toBeNull();
    expect(cache.size).toBe(0);
  });
});
