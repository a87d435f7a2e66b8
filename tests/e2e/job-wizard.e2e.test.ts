import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const runs = [
  { lang: "fr", locale: "fr-FR", t: fr, title: "Partager nos fichiers entre nos deux boutiques" },
  { lang: "en", locale: "en-US", t: en, title: "Share our files between our two shops" },
] as const;
const SECRET = "Serveur actuel : 198.51.100.7, mot de passe remis à la signature";

describe.skipIf(!e2eEnabled).each(runs)("posting a need through the wizard ($lang)", ({ lang, locale, t, title }) => {
  it("a client posts a need step by step; visitors see the summary; a verified expert reads the details after the NDA", async () => {
    const w = t.jobWizard;
    const client = await newVisitor(locale);
    const page = client.page;
    await new SignInFlow(page).signIn(demoAccounts.clientOwner.email);
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("link", { name: t.dashboard.postNeed }).click();
    await page.getByRole("button", { name: w.start }).click();
    await page.waitForURL(/\/edit\/1$/);

    await page.getByLabel(w.kind_installation).check();
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.waitForURL(/\/edit\/2$/);
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.getByText(t.validation.softwareOrHelp).waitFor();
    await page.getByLabel("Nextcloud", { exact: true }).check();
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.waitForURL(/\/edit\/3$/);
    await page.getByLabel(w.personalDataYes).check();
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.getByText(w.dataSubjectsRequired).waitFor(); // "yes" asks whose data and which kinds
    await page.getByLabel(w.dataSubject_customers).check();
    await page.getByLabel(w.dataCategory_contact).check();
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.waitForURL(/\/edit\/4$/);
    await page.getByLabel(w.budgetFixed).check();
    await page.getByLabel(w.budgetMin).fill("1500");
    await page.getByLabel(w.budgetMax).fill("4000");
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.waitForURL(/\/edit\/5$/);
    await page.getByLabel(w.startOn).fill("2027-03-01");
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.getByText(t.validation.placeRequired).waitFor();
    await expect(page.getByLabel(w.startOn).inputValue()).resolves.toBe("2027-03-01");
    await client.screenshot(`${lang}-40-wizard-place-error`);
    await page.getByLabel(w.departement).selectOption("69");
    await page.getByRole("button", { name: w.saveAndContinue }).click();
    await page.waitForURL(/\/edit\/6$/);
    await page.getByLabel(w.title).fill(title);
    await page.getByLabel(w.description).fill("Nous avons deux boutiques à Lyon et voulons partager nos devis et photos sans clé USB ni service américain.");
    await page.getByLabel(w.confidential).fill(SECRET);
    await page.getByRole("button", { name: w.toPreview }).click();
    await page.waitForURL(/\/edit\/preview$/);
    await page.getByText(SECRET).waitFor();
    await client.screenshot(`${lang}-41-wizard-preview`);
    await page.getByRole("button", { name: w.publish }).click();
    await page.getByRole("heading", { level: 1, name: title }).waitFor();
    await page.getByRole("status").filter({ hasText: t.jobBoard.publishedTitle }).waitFor(); // what happens next, said once
    await client.screenshot(`${lang}-41b-job-published`);
    const jobUrl = page.url().replace(/\?.*$/, "");
    await page.getByText(SECRET).waitFor(); // the owner reads its own details
    expect(foreignRequests(client)).toEqual([]);

    const visitor = await newVisitor(locale);
    await visitor.page.goto(`${baseUrl}/jobs?q=${encodeURIComponent(lang === "fr" ? "boutique" : "shops")}`);
    await visitor.page.getByRole("link", { name: title }).click();
    await visitor.page.getByRole("heading", { level: 1, name: title }).waitFor();
    expect(await visitor.page.content()).not.toContain("198.51.100.7");
    await visitor.screenshot(`${lang}-42-job-public`);

    const expert = await newVisitor(locale);
    await new SignInFlow(expert.page).signIn(demoAccounts.expertSophie.email, new URL(jobUrl).pathname);
    await expert.page.waitForURL(jobUrl);
    expect(await expert.page.content()).not.toContain("198.51.100.7");
    await expert.page.getByLabel(t.jobBoard.ndaCheckbox).check();
    await expert.page.getByRole("button", { name: t.jobBoard.ndaSubmit }).click();
    await expert.page.getByText(SECRET).waitFor();
    await expert.screenshot(`${lang}-43-job-after-nda`);

    // The verified expert bids; the commission and the net amount show before sending.
    const b = t.bids;
    const ep = expert.page;
    await ep.getByLabel(b.total, { exact: true }).fill("2400");
    await ep.getByText(/2[\s\u202f\u00a0.,]?160/).waitFor();
    await ep.getByLabel(b.durationDays).fill("20");
    await ep.getByLabel(b.startOn).fill("2027-03-01");
    await ep.getByRole("textbox", { name: b.method }).fill(
      "Audit de l’existant, installation de Nextcloud sur un VPS français, sauvegardes chiffrées chaque nuit, puis une demi-journée de formation dans chaque boutique.",
    );
    await ep.getByRole("button", { name: b.send }).click();
    await ep.getByText(t.validation.milestonesRequired).waitFor();
    await ep.getByLabel(b.milestoneTitle).fill("Installation et formation");
    await ep.getByLabel(b.milestoneAmount).fill("2 400");
    await ep.getByLabel(b.milestoneDue).fill("2027-03-20");
    await ep.getByRole("button", { name: b.send }).click();
    await ep.getByRole("heading", { name: b.myBid }).waitFor();
    await ep.getByText(b.status_submitted, { exact: true }).waitFor();
    await expert.screenshot(`${lang}-44-bid-sent`);

    await page.goto(`${jobUrl}/bids`);
    await page.getByRole("link", { name: demoAccounts.expertSophie.name, exact: true }).waitFor();
    await page.getByRole("button", { name: b.shortlist }).click();
    await page.getByText(b.status_shortlisted).first().waitFor();
    await client.screenshot(`${lang}-45-bids-compared`);

    for (const v of [client, visitor, expert]) await v.context.close();
  });
});
