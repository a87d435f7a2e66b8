/**
 * Regression (security, critical): a sign-in requested with forged host headers must never
 * produce a link to another host; an ordinary sign-in still works.
 */
import { request as httpRequest } from "node:http";
import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { baseUrl, e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const FORGED = { "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };

/** A raw request, so that the Host header itself can be forged (fetch does not allow it). */
function rawGet(path: string, headers: Record<string, string>): Promise<number> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, path: url.pathname, headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe.skipIf(!e2eEnabled)("forged host headers", () => {
  it("for another Host are refused before any page or action runs; forwarded ones are ignored", async () => {
    const own = new URL(baseUrl).host;
    expect(await rawGet("/signin", { Host: "evil.example" })).toBe(421);
    expect(await rawGet("/signin", { Host: `evil.example:${new URL(baseUrl).port}` })).toBe(421);
    expect(await rawGet("/signin", { Host: own })).toBe(200);
    // No proxy is trusted (TRUST_PROXY=0): what a client claims in X-Forwarded-* is dropped.
    expect(await rawGet("/signin", { Host: own, ...FORGED })).toBe(200);
    expect(await rawGet("/api/health", { Host: "evil.example" })).toBe(200);
  });

  it("on every request never yield a sign-in email pointing elsewhere, and the sign-in still works", async () => {
    // A new address: the demo accounts may be suspended or rate-limited by other files of the run.
    const email = `forged-host-${Date.now()}@example.test`;
    // The form's post also forges the host headers and the Origin: whatever it leads to, no email
    // may point anywhere but APP_URL.
    const attacker = await newVisitor("fr-FR");
    await attacker.page.goto(`${baseUrl}/signin`);
    await attacker.page.route("**/signin**", (route) =>
      route.request().method() === "POST"
        ? route.continue({ headers: { ...route.request().headers(), "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", origin: "https://evil.example" } })
        : route.continue(),
    );
    await attacker.page.locator('main input[name="email"]').fill(email);
    const posted = attacker.page.waitForResponse((r) => r.request().method() === "POST");
    await attacker.page.locator('main form button[type="submit"]').click();
    await posted;
    await attacker.page.unrouteAll();
    await attacker.page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
    if ((await attacker.page.locator("table tbody tr").count()) > 0) {
      await attacker.page.locator("table tbody tr").first().getByRole("link").click();
      const href = await attacker.page.getByTestId("email-link").first().getAttribute("href");
      expect(href?.startsWith(`${baseUrl}/api/auth/callback/email?`)).toBe(true);
    }
    expect(await attacker.page.content()).not.toContain("evil.example");
    await attacker.context.close();

    const person = await newVisitor("fr-FR");
    await person.context.setExtraHTTPHeaders(FORGED);
    await person.page.goto(`${baseUrl}/signin`);
    await person.page.locator('main input[name="email"]').fill(email);
    await person.page.locator('main form button[type="submit"]').click();
    await person.page.waitForURL(/\/signin\/check-email/);

    await person.page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
    await person.page.locator("table tbody tr").first().getByRole("link").click();
    expect(await person.page.content()).not.toContain("evil.example");
    const href = await person.page.getByTestId("email-link").first().getAttribute("href");
    expect(href?.startsWith(`${baseUrl}/api/auth/callback/email?`)).toBe(true);
    expect(new URL(href!).searchParams.get("callbackUrl")).toBe(`${baseUrl}/dashboard`);
    await person.page.getByTestId("email-link").first().click();
    // Signed in: a new person is asked to choose a role.
    await person.page.waitForURL(/\/onboarding/);
    await person.context.close();
  });
});

/** Per-IP sign-in counters of the current hour: how many addresses, how many hits. */
async function ipBuckets(): Promise<{ keys: number; hits: number }> {
  const sql = postgres(inject("e2eDatabaseUrl"), { max: 1 });
  try {
    const [row] = await sql<{ keys: number; hits: number }[]>`
      select count(*)::int as keys, coalesce(sum(count), 0)::int as hits from rate_limit_buckets
      where key like 'signin:ip:%' and window_start > now() - interval '1 hour'`;
    return row!;
  } finally {
    await sql.end();
  }
}

describe.skipIf(!e2eEnabled)("a forged X-Forwarded-For", () => {
  it("does not earn a fresh per-IP budget", async () => {
    const before = await ipBuckets();
    const visitor = await newVisitor("en-US");
    let forged = 0;
    await visitor.page.route("**/signin**", (route) =>
      route.request().method() === "POST"
        ? route.continue({ headers: { ...route.request().headers(), "x-forwarded-for": `10.9.${forged++}.1`, "x-real-ip": `10.8.${forged}.1` } })
        : route.continue(),
    );
    const attempts = 4;
    for (let i = 0; i < attempts; i++) {
      await visitor.page.goto(`${baseUrl}/signin`);
      await visitor.page.locator('main input[name="email"]').fill(`rotating-${i}@example.test`);
      await visitor.page.locator('main form button[type="submit"]').click();
      await visitor.page.waitForURL(/\/signin\/check-email/);
    }
    expect(forged).toBe(attempts);
    const after = await ipBuckets();
    // Every attempt counted against the one real address (a new counter at most for it).
    expect(after.hits - before.hits).toBe(attempts);
    expect(after.keys - before.keys).toBeLessThanOrEqual(1);
    await visitor.context.close();
  });
});
