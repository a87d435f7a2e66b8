import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const normal = (text: string) => text.replace(/[\s\u00a0\u202f]+/g, " ").trim();

/** A chart's data (as drawn) and a column of its table (as read): they must say the same. */
async function chartSeries(page: Page, chart: string): Promise<{ label: string; values: number[] }[]> {
  return JSON.parse((await page.locator(`svg[data-chart="${chart}"]`).getAttribute("data-series")) ?? "[]") as { label: string; values: number[] }[];
}

async function column(page: Page, table: string, index: number): Promise<string[]> {
  const rows = page.getByTestId(table).locator("tbody tr");
  return (await rows.evaluateAll((trs, i) => trs.map((tr) => tr.querySelectorAll("td")[i]?.textContent ?? ""), index)).map(normal);
}

describe.skipIf(!e2eEnabled).each([
  { lang: "fr", locale: "fr-FR", t: fr, intl: "fr-FR" },
  { lang: "en", locale: "en-US", t: en, intl: "en-GB" },
] as const)("insights ($lang)", ({ lang, locale, t, intl }) => {
  const whole = (cents: number) => normal(new Intl.NumberFormat(intl, { style: "currency", currency: "EUR", maximumFractionDigits: 0 }).format(Math.round(cents / 100)));
  const exact = (cents: number) => normal(new Intl.NumberFormat(intl, { style: "currency", currency: "EUR" }).format(cents / 100));

  it("an admin reads the marketplace's health: each chart's data is its table's; the period changes; the CSV downloads", async () => {
    const admin = await newVisitor(locale);
    const { page } = admin;
    await new SignInFlow(page).signIn(demoAccounts.admin.email, "/admin/insights");
    await page.getByRole("heading", { level: 1, name: t.insights.adminTitle }).waitFor();
    const money = await chartSeries(page, "money-chart");
    expect(money.map((s) => s.label)).toEqual([t.insights.funded, t.insights.released, t.insights.refunded]);
    expect(money[0]?.values).toHaveLength(12);
    for (const [index, series] of money.entries()) expect(await column(page, "money-table", index)).toEqual(series.values.map(whole));
    const supply = await chartSeries(page, "supply-chart");
    expect(await column(page, "supply-table", 0)).toEqual((supply[0]?.values ?? []).map((v) => new Intl.NumberFormat(intl).format(v)));
    const liquidity = await chartSeries(page, "liquidity-chart");
    const contracts = await column(page, "liquidity-table", 4);
    expect(contracts).toEqual((liquidity[0]?.values ?? []).map((v) => new Intl.NumberFormat(intl).format(v)));
    await admin.screenshot(`${lang}-95-admin-insights`);

    await page.getByRole("navigation", { name: t.insights.periodLabel }).getByRole("link", { name: t.insights.lastMonths.replace("{count}", "3") }).click();
    await page.waitForURL(/period=3/);
    expect((await chartSeries(page, "money-chart"))[0]?.values).toHaveLength(3);
    const csv = await page.request.get(`${baseUrl}/admin/insights/csv?dataset=money&period=3`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\r\n")[0]).toContain("mois;finance_ttc");
    expect(foreignRequests(admin)).toEqual([]);
    await admin.context.close();
  });

  it("an expert's earnings and a client's spending: the charts' data are their tables'", async () => {
    const expert = await newVisitor(locale);
    await new SignInFlow(expert.page).signIn(demoAccounts.expertSophie.email, "/expert/earnings");
    await expert.page.getByRole("heading", { level: 1, name: t.insights.earningsTitle }).waitFor();
    const earnings = await chartSeries(expert.page, "earnings-chart");
    expect(earnings.map((s) => s.label)).toEqual([t.insights.releasedTurnover, t.insights.pending, t.insights.upcoming]);
    expect(await column(expert.page, "earnings-table", 0)).toEqual((earnings[0]?.values ?? []).map(exact));
    expect(await column(expert.page, "earnings-table", 3)).toEqual((earnings[1]?.values ?? []).map(exact));
    expect(await column(expert.page, "earnings-table", 4)).toEqual((earnings[2]?.values ?? []).map(exact));
    // The demo contract is signed and not funded: its milestones are still to be funded.
    expect((earnings[2]?.values ?? []).reduce((sum, v) => sum + v, 0)).toBeGreaterThan(0);
    await expert.page.getByTestId("earnings-ceiling").waitFor();
    if ((await expert.page.locator('svg[data-chart="ceiling-chart"]').count()) > 0) {
      const ceiling = await chartSeries(expert.page, "ceiling-chart");
      expect(await column(expert.page, "ceiling-table", 0)).toEqual((ceiling[0]?.values ?? []).map(exact));
    }
    await expert.screenshot(`${lang}-96-expert-earnings`);
    await expert.context.close();

    // An expert with no contract reads a sentence, not a flat chart over fifteen rows of zeros.
    const newcomer = await newVisitor(locale);
    await new SignInFlow(newcomer.page).signIn(demoAccounts.expertThomas.email, "/expert/earnings");
    await newcomer.page.getByText(t.insights.earningsEmpty).waitFor();
    expect(await newcomer.page.locator('svg[data-chart="earnings-chart"]').count()).toBe(0);
    expect(await newcomer.page.getByTestId("earnings-table").count()).toBe(0);
    // Nor has he an invoice: "none yet", not "none in this period" for all dates.
    await newcomer.page.goto(`${baseUrl}/invoices`);
    await newcomer.page.getByText(t.invoices.noneYet).waitFor();
    await newcomer.context.close();

    const client = await newVisitor(locale);
    await new SignInFlow(client.page).signIn(demoAccounts.clientOwner.email, "/dashboard");
    await client.page.getByRole("heading", { name: t.insights.spendingTitle }).waitFor();
    // The month chart and its table when something was spent; nothing spent, neither (a flat chart and rows of zeros).
    const spentTotal = normal((await client.page.getByTestId("spending-totals").locator("dd").first().textContent()) ?? "");
    if (spentTotal === exact(0)) {
      expect(await client.page.locator('svg[data-chart="spending-chart"]').count()).toBe(0);
      expect(await client.page.getByTestId("spending-months").count()).toBe(0);
    } else {
      const spent = await chartSeries(client.page, "spending-chart");
      expect(await column(client.page, "spending-months", 0)).toEqual((spent[0]?.values ?? []).map(exact));
    }
    await client.page.getByTestId("spending-contracts").waitFor();
    await client.screenshot(`${lang}-97-client-spending`);
    expect(foreignRequests(client)).toEqual([]);
    await client.context.close();
  });
});
