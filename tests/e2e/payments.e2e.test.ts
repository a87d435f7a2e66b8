import postgres from "postgres";
import { describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { formatMoney } from "@/lib/money/format";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { demoContractTitle } from "@/scripts/lib/demo-contract";
import { docxBytes } from "../helpers/zip";
import { mailboxSubjects } from "./pages/JobFlows";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const before = (template: string, placeholder: string) => template.slice(0, template.indexOf(placeholder));

describe.skipIf(!e2eEnabled)("payments in test mode (client in French, expert in English)", () => {
  it("fund, deliver, approve, the expert's balance; then a dispute settled with a partial refund", async () => {
    const client = await newVisitor("fr-FR");
    const page = client.page;
    await new SignInFlow(page).signIn(demoAccounts.clientOwner.email);
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("region", { name: fr.contracts.listHeading }).getByRole("link", { name: demoContractTitle }).click();
    await page.waitForURL(/\/contracts\//);
    const contractUrl = page.url();
    // Each milestone's amount says it includes VAT (1 080 € TTC for 900 € HT), beside the line that splits it.
    const firstMilestone = page.locator('li[id^="milestone-"]').first();
    expect(await firstMilestone.textContent()).toContain(fr.prices.inclVat.replace("{amount}", formatMoney(108_000, "fr")));

    // Fund the first milestone: the local checkout, then the contract says "being confirmed" until the event is processed.
    await page.getByRole("button", { name: fr.payments.fund }).first().click();
    await page.waitForURL(/\/pay\/test\/checkout\//);
    await client.screenshot("fr-60-test-checkout");
    await page.getByRole("button", { name: fr.testMode.payCard }).click();
    await page.waitForURL(/\/contracts\/.*funding=/);
    await page.getByText(fr.payments.fundingConfirmed.replace("{title}", "Audit et installation de Nextcloud")).waitFor({ timeout: 60_000 });
    await client.screenshot("fr-61-milestone-funded");

    // The expert (English) connects payouts in test mode, then delivers.
    const expert = await newVisitor("en-US");
    const ep = expert.page;
    await new SignInFlow(ep).signIn(demoAccounts.expertSophie.email, "/expert/payouts");
    await ep.waitForURL(/\/expert\/payouts/);
    // "Set up", or "Resume" when an earlier journey on this app started the onboarding (the
    // authorization matrix follows /expert/payouts/refresh as each person).
    await ep.getByRole("button", { name: new RegExp(`^(${en.payouts.connect}|${en.payouts.resume})$`) }).click();
    await ep.waitForURL(/\/pay\/test\/onboarding\//);
    await ep.getByRole("button", { name: en.testMode.completeOnboarding }).click();
    await ep.waitForURL(/\/expert\/payouts/);
    await ep.goto(contractUrl);
    await ep.getByLabel(en.payments.deliveryNote).fill("Nextcloud is installed on the VPS; the admin account and the checklist are in the shared folder.");
    await ep.getByRole("button", { name: en.payments.markDelivered }).click();
    await ep.getByText(en.payments.done_delivered).waitFor();
    await expert.screenshot("en-62-delivered");

    // The client approves (after confirming), the expert is paid net of commission.
    await page.goto(contractUrl);
    await page.getByLabel(new RegExp(before(fr.payments.approveConfirm, "{amount}"))).check();
    await page.getByRole("button", { name: fr.payments.approve }).click();
    await page.getByText(fr.payments.done_approved).waitFor();
    await client.screenshot("fr-63-approved");

    // The client downloads the expert's invoice (Factur-X PDF); the expert sees it with Compagnon's commission invoice.
    await page.goto(`${baseUrl}/invoices`);
    const invoiceLink = page.getByRole("link", { name: /^Télécharger F-/ }).first();
    await invoiceLink.waitFor();
    await client.screenshot("fr-63b-invoices");
    const pdf = await page.request.get(new URL((await invoiceLink.getAttribute("href")) ?? "", baseUrl).toString());
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).includes("factur-x.xml")).toBe(true);
    expect(await page.getByRole("link", { name: /^Télécharger C-/ }).count()).toBe(0);
    const csv = await page.request.get(`${baseUrl}/invoices/export`);
    expect(await csv.text()).toContain("1080,00");

    await ep.goto(`${baseUrl}/invoices`);
    await ep.getByRole("link", { name: /^Download F-/ }).first().waitFor();
    await ep.getByRole("link", { name: /^Download C-/ }).first().waitFor();
    await expert.screenshot("en-63c-expert-invoices");
    // E-invoicing: the demo has no Plateforme Agréée, and every document says so, in each language.
    await ep.getByRole("columnheader", { name: en.einvoicing.colStatus }).waitFor();
    await ep.getByText(en.einvoicing.state_off).first().waitFor();
    await page.getByText(fr.einvoicing.state_off).first().waitFor();
    // The statuses a PA sends back, as the poll records them (200 Déposée, 212 Encaissée), in both languages.
    const contractId = new URL(contractUrl).pathname.split("/")[2]!;
    const database = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
    try {
      await database`insert into einvoice_transmissions (invoice_id, tracking_id, state, lifecycle_code, lifecycle_at)
        select id, id::text, 'submitted', case when role = 'service' then 212 else 200 end, now() from invoices where contract_id = ${contractId}
        on conflict (invoice_id) do update set state = 'submitted', skip_reason = null, lifecycle_code = excluded.lifecycle_code, lifecycle_at = excluded.lifecycle_at`;
    } finally {
      await database.end({ timeout: 5 });
    }
    await page.reload();
    await page.getByText(fr.einvoicing.status_212).first().waitFor();
    await client.screenshot("fr-63d-einvoicing-statuses");
    await ep.reload();
    await ep.getByText(en.einvoicing.status_212).first().waitFor();
    await ep.getByText(en.einvoicing.status_200).first().waitFor();
    await expert.screenshot("en-63e-einvoicing-statuses");
    // An English reader also gets each document with English labels beside the French (the French text binds).
    for (const kind of ["F", "C"]) {
      const english = ep.getByRole("link", { name: new RegExp(`^Download ${kind}-.* with English labels`) }).first();
      const copy = await ep.request.get(new URL((await english.getAttribute("href")) ?? "", baseUrl).toString());
      expect(copy.status()).toBe(200);
      expect(copy.headers()["content-disposition"]).toMatch(/-fr-en\.pdf"$/);
      expect((await copy.body()).includes("factur-x.xml")).toBe(true);
    }
    expect(await page.getByRole("link", { name: /with English labels|libellés en anglais/ }).count()).toBe(0); // the French reader sees the French file only

    await ep.goto(`${baseUrl}/expert/payouts`);
    // 900 € excl. VAT + 20 % VAT = 1 080 €; commission 90 € → 990 € paid out.
    await ep.getByText(/990[.,]00/).first().waitFor({ timeout: 60_000 });
    await expert.screenshot("en-64-expert-balance");

    // Second milestone: funded, then disputed by the client; an admin settles it with a partial refund.
    await page.goto(contractUrl);
    await page.getByRole("button", { name: fr.payments.fund }).first().click();
    await page.waitForURL(/\/pay\/test\/checkout\//);
    // Paid by SEPA debit this time: "being confirmed", no second pay button, and in test mode the
    // bank's answer can be played from the contract page.
    await page.getByRole("button", { name: fr.testMode.paySepa }).click();
    await page.waitForURL(/\/contracts\/.*funding=/);
    await page.getByText(fr.payments.status_confirming, { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: fr.payments.fund }).count()).toBe(0);
    const settleLink = page.getByRole("link", { name: fr.testMode.settleFromContract });
    for (let tries = 0; tries < 40 && !(await settleLink.isVisible()); tries += 1) {
      await page.waitForTimeout(500);
      await page.goto(contractUrl);
    }
    await page.getByText(fr.payments.status_confirming, { exact: true }).waitFor();
    expect(await page.getByRole("button", { name: fr.payments.fund }).count()).toBe(0);
    await client.screenshot("fr-64b-sepa-being-confirmed");
    await settleLink.click();
    await page.getByRole("button", { name: fr.testMode.settleSucceeded }).click();
    await page.getByText(fr.testMode.sepaSettled).waitFor();
    await page.getByRole("link", { name: fr.testMode.returnToSite }).click();
    await page.getByText(fr.payments.fundingConfirmed.replace("{title}", "Sauvegardes chiffrées")).waitFor({ timeout: 60_000 });
    // Each payment confirmed is receipted to the client, in French.
    const clientMail = await mailboxSubjects(page, demoAccounts.clientOwner.email);
    expect(clientMail.filter((subject) => subject.startsWith(before(fr.emails.paymentReceipt.subject, "{amount}"))).length).toBeGreaterThanOrEqual(2);
    await page.goto(contractUrl);
    await page.getByText(fr.payments.openDispute, { exact: true }).click(); // opens the dispute form
    await page.getByLabel(fr.payments.reason_quality).check();
    await page.getByLabel(fr.payments.disputeText).fill("Les sauvegardes ne tournent que sur une boutique sur deux depuis la livraison.");
    await page.locator('input[id^="dispute-file-"]').setInputFiles({ name: "journal-sauvegardes.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n% journal\n%%EOF\n") });
    await page.getByRole("button", { name: fr.payments.openDisputeButton }).click();
    await page.waitForURL(/\/disputes\//);
    await page.getByText(fr.disputes.opened).waitFor();
    await page.getByRole("link", { name: /journal-sauvegardes\.pdf/ }).waitFor();
    const disputeUrl = page.url().replace(/\?.*$/, "");
    await client.screenshot("fr-65a-dispute-opened");
    // The expert is emailed (in his account's language: see tests/integration/disputes/thread.test.ts).
    const subjects = await mailboxSubjects(page, demoAccounts.expertSophie.email);
    expect(subjects.some((s) => s.startsWith("Dispute opened") || s.startsWith("Litige ouvert"))).toBe(true);

    // The expert (English) answers in the thread with a file.
    await ep.goto(contractUrl);
    await ep.getByRole("link", { name: en.disputes.seeDispute }).click();
    await ep.waitForURL(/\/disputes\//);
    await ep.getByRole("heading", { level: 1, name: /Dispute on milestone 2/ }).waitFor();
    await ep.getByText(en.payments.reason_quality).waitFor();
    await ep.getByLabel(en.disputes.messageLabel).fill("The second shop had no network on the day; backups run there since the 3rd, logs attached.");
    await ep.locator("#dispute-message-file").setInputFiles({ name: "backup-log.docx", mimeType: "application/octet-stream", buffer: Buffer.from(docxBytes()) });
    await ep.getByRole("button", { name: en.disputes.send, exact: true }).click();
    await ep.getByText(en.disputes.sent).waitFor();
    await ep.getByRole("link", { name: /backup-log\.docx/ }).waitFor();
    await expert.screenshot("en-65b-dispute-answered");

    // The admin cannot settle inside the expert's response window while the sides still talk.
    const admin = await newVisitor("fr-FR");
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin/disputes");
    await admin.page.waitForURL(/\/admin\/disputes/);
    await admin.page.getByRole("link", { name: new RegExp(demoContractTitle) }).first().click();
    await admin.page.getByText(before(fr.disputes.settleBlocked, "{date}")).waitFor();
    await admin.page.getByLabel(fr.adminPayments.outcome_split).check();
    await admin.page.getByLabel(fr.adminPayments.refundAmount).fill("200");
    await admin.page.getByLabel(fr.adminPayments.note).fill("Une boutique sur deux est sauvegardée : partage décidé.");
    await admin.page.getByRole("button", { name: fr.adminPayments.settle }).click();
    await admin.page.getByText(fr.payments.error_response_window).first().waitFor();
    expect(await admin.page.getByText("not_as_agreed").count()).toBe(0);
    expect(await admin.page.getByText("funding_started").count()).toBe(0);
    await admin.screenshot("fr-65c-dispute-admin-blocked");

    // Both sides say they have nothing to add: the admin may decide now.
    await ep.getByRole("button", { name: en.disputes.readyButton }).click();
    await ep.getByText(en.disputes.readyDone).waitFor();
    await page.goto(disputeUrl);
    await page.getByRole("button", { name: fr.disputes.readyButton }).click();
    await page.getByText(fr.disputes.readyDone).waitFor();
    // The expert's file: an attachment, never sniffed; a stranger gets nothing.
    const fileHref = (await page.getByRole("link", { name: /backup-log\.docx/ }).getAttribute("href")) ?? "";
    const download = await page.request.get(new URL(fileHref, baseUrl).toString());
    expect(download.status()).toBe(200);
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="backup-log\.docx"/);
    expect(download.headers()["x-content-type-options"]).toBe("nosniff");
    expect((await fetch(new URL(fileHref, baseUrl), { redirect: "manual" })).status).toBe(401);
    await client.screenshot("fr-65d-dispute-ready");

    await admin.page.reload();
    await admin.page.getByText(fr.disputes.bothReady).waitFor();
    await admin.page.getByLabel(fr.adminPayments.outcome_split).check();
    await admin.page.getByLabel(fr.adminPayments.refundAmount).fill("200");
    await admin.page.getByLabel(fr.adminPayments.note).fill("Une boutique sur deux est sauvegardée : partage décidé.");
    await admin.page.getByRole("button", { name: fr.adminPayments.settle }).click();
    await admin.page.getByText(fr.adminPayments.settledDone).waitFor();
    await admin.screenshot("fr-65-dispute-settled");

    await page.goto(contractUrl);
    await page.getByText(/200,00/).first().waitFor();
    await client.screenshot("fr-66-contract-after-split");
    // The refund goes through the background worker: its email follows within a few seconds.
    let refunded = false;
    for (let attempt = 0; attempt < 20 && !refunded; attempt++) {
      refunded = (await mailboxSubjects(page, demoAccounts.clientOwner.email)).some((s) => s.startsWith("Remboursement de 200,00"));
      if (!refunded) await page.waitForTimeout(500);
    }
    expect(refunded).toBe(true);

    // Issue 13: the month's VAT on the admin payments page (commissions on the CA3 lines, the
    // experts' VAT apart), agreeing with the ledger, in French then English, and its CSV.
    await admin.page.goto(`${baseUrl}/admin/payments`);
    await admin.page.getByText(fr.adminPayments.vatLedgerAgrees).waitFor();
    await admin.page.getByRole("table", { name: new RegExp(before(fr.adminPayments.vatCaption, "{period}")) }).getByText(fr.adminPayments.vatLine16).waitFor();
    await admin.screenshot("fr-67-admin-payments-vat");
    const vatCsv = await admin.page.request.get(`${baseUrl}/admin/payments/vat`);
    expect(vatCsv.status()).toBe(200);
    expect(await vatCsv.text()).toMatch(/^\uFEFFMois;Declaration;LigneCA3;Libelle;TauxTVA;BaseHT;TVA\r\n.*;CA3 Compagnon;08;.*;20,00;/s);
    await admin.context.addCookies([{ name: "NEXT_LOCALE", value: "en", url: baseUrl }]);
    await admin.page.reload();
    await admin.page.getByRole("heading", { name: en.adminPayments.vatExpertsHeading }).waitFor();
    await admin.page.getByText(en.adminPayments.vatLedgerAgrees).waitFor();
    await admin.screenshot("en-67-admin-payments-vat");

    for (const v of [client, expert, admin]) expect(foreignRequests(v)).toEqual([]);
    for (const v of [client, expert, admin]) await v.context.close();
  });
});
