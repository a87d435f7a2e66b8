import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

/** The pages of each role, visited in both languages: each has its language, one h1, a main landmark and a skip link target. */
const tours = [
  { who: demoAccounts.expertSophie.email, paths: ["/dashboard", "/expert/payouts", "/expert/billing-mandate", "/expert/tax-details", "/invoices", "/account"] },
  { who: demoAccounts.clientOwner.email, paths: ["/dashboard", "/invoices", "/account"] },
  { who: demoAccounts.admin.email, paths: ["/admin", "/admin/payments", "/admin/dac7", "/admin/disputes", "/admin/contracts", "/admin/security", "/invoices"] },
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
