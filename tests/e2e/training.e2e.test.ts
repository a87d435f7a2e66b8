import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { acceptContractDocuments, fundNextMilestone, mailboxSubjects, postNeed, sendBid } from "./pages/JobFlows";
import { openFundedContract } from "./pages/ContractFlows";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const runs = [
  { lang: "fr", locale: "fr-FR", t: fr, title: "Former l’accueil à Odoo", attendee: "lea.formation-fr@example.org", period: "Le lundi 12 avril 2027" },
  { lang: "en", locale: "en-US", t: en, title: "Train the front desk on Odoo", attendee: "lea.training-en@example.org", period: "Monday 12 April 2027" },
] as const;

const objectives = "Savoir créer un devis, le transformer en facture et relancer un client dans Odoo.";

const before = (template: string, placeholder: string) => template.slice(0, template.indexOf(placeholder));

describe.skipIf(!e2eEnabled).each(runs)("one training from need to certificates ($lang)", ({ lang, locale, t, title, attendee, period }) => {
  it("the client posts a training need, the expert's terms start from it, the client compares the terms, both accept the agreement, and both download the agreement, attendance sheet and certificates", async () => {
    const tr = t.training;
    const client = await newVisitor(locale);
    const page = client.page;
    await new SignInFlow(page).signIn(demoAccounts.clientOwner.email);
    await page.waitForURL(/\/dashboard/);
    const jobPath = await postNeed(page, t, {
      kind: "training",
      title,
      description: "Notre équipe d’accueil doit apprendre à saisir les devis et les factures dans Odoo.",
      secret: "Base de test : odoo-test.interne",
      training: { objectives, level: "Aucun prérequis, utilisent déjà un navigateur.", hours: "7", attendees: "4", period, qualiopi: true },
    });
    const w = t.jobWizard;
    // The need page shows the training asked for.
    await page.getByRole("heading", { name: w.trainingLegend }).waitFor();
    await page.getByText(period).waitFor();
    await page.getByText(w.trainingQualiopiRequired).waitFor();
    await client.screenshot(`${lang}-89-training-need`);

    // Bad input at step 5 is refused with a translated message, keeping what was typed.
    await page.goto(`${baseUrl}${jobPath}/edit/5`);
    await page.getByLabel(w.trainingHours).fill("0");
    await page.getByLabel(w.trainingPeriod).fill(`${period} (matin)`);
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.getByText(t.validation.trainingHours).first().waitFor();
    expect(await page.getByLabel(w.trainingPeriod).inputValue()).toBe(`${period} (matin)`);
    await client.screenshot(`${lang}-89-training-need-refused`);
    await page.getByLabel(w.trainingHours).fill("7");
    await page.getByLabel(w.trainingPeriod).fill(period);
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.waitForURL(/\/edit\/6$/);

    // The expert bids, then states the training terms: the bid becomes one milestone per session.
    const sophie = await newVisitor(locale);
    const sp = sophie.page;
    await new SignInFlow(sp).signIn(demoAccounts.expertSophie.email, jobPath);
    await sendBid(sp, t, jobPath, {
      total: "900",
      milestone: "Session",
      method: "Une journée de formation sur place : devis, factures, relances, avec des exercices sur une copie de votre base Odoo et un support remis à chaque stagiaire.",
    });
    await sp.getByRole("link", { name: tr.editTerms }).click();
    await sp.waitForURL(/\/bid\/training$/);
    // The form starts from the client's need: objectives, level, hours, attendees; the wish is shown.
    expect(await sp.getByLabel(tr.objectives).inputValue()).toBe(objectives);
    expect(await sp.getByLabel(tr.durationHours).inputValue()).toBe("7");
    expect(await sp.getByLabel(tr.attendeesCount).inputValue()).toBe("4");
    await sp.getByText(tr.needQualiopiRequired).waitFor();
    await sp.getByLabel(tr.prerequisites).fill("Aucun.");
    await sp.getByLabel(tr.outline).fill("Matin : devis et articles. Après-midi : factures, paiements et relances.");
    await sp.getByLabel(tr.sessionDate.replace("{n}", "1")).fill("2027-04-12");
    await sp.getByLabel(tr.unitPrice).fill("900");
    await sp.getByLabel(tr.activityDeclarationNumber).fill("84 69 12345 69");
    await sp.getByRole("button", { name: tr.saveTerms }).click();
    await sp.getByText(tr.termsSaved).waitFor();
    await sophie.screenshot(`${lang}-90-training-terms`);

    // The client compares the training terms side by side (a table with headers), then accepts the bid.
    await page.goto(`${baseUrl}${jobPath}/bids`);
    const b = t.bids;
    const terms = page.getByRole("table", { name: b.trainingCompareCaption });
    await terms.getByRole("columnheader", { name: demoAccounts.expertSophie.name }).waitFor();
    const row = (label: string) => terms.getByRole("row", { name: new RegExp(label) });
    expect(await row(b.trainingRow_hours).getByRole("cell").allInnerTexts()).toEqual([tr.hours.replace("{n}", "7")]);
    expect(await row(b.trainingRow_declaration).getByRole("cell").allInnerTexts()).toEqual(["84 69 12345 69"]);
    expect(await row(b.trainingRow_qualiopi).getByRole("cell").allInnerTexts()).toEqual([b.trainingQualiopiNo]);
    await page.getByText(b.trainingQualiopiWanted).waitFor();
    await client.screenshot(`${lang}-90-training-comparison`);
    const c = t.contracts;
    const card = page.getByRole("listitem").filter({ has: page.getByRole("button", { name: c.acceptBidButton }) }).filter({ hasText: demoAccounts.expertSophie.name });
    await card.getByLabel(new RegExp(before(c.acceptBidConfirm, "{expert}"))).check();
    await card.getByRole("button", { name: c.acceptBidButton }).click();
    await page.waitForURL(/\/contracts\/[0-9a-f-]+$/);
    const contractPath = new URL(page.url()).pathname;

    // The training section: the client lists two attendees, each emailed the session details.
    await page.getByRole("heading", { name: tr.contractHeading }).waitFor();
    await page.getByLabel(tr.attendeesLabel).fill(`Léa Dubois, ${attendee}\nMarc Lefèvre <marc.${attendee}>`);
    await page.getByRole("button", { name: tr.addAttendees }).click();
    await page.getByText(`Léa Dubois <${attendee}>`).waitFor();
    await client.screenshot(`${lang}-91-training-contract`);
    const subjects = await mailboxSubjects(page, attendee);
    expect(subjects).toContain(t.emails.trainingAttendee.subject.replace("{title}", title));

    // Agreement and attendance sheet, for both sides; the certificate waits for the session to be delivered.
    await page.goto(`${baseUrl}${contractPath}`);
    const sheetHref = await page.getByRole("link", { name: new RegExp(tr.attendanceSheet) }).first().getAttribute("href");
    for (const p of [page, sp]) {
      for (const href of [`${contractPath}/training/pdf?doc=agreement&lang=${lang}`, `${sheetHref}&lang=${lang}`]) {
        const pdf = await p.request.get(`${baseUrl}${href}`);
        expect(pdf.status(), href).toBe(200);
        expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
      }
    }
    expect(await page.getByRole("link", { name: new RegExp(tr.certificate) }).count()).toBe(0);
    await page.getByText(tr.certificatesLater).waitFor();

    // Both sides accept the documents, the client funds the session, the expert delivers it: certificates are ready.
    const kinds = ["nda", "dpa", "training_agreement"] as const;
    await acceptContractDocuments(page, t, contractPath, kinds);
    // Accepted by the client only: the contract waits for the expert's acceptances.
    await page.goto(`${baseUrl}${contractPath}`);
    await page.getByRole("listitem").filter({ hasText: c.document_training_agreement }).getByText(c.notYetAccepted).waitFor();
    await acceptContractDocuments(sp, t, contractPath, kinds);
    // The agreement's PDF now names both acceptances and the hash of the text.
    const agreementPdf = await page.request.get(`${baseUrl}${contractPath}/documents/training_agreement/pdf?lang=${lang}`);
    expect(agreementPdf.status()).toBe(200);
    expect(agreementPdf.headers()["content-disposition"]).toContain(lang === "fr" ? "convention-de-formation" : "training-agreement");
    await fundNextMilestone(page, t, contractPath);
    await openFundedContract(sp, t, contractPath);
    await sp.getByLabel(t.payments.deliveryNote).fill("Session réalisée, feuille d’émargement signée par les deux stagiaires.");
    await sp.getByRole("button", { name: t.payments.markDelivered }).click();
    await sp.getByText(t.payments.done_delivered).waitFor();

    await page.goto(`${baseUrl}${contractPath}`);
    const certificates = page.getByRole("link", { name: `${tr.certificate} (PDF, ${tr.french})`, exact: true });
    expect(await certificates.count()).toBe(2);
    await client.screenshot(`${lang}-92-training-certificates`);
    const certificate = await page.request.get(`${baseUrl}${await certificates.first().getAttribute("href")}&lang=${lang}`);
    expect(certificate.status()).toBe(200);
    expect(certificate.headers()["content-disposition"]).toContain(lang === "fr" ? "attestation-fin-de-formation" : "certificate-of-completion");

    for (const v of [client, sophie]) expect(foreignRequests(v)).toEqual([]);
    for (const v of [client, sophie]) await v.context.close();
  });
});
