import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { acceptContractDocuments, fundNextMilestone, mailboxSubjects, postNeed, sendBid } from "./pages/JobFlows";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const runs = [
  { lang: "fr", locale: "fr-FR", t: fr, title: "Former l’accueil à Odoo", attendee: "lea.formation-fr@example.org" },
  { lang: "en", locale: "en-US", t: en, title: "Train the front desk on Odoo", attendee: "lea.training-en@example.org" },
] as const;

const before = (template: string, placeholder: string) => template.slice(0, template.indexOf(placeholder));

describe.skipIf(!e2eEnabled).each(runs)("one training from need to certificates ($lang)", ({ lang, locale, t, title, attendee }) => {
  it("the expert states the training terms, the client accepts and lists attendees (emailed), and both download the agreement, attendance sheet and certificates", async () => {
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
    });

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
    await sp.getByLabel(tr.objectives).fill("Savoir créer un devis, le transformer en facture et relancer un client dans Odoo.");
    await sp.getByLabel(tr.prerequisites).fill("Aucun.");
    await sp.getByLabel(tr.outline).fill("Matin : devis et articles. Après-midi : factures, paiements et relances.");
    await sp.getByLabel(tr.durationHours).fill("7");
    await sp.getByLabel(tr.attendeesCount).fill("4");
    await sp.getByLabel(tr.sessionDate.replace("{n}", "1")).fill("2027-04-12");
    await sp.getByLabel(tr.unitPrice).fill("900");
    await sp.getByLabel(tr.activityDeclarationNumber).fill("84 69 12345 69");
    await sp.getByRole("button", { name: tr.saveTerms }).click();
    await sp.getByText(tr.termsSaved).waitFor();
    await sophie.screenshot(`${lang}-90-training-terms`);

    // The client reads the terms beside the bid and accepts it.
    await page.goto(`${baseUrl}${jobPath}/bids`);
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
    await acceptContractDocuments(page, t, contractPath);
    await acceptContractDocuments(sp, t, contractPath);
    await fundNextMilestone(page, t, contractPath);
    await sp.goto(`${baseUrl}${contractPath}`);
    await sp.getByLabel(t.payments.deliveryNote).waitFor({ timeout: 20_000 });
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
