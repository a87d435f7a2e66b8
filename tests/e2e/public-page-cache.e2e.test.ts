/**
 * The public-page cache (lib/http/page-cache.ts) of the production web process: an anonymous
 * visitor's public page is rendered once and then answered from memory, each answer with a
 * nonce of its own; nobody else is answered from it, and a forged host still gets a 421.
 */
import { request as httpRequest } from "node:http";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { baseUrl, e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw request, so that the Host header itself can be chosen (fetch does not allow it). */
function rawGet(path: string, headers: Record<string, string> = {}): Promise<Answer> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path, headers: { Host: url.host, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    req.end();
  });
}

const nonceOf = (answer: Answer) => /'nonce-([^']+)'/.exec(String(answer.headers["content-security-policy"]))?.[1] ?? "";

describe.skipIf(!e2eEnabled)("the public-page cache", () => {
  it("answers an anonymous visitor's public page from memory, each time with a fresh nonce", async () => {
    await rawGet("/legal/notice");
    const [first, second] = [await rawGet("/legal/notice"), await rawGet("/legal/notice")];
    for (const answer of [first, second]) {
      expect(answer.status).toBe(200);
      expect(answer.headers["x-page-cache"]).toBe("hit");
      expect(answer.headers["x-content-type-options"]).toBe("nosniff");
      expect(answer.headers["content-security-policy"]).toContain("'strict-dynamic'");
      expect(answer.headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
      // Every script of ours carries this answer's nonce, and no other nonce is in the page.
      const nonces = new Set([...answer.body.matchAll(/nonce="([^"]+)"/g)].map((m) => m[1]));
      expect([...nonces]).toEqual([nonceOf(answer)]);
    }
    expect(nonceOf(first)).not.toBe(nonceOf(second));
    expect(second.body).not.toContain(nonceOf(first));
    expect(first.headers["x-request-id"]).not.toBe(second.headers["x-request-id"]);
    // Keyed by locale.
    const english = await rawGet("/legal/notice", { "Accept-Language": "en-US" });
    expect(english.body).toContain('<html lang="en"');
    expect(first.body).toContain('<html lang="fr"');
  });

  it("never answers a signed-in person, a query or a forged host from it", async () => {
    await rawGet("/");
    expect((await rawGet("/")).headers["x-page-cache"]).toBe("hit");
    const signedIn = await rawGet("/", { Cookie: "authjs.session-token=not-a-session" });
    expect(signedIn.headers["x-page-cache"]).toBeUndefined();
    expect((await rawGet("/?notice=account-erased")).headers["x-page-cache"]).toBeUndefined();
    expect((await rawGet("/", { Host: "evil.example" })).status).toBe(421);
    expect((await rawGet("/", { "X-Compagnon-Page-Render": "guess" })).headers["x-page-cache"]).toBe("hit");
  });

  it("answers a search from memory too, until the data behind the pages changes", async () => {
    const search = "/jobs?q=wireguard&remote=1";
    await rawGet(search);
    const cached = await rawGet(search);
    expect(cached.status).toBe(200);
    expect(cached.headers["x-page-cache"]).toBe("hit");
    expect(cached.body).toContain('value="wireguard"'); // the search field keeps what was typed
    expect(cached.body).toContain(`nonce="${nonceOf(cached)}"`);
    expect((await rawGet("/experts?q=nextcloud")).status).toBe(200);
    expect((await rawGet("/experts?q=nextcloud")).headers["x-page-cache"]).toBe("hit");
    // Never a signed-in person's search, a parameter the page does not read, or one given twice.
    expect((await rawGet(search, { Cookie: "authjs.session-token=not-a-session" })).headers["x-page-cache"]).toBeUndefined();
    for (const other of ["/jobs?q=wireguard&utm_source=x", "/jobs?q=wireguard&q=nextcloud"]) {
      await rawGet(other);
      expect((await rawGet(other)).headers["x-page-cache"], other).toBeUndefined();
    }
    // What the triggers send when a need, a profile or a moderation decision changes.
    const sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
    try {
      await sql`select pg_notify('public_pages', '')`;
    } finally {
      await sql.end({ timeout: 5 });
    }
    let rendered = false;
    for (let i = 0; i < 50 && !rendered; i++) {
      rendered = (await rawGet(search)).headers["x-page-cache"] === "miss";
      if (!rendered) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(rendered).toBe(true);
    expect((await rawGet(search)).headers["x-page-cache"]).toBe("hit");
  });

  it("sends an answer it may not store as rendered: an unknown need is a 404, twice", async () => {
    for (let i = 0; i < 2; i++) {
      const missing = await rawGet("/jobs/00000000-0000-4000-8000-000000000000");
      expect(missing.status).toBe(404);
      expect(missing.headers["x-page-cache"]).toBeUndefined();
      expect(missing.headers["content-security-policy"]).toContain("'strict-dynamic'");
      expect(missing.headers["x-content-type-options"]).toBe("nosniff");
      expect(missing.body).toContain(`nonce="${nonceOf(missing)}"`);
    }
  });

  it("serves a page that a browser runs under its CSP, with no violation", async () => {
    const visitor = await newVisitor("fr-FR");
    const violations: string[] = [];
    visitor.page.on("console", (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    for (let i = 0; i < 2; i++) {
      const response = await visitor.page.goto(`${baseUrl}/legal/terms`);
      expect(response?.status()).toBe(200);
      await visitor.page.locator("h1").first().waitFor();
    }
    expect((await visitor.page.goto(`${baseUrl}/legal/terms`))?.headers()["x-page-cache"]).toBe("hit");
    // Hydrated: a client-side link navigation works (Next.js's scripts ran).
    await visitor.page.waitForFunction(() => "__next_f" in window);
    expect(violations).toEqual([]);
    await visitor.context.close();
  });
});
