/**
 * Regression (security, critical): a sign-in requested with forged host headers must never
 * produce a link to another host; an ordinary sign-in still works.
 */
import { request as httpRequest } from "node:http";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { SignInFlow } from "./pages/SignInFlow";
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
  it("are refused before any page or action runs", async () => {
    expect(await rawGet("/signin", { Host: "evil.example" })).toBe(421);
    expect(await rawGet("/signin", { Host: new URL(baseUrl).host, ...FORGED })).toBe(421);
    expect(await rawGet("/signin", { Host: new URL(baseUrl).host })).toBe(200);
    expect(await rawGet("/api/health", { Host: "evil.example" })).toBe(200);
  });

  it("never yield a sign-in email pointing elsewhere, and an ordinary sign-in still works", async () => {
    const email = demoAccounts.clientMember.email;
    const attacker = await newVisitor("fr-FR");
    // Every request of this browser carries the forged headers, the form's post included.
    await attacker.context.setExtraHTTPHeaders(FORGED);
    const response = await attacker.page.goto(`${baseUrl}/signin`);
    expect(response?.status()).toBe(421);

    // The page loaded cleanly, then only the form's post is forged.
    await attacker.context.setExtraHTTPHeaders({});
    await attacker.page.goto(`${baseUrl}/signin`);
    await attacker.page.route("**/signin**", (route) =>
      route.request().method() === "POST"
        ? route.continue({ headers: { ...route.request().headers(), "x-forwarded-host": "evil.example", origin: "https://evil.example" } })
        : route.continue(),
    );
    await attacker.page.locator('main input[name="email"]').fill(email);
    const posted = attacker.page.waitForResponse((r) => r.request().method() === "POST");
    await attacker.page.locator('main form button[type="submit"]').click();
    expect((await posted).status()).toBe(421);
    await attacker.context.close();

    const person = await newVisitor("fr-FR");
    await person.page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
    expect(await person.page.content()).not.toContain("evil.example");

    const flow = new SignInFlow(person.page);
    await person.page.goto(`${baseUrl}/signin`);
    await person.page.locator('main input[name="email"]').fill(email);
    await person.page.locator('main form button[type="submit"]').click();
    await person.page.waitForURL(/\/signin\/check-email/);
    await person.page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
    await person.page.locator("table tbody tr").first().getByRole("link").click();
    const href = await person.page.getByTestId("email-link").first().getAttribute("href");
    expect(href?.startsWith(`${baseUrl}/api/auth/callback/email?`)).toBe(true);
    await flow.followLatestLink(email);
    await person.page.waitForURL(/\/dashboard/);
    await person.context.close();
  });
});
