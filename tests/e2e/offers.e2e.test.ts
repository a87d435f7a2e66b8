import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

describe.skipIf(!e2eEnabled).each([
  { lang: "fr", locale: "fr-FR", t: fr, expert: demoAccounts.expertSophie, client: demoAccounts.clientOwner, price: "1 800", word: "Lavandefr" },
  { lang: "en", locale: "en-US", t: en, expert: demoAccounts.expertKarim, client: demoAccounts.clientMember, price: "1800", word: "Lavandeen" },
] as const)("ready-made offers ($lang)", ({ lang, locale, t, expert, client, price, word }) => {
  it("an expert publishes an offer; a client finds it in /offers, answers its questions and orders it; the contract forms with its milestones", async () => {
    const title = `Nextcloud ${word} pour 10 personnes`;
    const seller = await newVisitor(locale);
    await new SignInFlow(seller.page).signIn(expert.email, "/expert/offers");
    const page = seller.page;
    await page.getByRole("heading", { level: 1, name: t.offers.myTitle }).waitFor();
    await page.getByRole("link", { name: t.offers.new }).click();
    await page.getByRole("heading", { level: 1, name: t.offers.newTitle }).waitFor();

    // A mistake first: milestones that do not add up to the price; what was typed stays.
    await page.getByLabel(t.offers.fieldTitle, { exact: true }).fill(title);
    await page.getByLabel(t.offers.fieldSoftware, { exact: true }).selectOption({ label: "Nextcloud" });
    await page.getByLabel(t.offers.fieldSummary, { exact: true }).fill("Nextcloud sur votre VPS français, sauvegardes chiffrées et comptes pour toute l’équipe, prêt en dix jours.");
    await page.getByLabel(t.offers.fieldIncluded, { exact: true }).fill("Installation, certificat TLS, 10 comptes, sauvegardes chiffrées, une heure de prise en main.");
    await page.getByLabel(t.offers.fieldPrerequisites, { exact: true }).fill("Un VPS avec 4 Go de RAM sous Debian 12.");
    await page.getByLabel(t.offers.fieldHostingMin).fill("8");
    await page.getByLabel(t.offers.fieldHostingMax).fill("20");
    await page.getByLabel(t.offers.fieldPrice, { exact: true }).fill(price);
    await page.getByLabel(t.offers.fieldDeliveryDays, { exact: true }).fill("10");
    await page.locator('input[name="milestones.0.title"]').fill("Installation");
    await page.locator('input[name="milestones.0.amount"]').fill("1000");
    await page.getByRole("button", { name: t.offers.addMilestone }).click();
    await page.locator('input[name="milestones.1.title"]').fill("Comptes et prise en main");
    await page.locator('input[name="milestones.1.amount"]').fill("600");
    await page.getByRole("button", { name: t.offers.addExtra }).click();
    await page.locator('input[name="extras.0.title"]').fill("Deux heures de formation");
    await page.locator('input[name="extras.0.price"]').fill("200");
    await page.getByLabel(t.offers.fieldRemote, { exact: true }).check();
    await page.getByLabel(t.offers.fieldDepartements, { exact: true }).fill("69, 01");
    await page.getByLabel(t.offers.fieldQuestions, { exact: true }).fill("Combien de comptes faut-il créer ?\nQuel nom de domaine utiliser ?");
    await page.getByRole("button", { name: t.offers.create }).click();
    await page.getByText(t.validation.milestoneSum).waitFor();
    expect(await page.getByLabel(t.offers.fieldTitle, { exact: true }).inputValue()).toBe(title);
    await seller.screenshot(`${lang}-95-offer-form-error`);
    await page.locator('input[name="milestones.0.amount"]').fill("1200");
    await page.getByRole("button", { name: t.offers.create }).click();
    await page.getByText(t.offers.saved).waitFor();
    const row = page.getByRole("row", { name: new RegExp(title) });
    await row.getByRole("button", { name: t.offers.publish }).click();
    await row.getByText(t.offers.status_published).waitFor();
    const offerPath = (await row.getByRole("link", { name: title, exact: true }).getAttribute("href")) ?? "";
    expect(offerPath).toMatch(/^\/offers\/[0-9a-f-]{36}$/);
    await seller.screenshot(`${lang}-96-my-offers`);
    await seller.context.close();

    // The client finds it in the catalogue, with a search and filters.
    const buyer = await newVisitor(locale);
    await new SignInFlow(buyer.page).signIn(client.email, "/offers");
    const shop = buyer.page;
    await shop.getByRole("heading", { level: 1, name: t.offers.title }).waitFor();
    await shop.getByLabel(t.offers.filterQ, { exact: true }).fill(word);
    await shop.getByLabel(t.offers.fieldSoftware, { exact: true }).selectOption({ label: "Nextcloud" });
    await shop.getByLabel(t.offers.filterMaxPrice, { exact: true }).fill("2000");
    await shop.getByRole("button", { name: t.offers.submit }).click();
    await shop.waitForURL(/q=/);
    await shop.getByRole("link", { name: title, exact: true }).waitFor();
    await buyer.screenshot(`${lang}-97-offers-catalogue`);
    await shop.setViewportSize({ width: 390, height: 844 });
    expect(await shop.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await buyer.screenshot(`${lang}-97-offers-catalogue-phone`);
    await shop.setViewportSize({ width: 1280, height: 900 });
    await shop.getByRole("link", { name: title, exact: true }).click();
    await shop.getByRole("heading", { level: 1, name: title }).waitFor();
    await shop.locator(`a[href^="/report?type=offer&id=${offerPath.split("/")[2]}"]`).waitFor();

    // Ordering without answering is refused, field by field.
    await shop.getByRole("button", { name: t.offers.order, exact: true }).click();
    await shop.getByText(t.validation.placeRequired).first().waitFor();
    await shop.getByLabel("Combien de comptes faut-il créer ?").fill("12 comptes");
    await shop.getByLabel("Quel nom de domaine utiliser ?").fill("cloud.boulangerie-martin.fr");
    await shop.getByLabel(/Deux heures de formation/).check();
    await shop.getByLabel(t.offers.orderPlace, { exact: true }).selectOption("69");
    await shop.getByRole("radio", { name: new RegExp(t.jobWizard.personalDataNo) }).check();
    const anyway = shop.getByLabel(t.offers.orderAnyway, { exact: true });
    if (await anyway.count()) await anyway.check();
    await buyer.screenshot(`${lang}-98-offer-order`);
    await shop.setViewportSize({ width: 390, height: 844 });
    expect(await shop.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await buyer.screenshot(`${lang}-98-offer-order-phone`);
    await shop.setViewportSize({ width: 1280, height: 900 });
    await shop.getByRole("button", { name: t.offers.order, exact: true }).click();
    await shop.waitForURL(/\/contracts\/[0-9a-f-]{36}$/);

    // The contract: the offer's milestones and the extra, the answers kept with it.
    await shop.getByRole("heading", { name: t.offers.contractHeading }).waitFor();
    await shop.getByText("cloud.boulangerie-martin.fr").waitFor();
    for (const milestone of ["Installation", "Comptes et prise en main", "Deux heures de formation"]) await shop.getByRole("heading", { level: 3, name: new RegExp(milestone) }).first().waitFor();
    await buyer.screenshot(`${lang}-99-offer-contract`);
    expect(foreignRequests(buyer)).toEqual([]);
    const contractId = new URL(shop.url()).pathname.split("/")[2] ?? "";
    const sql = postgres(inject("e2eDatabaseUrl"), { max: 1 });
    try {
      const rows = await sql<{ offer_id: string; total_cents: number; amounts: number[] }[]>`
        select c.offer_id, c.total_cents, array_agg(m.amount_cents order by m.position) as amounts
        from contracts c join contract_milestones m on m.contract_id = c.id where c.id = ${contractId} group by c.id`;
      expect(rows[0]).toEqual({ offer_id: offerPath.split("/")[2], total_cents: 200_000, amounts: [120_000, 60_000, 20_000] });
    } finally {
      await sql.end({ timeout: 5 });
    }
    await buyer.context.close();
  });
});
