import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

describe.skipIf(!e2eEnabled).each([
  { lang: "fr", locale: "fr-FR", t: fr },
  { lang: "en", locale: "en-US", t: en },
] as const)("the admin account list and page ($lang)", ({ lang, locale, t }) => {
  it("an admin finds an account by name, opens its page and sees its organisation, contracts and suspension form", async () => {
    const admin = await newVisitor(locale);
    const { page } = admin;
    await new SignInFlow(page).signIn(demoAccounts.admin.email, "/admin");
    await page.waitForURL(/\/admin/);
    // The header keeps to one row at 1280 px, demo mailbox link included (its controls wrapped to a
    // second row in French): the logo, the links and the controls share one line.
    const header = page.locator("header > div");
    const boxes = await header.evaluate((row) => [...row.children].map((child) => child.getBoundingClientRect()).map((box) => ({ top: box.top, bottom: box.bottom })));
    expect(Math.max(...boxes.map((box) => box.top))).toBeLessThan(Math.min(...boxes.map((box) => box.bottom)));
    expect(await page.getByRole("navigation", { name: t.nav.main }).getByRole("link", { name: t.nav.dashboard, exact: true }).count()).toBe(0);
    await page.getByRole("searchbox", { name: t.admin.searchLabel }).fill("PETIT");
    await page.getByRole("button", { name: t.admin.searchButton }).click();
    await page.waitForURL(/\/admin\?q=PETIT/);
    const table = page.getByRole("table", { name: t.admin.usersCaption });
    await table.getByRole("link", { name: demoAccounts.clientMember.email }).waitFor();
    expect(await table.getByRole("row").count()).toBe(2); // the header and Julien Petit
    await admin.screenshot(`${lang}-21-admin-users-search`);

    await table.getByRole("link", { name: demoAccounts.clientMember.email }).click();
    await page.getByRole("heading", { level: 1, name: demoAccounts.clientMember.name }).waitFor();
    await page.getByRole("region", { name: t.adminUser.organizationsHeading }).getByText(/Boulangerie Martin SARL/).waitFor();
    await page.getByRole("region", { name: t.adminUser.contractsHeading }).waitFor();
    await page.getByRole("region", { name: t.adminUser.historyHeading }).waitFor();
    // Suspend, or reinstate when the suspension test ran first.
    await page.getByRole("complementary", { name: t.adminUser.suspensionHeading }).getByRole("button", { name: new RegExp(`^(${t.admin.suspend}|${t.admin.reinstate})$`) }).waitFor();
    await admin.screenshot(`${lang}-22-admin-user-page`);
    expect(foreignRequests(admin)).toEqual([]);

    const missing = await page.goto(`${baseUrl}/admin/users/00000000-0000-4000-8000-000000000000`);
    expect(missing?.status()).toBe(404);
    await admin.context.close();
  });
});
