import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

describe.skipIf(!e2eEnabled).each([
  { lang: "fr", locale: "fr-FR", t: fr, total3: "11 000 €", licences3: "11 441 €" },
  { lang: "en", locale: "en-US", t: en, total3: "€11,000", licences3: "€11,441" },
] as const)("the savings estimate ($lang)", ({ lang, locale, t, total3, licences3 }) => {
  it("a visitor picks three services: the chart and the table give the same figures; a mistake keeps what was typed; Post this need opens the wizard pre-filled", async () => {
    const visitor = await newVisitor(locale);
    const { page } = visitor;
    await page.goto(`${baseUrl}/savings`);
    await page.getByRole("heading", { level: 1, name: t.savings.title }).waitFor();
    await page.getByLabel("Microsoft 365 Business Standard", { exact: true }).fill("10");
    await page.getByLabel("Slack Pro", { exact: true }).fill("douze");
    await page.getByRole("button", { name: t.savings.submit }).click();
    await page.getByRole("alert").getByText(t.savings.errorsTitle).waitFor();
    expect(await page.getByLabel("Slack Pro", { exact: true }).inputValue()).toBe("douze");
    expect(await page.getByLabel("Microsoft 365 Business Standard", { exact: true }).inputValue()).toBe("10");

    await page.getByLabel("Slack Pro", { exact: true }).fill("10");
    await page.getByLabel("Zoom Workplace Pro", { exact: true }).fill("10");
    await page.getByRole("button", { name: t.savings.submit }).click();
    const result = page.getByTestId("savings-result");
    await result.waitFor();
    expect(new URL(page.url()).searchParams.get("slack")).toBe("10");

    // The bars' totals are the table's totals (licences and free software, 1 and 3 years).
    const barTotals = await result.locator('svg[aria-label] text[font-weight="600"]').allTextContents();
    const table = page.getByTestId("savings-table");
    const rowCells = async (name: string) => table.getByRole("row", { name: new RegExp(`^${name}`) }).getByRole("cell").allTextContents();
    const licences = await rowCells(t.savings.row_licences);
    const free = await rowCells(t.savings.row_free);
    expect(barTotals.map(normalSpaces)).toEqual([licences[0], free[0], licences[1], free[1]].map((text) => normalSpaces(text ?? "")));
    expect(normalSpaces(free[1] ?? "")).toBe(normalSpaces(total3));
    expect(normalSpaces(licences[1] ?? "")).toBe(normalSpaces(licences3));
    // The cumulative table ends where the line ends: month 36.
    const lastRow = await page.getByTestId("savings-cumulative-table").getByRole("row").last().getByRole("cell").allTextContents();
    expect(lastRow.map(normalSpaces)).toEqual([licences3, total3].map(normalSpaces));
    await visitor.screenshot(`${lang}-90-savings-estimate`);

    // No horizontal scrolling on a phone.
    await page.setViewportSize({ width: 390, height: 844 });
    await page.reload();
    await result.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await visitor.screenshot(`${lang}-91-savings-estimate-phone`);
    expect(foreignRequests(visitor)).toEqual([]);

    // Post this need: sign in, then the wizard starts with the programs and the users.
    await page.getByRole("link", { name: t.savings.postNeed }).click();
    await page.waitForURL(/\/signin/);
    await new SignInFlow(page).signIn(demoAccounts.clientOwner.email, new URL(page.url()).searchParams.get("callbackUrl") ?? "/");
    await page.waitForURL(/\/jobs\/new\?kind=installation/);
    await page.getByRole("button", { name: t.jobWizard.start }).click();
    await page.waitForURL(/\/jobs\/[0-9a-f-]+\/edit\/1/);
    const jobId = new URL(page.url()).pathname.split("/")[2] ?? "";
    const sql = postgres(inject("e2eDatabaseUrl"), { max: 1 });
    try {
      const rows = await sql<{ kind: string; users: number; software: string[] }[]>`
        select j.kind, (j.needs->>'users')::int as users, array_agg(c.slug order by c.slug) as software
        from jobs j join job_software js on js.job_id = j.id join catalog_software c on c.id = js.software_id
        where j.id = ${jobId} group by j.id`;
      expect(rows[0]).toEqual({ kind: "installation", users: 10, software: ["collabora-online", "jitsi-meet", "mailcow", "mattermost", "nextcloud"] });
    } finally {
      await sql.end({ timeout: 5 });
    }
    await visitor.context.close();
  });
});

describe.skipIf(!e2eEnabled)("the savings prices (admin)", () => {
  it("an admin changes a licence price with its source; the public page uses it at once", async () => {
    const admin = await newVisitor("en-US");
    const { page } = admin;
    await new SignInFlow(page).signIn(demoAccounts.admin.email, "/admin/savings");
    await page.getByRole("heading", { level: 1, name: en.adminSavings.title }).waitFor();
    const form = page.getByRole("form", { name: /^Zoom Workplace Pro/ });
    await form.getByLabel(en.adminSavings.pricePerUser).fill("treize");
    await form.getByRole("button", { name: en.adminSavings.save }).click();
    await form.getByText(en.validation.amount).first().waitFor();
    await form.getByLabel(en.adminSavings.pricePerUser).fill("14,50");
    await form.getByLabel(en.adminSavings.source).fill("zoom.com/fr/pricing, public price, December");
    await form.getByRole("button", { name: en.adminSavings.save }).click();
    await form.getByText(en.adminSavings.saved).waitFor();
    await admin.screenshot("en-92-admin-savings-prices");
    await page.goto(`${baseUrl}/savings`);
    await page.getByText(/Zoom Workplace Pro: €14\.50 excl\. VAT per user and month \(zoom\.com\/fr\/pricing, public price, December/).waitFor();
    await admin.context.close();
  });
});

function normalSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, " ").trim();
}
