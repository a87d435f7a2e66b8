import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { formatMoney } from "@/lib/money/format";
import { mailboxSubjects, postNeed, sendBid } from "./pages/JobFlows";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const runs = [
  { lang: "fr", locale: "fr-FR", t: fr, title: "Passer notre facturation sur Odoo" },
  { lang: "en", locale: "en-US", t: en, title: "Move our invoicing to Odoo" },
] as const;

const before = (template: string, placeholder: string) => template.slice(0, template.indexOf(placeholder));

/** Each link of the "ready to be paid" checklist stays in its item's column, right of the badge, even when it wraps. */
async function expectReadinessLinksBesideBadges(page: Page) {
  const items = page.locator('section[aria-labelledby="readiness-title"] li');
  await items.first().waitFor();
  for (let index = 0; index < (await items.count()); index++) {
    const item = items.nth(index);
    if ((await item.getByRole("link").count()) === 0) continue;
    const badge = (await item.locator("span").first().boundingBox())!;
    const link = (await item.getByRole("link").boundingBox())!;
    expect(link.x, `item ${index + 1}`).toBeGreaterThan(badge.x + badge.width);
  }
}

describe.skipIf(!e2eEnabled).each(runs)("from a need to a signed contract ($lang)", ({ lang, locale, t, title }) => {
  it("two experts bid; the client compares, messages one and accepts it; both accept the documents; the other expert is told", async () => {
    const c = t.contracts;
    const client = await newVisitor(locale);
    await new SignInFlow(client.page).signIn(demoAccounts.clientOwner.email);
    await client.page.waitForURL(/\/dashboard/);
    const jobPath = await postNeed(client.page, t, {
      title,
      description: "Nous faisons nos factures sur un tableur et voulons un vrai logiciel de gestion, hébergé en France.",
      secret: "Export comptable actuel : dossier partagé \\\\srv-compta\\exports",
    });

    const sophie = await newVisitor(locale);
    await new SignInFlow(sophie.page).signIn(demoAccounts.expertSophie.email, jobPath);
    await sendBid(sophie.page, t, jobPath, {
      total: "3000",
      milestone: "Installation",
      method: "Installation d’Odoo sur un VPS français, reprise des clients et des articles depuis votre tableur, puis une journée de formation à la facturation.",
    });
    const karim = await newVisitor(locale);
    await new SignInFlow(karim.page).signIn(demoAccounts.expertKarim.email, jobPath);
    await sendBid(
      karim.page,
      t,
      jobPath,
      {
        total: "2600",
        milestone: "Odoo en service",
        method: "Odoo Community sur un serveur en France, paramétrage de la facturation et de la TVA, import de vos clients, formation de deux demi-journées sur place.",
      },
      async () => {
        // Karim is not ready to be paid: the form says what is missing, with links; the milestones match the total.
        await karim.page.getByRole("heading", { name: t.readiness.title }).waitFor();
        await karim.page.getByText(t.bids.milestoneSumOk.slice(0, 12)).waitFor();
        await expectReadinessLinksBesideBadges(karim.page);
        await karim.screenshot(`${lang}-45-bid-form-readiness`);
      },
    );

    // The client compares both bids side by side and writes to Karim.
    const page = client.page;
    await page.goto(`${baseUrl}${jobPath}/bids`);
    await page.getByRole("table").getByRole("rowheader", { name: new RegExp(demoAccounts.expertSophie.name) }).waitFor();
    await page.getByRole("table").getByRole("rowheader", { name: new RegExp(demoAccounts.expertKarim.name) }).waitFor();
    // Prices are compared VAT included, and each expert's readiness to be paid is shown (issue 12).
    const karimRow = page.getByRole("table").getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(demoAccounts.expertKarim.name) }) });
    await karimRow.getByText(t.prices.regime_franchise, { exact: false }).waitFor(); // Karim is under the VAT franchise
    await karimRow.getByText(before(t.bids.payableNoShort, "{count")).waitFor();
    await page.getByText(t.bids.compareVatNote).waitFor();
    await client.screenshot(`${lang}-50-bids-side-by-side`);
    await page.getByRole("link", { name: t.bids.openConversation.replace("{expert}", demoAccounts.expertKarim.name) }).click();
    await page.getByLabel(t.conversation.messageLabel).fill("Bonjour, pouvez-vous reprendre aussi nos fournisseurs ?");
    await page.getByRole("button", { name: t.conversation.send }).click();
    await page.getByRole("listitem").filter({ hasText: "reprendre aussi nos fournisseurs" }).waitFor();
    await client.screenshot(`${lang}-51-conversation`);

    // Karim sees the unread message on his dashboard and answers.
    await karim.page.goto(`${baseUrl}/dashboard`);
    await karim.page.getByRole("heading", { name: t.dashboard.unreadMessages }).waitFor();
    // Verified: no "complete your profile"; the readiness checklist links to what is missing.
    await karim.page.getByRole("link", { name: t.dashboard.editVerifiedProfile }).waitFor();
    expect(await karim.page.getByRole("link", { name: t.dashboard.editProfile, exact: true }).count()).toBe(0);
    await karim.page.getByRole("heading", { name: t.readiness.title }).waitFor();
    await karim.page.getByRole("link", { name: t.readiness.fix_mandate }).waitFor();
    await karim.screenshot(`${lang}-49-expert-dashboard-readiness`);
    await karim.page.getByRole("link", { name: new RegExp(title) }).first().click();
    await karim.page.getByLabel(t.conversation.messageLabel).fill("Oui, les fournisseurs sont compris dans le prix.");
    await karim.page.getByRole("button", { name: t.conversation.send }).click();
    await karim.page.getByRole("listitem").filter({ hasText: "fournisseurs sont compris" }).waitFor();

    // The client accepts Karim's bid: a confirmation is required first.
    await page.goto(`${baseUrl}${jobPath}/bids`);
    const karimCard = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: c.acceptBidButton }) }).filter({ hasText: demoAccounts.expertKarim.name });
    // Karim has no billing mandate: the client is warned before choosing him.
    await karimCard.getByText(before(c.acceptNotReadyWarning, "{missing}").replace("{expert}", demoAccounts.expertKarim.name)).waitFor();
    await karimCard.getByRole("button", { name: c.acceptBidButton }).click();
    await karimCard.getByText(t.validation.confirmRequired).waitFor();
    await karimCard.getByLabel(new RegExp(before(c.acceptBidConfirm, "{expert}"))).check();
    await karimCard.getByRole("button", { name: c.acceptBidButton }).click();
    await page.waitForURL(/\/contracts\/[0-9a-f-]+$/);
    const contractPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: c.heading.replace("{job}", title) }).waitFor();
    await page.getByText(c.awaitingBothDocuments).waitFor();
    await client.screenshot(`${lang}-52-contract-formed`);

    // Each side reads and accepts the NDA and the art. 28 agreement.
    const acceptAll = async (p: typeof page) => {
      for (const kind of ["nda", "dpa"] as const) {
        await p.goto(`${baseUrl}${contractPath}`);
        await p.getByRole("listitem").filter({ hasText: c[`document_${kind}`] }).getByRole("link", { name: c.readAndAccept }).click();
        await p.getByRole("heading", { level: 2, name: c.acceptanceHeading }).waitFor();
        await p.getByLabel(new RegExp(before(c[`confirm_${kind}`], "{party}"))).check();
        await p.getByRole("button", { name: c.acceptButton }).click();
        await p.getByText(c.youAccepted).waitFor();
      }
    };
    await acceptAll(page);
    await page.goto(`${baseUrl}${contractPath}/documents/dpa`);
    await client.screenshot(`${lang}-53-dpa-accepted`);
    const pdf = await page.request.get(`${baseUrl}${contractPath}/documents/dpa/pdf?lang=${lang}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    await karim.page.goto(`${baseUrl}/dashboard`);
    // His checklist, in the dashboard's narrower column, where the links wrap.
    await expectReadinessLinksBesideBadges(karim.page);
    // His contracts say their total excludes VAT (the amount alone read as what the client pays).
    const contractRow = karim.page.locator('section[aria-labelledby="my-contracts"] li').filter({ hasText: title });
    expect(await contractRow.textContent()).toContain(t.prices.exVat.replace("{amount}", formatMoney(260_000, lang)));
    await karim.page.getByRole("link", { name: title }).first().click();
    await acceptAll(karim.page);
    await karim.page.goto(`${baseUrl}${contractPath}`);
    await karim.page.getByText(c.status_active).waitFor();
    await karim.screenshot(`${lang}-54-contract-active`);

    // Sophie was told, in the language she signed in with (the account takes it at sign-in), that her bid was not chosen.
    const subjects = await mailboxSubjects(sophie.page, demoAccounts.expertSophie.email);
    expect(subjects).toContain(t.emails.bidEvent.jobAwarded.subject.replace("{job}", title));
    const pdfForSophie = await sophie.page.request.get(`${baseUrl}${contractPath}/documents/nda/pdf`);
    expect(pdfForSophie.status()).toBe(404);
    await sophie.page.goto(`${baseUrl}${contractPath}`);
    await sophie.page.getByRole("heading", { level: 1, name: t.errors.notFoundTitle }).waitFor();

    for (const v of [client, sophie, karim]) expect(foreignRequests(v)).toEqual([]);
    for (const v of [client, sophie, karim]) await v.context.close();
  });
});
