import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

/** The pages of each role, visited in both languages: each has its language, one h1, a main landmark and a skip link target. */
const tours = [
  { who: demoAccounts.expertSophie.email, paths: ["/dashboard", "/expert/payouts", "/expert/billing-mandate", "/expert/tax-details", "/invoices", "/account", "/notifications", "/notifications/settings"] },
  { who: demoAccounts.clientOwner.email, paths: ["/dashboard", "/invoices", "/account", "/support", "/contact"] },
  { who: demoAccounts.admin.email, paths: ["/admin", "/admin/payments", "/admin/dac7", "/admin/disputes", "/admin/contracts", "/admin/security", "/admin/support", "/invoices"] },
  // An admin who has not set up the second factor: enrolment, and the code page that sends there.
  { who: "new-admin@example.test", paths: ["/second-factor/enrol", "/second-factor", "/account"], secondFactor: false },
] as const;

describe.skipIf(!e2eEnabled).each([
  { lang: "fr", locale: "fr-FR" },
  { lang: "en", locale: "en-US" },
] as const)("every account page in $lang", ({ lang, locale }) => {
  it.each(tours)("pages of $who", async (tour) => {
    const { who, paths } = tour;
    const visitor = await newVisitor(locale);
    const { page } = visitor;
    await new SignInFlow(page).signIn(who, "/dashboard", { secondFactor: !("secondFactor" in tour) });
    for (const path of paths) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(200);
      expect(await page.getAttribute("html", "lang"), path).toBe(lang);
      expect(await page.locator("h1").count(), path).toBe(1);
      expect(await page.locator("main").count(), path).toBe(1);
      // Every form control has an accessible name.
      const unlabelled = await page.$$eval("main input:not([type=hidden]), main select, main textarea", (fields) =>
        fields.filter((field) => !(field as HTMLInputElement).labels?.length && !field.getAttribute("aria-label") && !field.getAttribute("aria-labelledby")).map((field) => field.outerHTML),
      );
      expect(unlabelled, path).toEqual([]);
      await visitor.screenshot(`${lang}-70-tour${path.replaceAll("/", "-")}-${who.split("@")[0]}`);
    }
    expect(foreignRequests(visitor)).toEqual([]);
    await visitor.context.close();
  });
});

describe.skipIf(!e2eEnabled)("icons and manifest", () => {
  it("serves the favicon, the icons and the web manifest every page links to", async () => {
    const visitor = await newVisitor("fr-FR");
    const { page } = visitor;
    await page.goto(`${baseUrl}/`);
    const links = await page.$$eval("link[rel~=icon], link[rel=apple-touch-icon], link[rel=manifest]", (found) =>
      found.map((link) => (link as HTMLLinkElement).getAttribute("href") ?? ""),
    );
    expect(links.some((href) => href.startsWith("/manifest.webmanifest"))).toBe(true);
    for (const [path, type] of [
      ["/favicon.ico", "image/x-icon"],
      ["/icon.svg", "image/svg+xml"],
      ["/apple-icon.png", "image/png"],
      ["/icons/icon-192.png", "image/png"],
      ["/manifest.webmanifest", "application/manifest+json"],
      ...links.map((href) => [href.split("?")[0], ""]),
    ]) {
      const response = await page.request.get(`${baseUrl}${path}`);
      expect(response.status(), path).toBe(200);
      if (type) expect(response.headers()["content-type"], path).toContain(type);
    }
    const manifest = await (await page.request.get(`${baseUrl}/manifest.webmanifest`)).json();
    expect(manifest.icons.length).toBeGreaterThan(0);
    await visitor.context.close();
  });
});
