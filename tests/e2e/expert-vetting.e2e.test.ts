import { mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const files = mkdtempSync(path.join(os.tmpdir(), "compagnon-e2e-files-"));
const pdf = (name: string) => {
  const file = path.join(files, name);
  writeFileSync(file, `%PDF-1.4\n% ${name}\n%%EOF\n`);
  return file;
};
const today = new Date().toISOString().slice(0, 10);
const nextYear = `${new Date().getFullYear() + 1}-06-30`;

const runs = [
  { lang: "fr", locale: "fr-FR", t: fr, name: "Camille Libre" },
  { lang: "en", locale: "en-US", t: en, name: "Casey Free" },
] as const;

describe.skipIf(!e2eEnabled).each(runs)("a newcomer expert, vetted by an admin ($lang)", ({ lang, locale, t, name: expertName }) => {
  const m = t.expertProfile;
  it("fills the profile, uploads evidence, submits; the admin asks for changes then approves; the expert is listed", async () => {
    const expert = await newVisitor(locale);
    const page = expert.page;
    const email = `expert.${lang}.${Date.now()}@example.test`;
    await new SignInFlow(page).signIn(email, "/onboarding");
    await page.waitForURL(/\/onboarding/);
    await page.getByLabel(t.onboarding.name).fill(expertName);
    await page.getByLabel(t.onboarding.expert).check();
    await page.getByRole("button", { name: t.onboarding.continue }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("link", { name: t.dashboard.editProfile }).click();
    await page.waitForURL(/\/expert\/profile/);

    // Evidence first: a renamed executable is refused with a clear message.
    const fake = path.join(files, "attestation.pdf");
    writeFileSync(fake, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]));
    await page.getByLabel(m.file, { exact: true }).setInputFiles(fake);
    await page.getByRole("button", { name: m.upload }).click();
    await page.getByText(t.validation.fileType).waitFor();
    for (const [kind, name, issued] of [["registration", "kbis.pdf", ""], ["urssaf", "urssaf.pdf", today], ["insurance", "assurance.pdf", ""]] as const) {
      await page.getByLabel(m.evidenceKind).selectOption(kind);
      if (issued) await page.getByLabel(m.issuedOn).fill(issued);
      await page.getByLabel(m.file, { exact: true }).setInputFiles(pdf(name));
      await page.getByRole("button", { name: m.upload }).click();
      await page.getByRole("link", { name }).waitFor();
    }

    await page.getByLabel(m.headline).fill("Odoo et Dolibarr pour les artisans");
    await page.getByRole("textbox", { name: m.bio }).fill("J’installe **Dolibarr** et Odoo pour les artisans et les petits commerces depuis huit ans, avec formation des équipes.");
    await page.getByLabel(m.kind_installation).check();
    // exact: "Formation" is also inside "Informations fiscales (DAC7)", the label of a section.
    await page.getByLabel(m.kind_training, { exact: true }).check();
    await page.getByLabel(m.dailyRate).fill("480");
    await page.getByLabel(m.departments).fill("44, 85");
    await page.getByLabel(m.remoteOk).check();
    await page.getByRole("button", { name: m.addSkill }).click();
    await page.getByLabel(m.software, { exact: true }).selectOption({ label: "Dolibarr" });
    await page.getByRole("combobox", { name: m.legalForm }).selectOption("micro_entrepreneur");
    await page.getByLabel("SIRET").fill("523 456 788 00000");
    await page.getByLabel(m.vatRegime).selectOption("franchise");
    await page.getByLabel(m.insurer).fill("MAIF Pro");
    await page.getByLabel(m.policyNumber).fill("P-778899");
    await page.getByLabel(m.insuranceExpiresOn, { exact: true }).fill(nextYear);
    await page.getByRole("button", { name: m.save }).click();
    await page.getByText(m.saved).waitFor();
    await page.getByText(m.readyToSubmit).waitFor();
    // What was chosen stays chosen after saving (a reset form would show the first options again).
    await expect(page.getByRole("combobox", { name: m.legalForm }).inputValue()).resolves.toBe("micro_entrepreneur");
    await expect(page.getByRole("combobox", { name: m.vatRegime }).inputValue()).resolves.toBe("franchise");
    await expert.screenshot(`${lang}-30-expert-profile-ready`);
    await page.getByRole("button", { name: m.submit }).click();
    await page.getByText(m.statusHelp_submitted).waitFor();

    const admin = await newVisitor(locale);
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin/vetting");
    await admin.page.getByRole("columnheader", { name: t.vetting.flags }).waitFor();
    await admin.screenshot(`${lang}-31a-admin-vetting-queue`);
    await admin.page.getByRole("link", { name: expertName }).click();
    // No Sirene key in this run: the business is shown as declared, marked "not checked".
    await admin.page.getByRole("heading", { name: t.vetting.companyTitle }).waitFor();
    await admin.page.getByText(t.vetting.companyNotChecked).waitFor();
    await admin.screenshot(`${lang}-31b-admin-company-check`);
    await admin.page.getByRole("button", { name: t.vetting.requestChanges }).click();
    await admin.page.getByText(t.validation.decisionReason).waitFor();
    await admin.page.getByLabel(t.vetting.reason).fill("Merci d’ajouter une référence client récente.");
    await admin.page.getByRole("button", { name: t.vetting.requestChanges }).click();
    await admin.page.getByText(t.vetting.decided).waitFor();
    await admin.screenshot(`${lang}-31-admin-changes-requested`);

    await page.goto(`${baseUrl}/expert/profile`);
    await page.getByText("Merci d’ajouter une référence client récente.").waitFor();
    await page.getByRole("button", { name: m.addReference }).click();
    await page.getByLabel(m.clientType).fill("Boulangerie, 6 personnes");
    await page.getByLabel(m.project, { exact: true }).fill("Dolibarr : devis, factures et stock");
    await page.getByLabel(m.year, { exact: true }).fill("2025");
    await page.getByRole("button", { name: m.save }).click();
    await page.getByText(m.saved).waitFor();
    await page.getByRole("button", { name: m.submit }).click();
    await page.getByText(m.statusHelp_submitted).waitFor();

    await admin.page.goto(`${baseUrl}/admin/vetting`);
    await admin.page.getByRole("link", { name: expertName }).click();
    // The history speaks words, not codes.
    const history = admin.page.getByRole("region", { name: t.vetting.history });
    await history.getByText(t.vetting.action_expert_request_changes, { exact: true }).waitFor();
    expect(await history.textContent()).not.toMatch(/expert\.[a-z_]+|changes_requested|submitted →/);
    // An approval needs every point ticked and a note, like the other decisions; nothing typed is lost.
    await admin.page.getByLabel(t.vetting.reason).fill("Référence ajoutée ; identité et URSSAF vérifiées.");
    await admin.page.getByRole("button", { name: t.vetting.approve }).click();
    await admin.page.getByText(t.validation.checklistIncomplete).first().waitFor();
    await expect(admin.page.getByLabel(t.vetting.reason).inputValue()).resolves.toBe("Référence ajoutée ; identité et URSSAF vérifiées.");
    for (const item of ["identity", "siret", "insurance", "urssaf", "skills"] as const) await admin.page.getByLabel(t.vetting[`check_${item}`], { exact: true }).check();
    await admin.screenshot(`${lang}-31b-admin-approval-checklist`);
    await admin.page.getByRole("button", { name: t.vetting.approve }).click();
    await admin.page.getByText(t.vetting.decided).waitFor();

    const visitor = await newVisitor(locale);
    await visitor.page.goto(`${baseUrl}/experts?software=dolibarr&departement=44`);
    await visitor.page.getByRole("link", { name: expertName }).click();
    await visitor.page.getByRole("heading", { level: 1, name: expertName }).waitFor();
    const html = await visitor.page.content();
    for (const secret of ["52345678800000", "MAIF", "P-778899", "/api/evidence/"]) expect(html).not.toContain(secret);
    await visitor.screenshot(`${lang}-32-public-expert`);

    await visitor.page.goto(`${baseUrl}/dev/mailbox?to=${encodeURIComponent(email)}`);
    // The expert's emails come in the language the expert used.
    await visitor.page.getByText(t.emails.expertDecision.verified.subject).waitFor();
    await visitor.page.getByText(t.emails.expertDecision.changes_requested.subject).waitFor();

    for (const v of [expert, admin, visitor]) await v.context.close();
  });
});
