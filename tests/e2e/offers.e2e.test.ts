import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { approveMilestone, confirmAccessRevoked, deliverHandoverPack, deliverMilestone, downloadHandoverPack, fill, giveBillingMandate, recordAccess } from "./pages/ContractFlows";
import { acceptContractDocuments, fundNextMilestone } from "./pages/JobFlows";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";
import { javascriptOf } from "./support/page-javascript";

launchBrowserPerFile();

describe.skipIf(!e2eEnabled).each([
  { lang: "fr", locale: "fr-FR", t: fr, expert: demoAccounts.expertSophie, client: demoAccounts.clientOwner, price: "1 800", word: "Lavandefr", expertHasMandate: true },
  { lang: "en", locale: "en-US", t: en, expert: demoAccounts.expertKarim, client: demoAccounts.clientMember, price: "1800", word: "Lavandeen", expertHasMandate: false },
] as const)("ready-made offers ($lang)", ({ lang, locale, t, expert, client, price, word, expertHasMandate }) => {
  it("an expert publishes an offer; a client finds it in /offers, answers its questions and orders it; the milestones run and the handover pack is delivered and downloaded", async () => {
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
    // A visitor's offer page loads neither its forms nor next-intl's client (OfferPageForms, LazyClientMessages).
    const anonymous = await fetch(`${baseUrl}${offerPath}`, { headers: { "accept-language": locale } });
    expect(anonymous.status).toBe(200);
    expect((await javascriptOf(await anonymous.text())).intl).toBe(false);

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

    // The contract runs: the NDA accepted by both sides, an access recorded, each milestone funded, delivered and approved.
    const contractPath = `/contracts/${contractId}`;
    const ssh = `ssh admin@nextcloud.${word.toLowerCase()}.example`;
    for (const p of [shop, page]) await acceptContractDocuments(p, t, contractPath, ["nda"]);
    await recordAccess(page, t, contractPath, { label: ssh, holder: expert.name });
    const milestones = ["Installation", "Comptes et prise en main", "Deux heures de formation"];
    for (const [i, milestone] of milestones.entries()) {
      await fundNextMilestone(shop, t, contractPath);
      await shop.getByText(fill(t.payments.fundingConfirmed, { title: milestone })).waitFor({ timeout: 60_000 });
      if (i === 0 && !expertHasMandate) {
        // Karim has not given the billing mandate yet: the delivery is refused with a link to it, what he typed kept.
        await page.goto(`${baseUrl}${contractPath}`);
        await page.getByLabel(t.payments.deliveryNote).fill("Installation faite.");
        await page.getByRole("button", { name: t.payments.markDelivered }).click();
        await page.getByText(t.payments.error_mandate_required).first().waitFor();
        expect(await page.getByLabel(t.payments.deliveryNote).inputValue()).toBe("Installation faite.");
        await page.getByRole("link", { name: t.payments.acceptMandateLink }).first().click();
        await giveBillingMandate(page, t, { legalName: "Karim Haddad EI", address: "12 rue des Ateliers", postalCode: "69003", city: "Lyon" });
      }
      await deliverMilestone(page, t, contractPath, `${milestone} : fait et vérifié avec le client.`);
      if (i === milestones.length - 1) break;
      await approveMilestone(shop, t, contractPath);
    }

    // The last milestone waits for the handover pack; the expert delivers it, listing the access to revoke.
    await page.getByText(t.handover.awaitsPack).waitFor();
    const architecture = `srv-${word} (Debian 12) : Nextcloud 30.0.2, PostgreSQL 16, Caddy 2.8.`;
    await deliverHandoverPack(page, t, contractPath, { architecture, revoke: [new RegExp(ssh.replace(/\./g, "\\."))] });
    await seller.screenshot(`${lang}-99-offer-handover-delivered`);

    // The client confirms the access revoked, approves the last milestone by hand and downloads the pack.
    await shop.goto(`${baseUrl}${contractPath}/handover`);
    await confirmAccessRevoked(shop, t, ssh);
    await buyer.screenshot(`${lang}-99-offer-handover-client`);
    await approveMilestone(shop, t, contractPath);
    const pdf = await downloadHandoverPack(shop, t, lang, contractPath);
    expect(pdf.status).toBe(200);
    expect(pdf.text).toContain(title);
    expect(pdf.text).toContain(architecture);
    expect(pdf.text).toContain(ssh);
    for (const v of [buyer, seller]) expect(foreignRequests(v)).toEqual([]);
    for (const v of [buyer, seller]) await v.context.close();
    // The other journeys start from the demo data, where Karim has given no billing mandate
    // (the contract chain checks his readiness list): put it back as it was.
    if (!expertHasMandate) await withdrawMandate(expert.email);
  });
});

async function withdrawMandate(email: string) {
  const sql = postgres(inject("e2eDatabaseUrl"), { max: 1 });
  try {
    await sql`delete from billing_mandates where user_id = (select id from users where email = ${email})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
