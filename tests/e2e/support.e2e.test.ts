import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

describe.skipIf(!e2eEnabled)("contact form and support", () => {
  it("a visitor writes in French, an admin answers in English, the visitor reads the answer through the emailed link", async () => {
    const visitorEmail = `visiteur-${Date.now()}@example.test`;
    const visitor = await newVisitor("fr-FR");
    const { page } = visitor;
    await page.goto(`${baseUrl}/`);
    await page.getByRole("contentinfo").getByRole("link", { name: "Nous contacter" }).click();
    await page.getByRole("heading", { level: 1, name: "Nous contacter" }).waitFor();

    // A refused form says why and keeps what was typed.
    await page.getByLabel("Objet").fill("Hébergement de Nextcloud");
    await page.getByLabel("Votre message").fill("court");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await page.getByText("Écrivez au moins 10 caractères").first().waitFor();
    expect(await page.getByLabel("Objet").inputValue()).toBe("Hébergement de Nextcloud");

    await page.getByLabel("Votre nom").fill("Véronique Visiteuse");
    await page.getByLabel("Votre adresse e-mail").fill(visitorEmail);
    await page.getByLabel("Sujet").selectOption("question");
    await page.getByLabel("Votre message").fill("Bonjour, pouvez-vous m’aider à choisir un expert pour héberger Nextcloud ?");
    await page.getByRole("button", { name: "Envoyer" }).click();
    await page.waitForURL(/\/contact\/sent/);
    await visitor.screenshot("fr-80-contact-sent");

    const flow = new SignInFlow(page);
    await flow.followLatestLink(visitorEmail);
    await page.waitForURL(/\/support\/[0-9a-f-]+\?key=/);
    const firstLink = page.url();
    await page.getByText("pouvez-vous m’aider à choisir un expert").waitFor();

    const admin = await newVisitor("en-US");
    await new SignInFlow(admin.page).signIn(demoAccounts.admin.email, "/admin/support");
    await admin.page.waitForURL(/\/admin\/support/);
    await admin.page.getByRole("link", { name: "Hébergement de Nextcloud" }).first().click();
    await admin.page.getByText("Véronique Visiteuse").first().waitFor();
    await admin.page.getByLabel("Answer from Compagnon").fill("Hello Véronique, publish your need: verified Nextcloud experts will bid within days.");
    await admin.page.getByRole("button", { name: "Reply" }).click();
    await admin.page.getByText("Answer sent.").waitFor();
    await admin.screenshot("en-81-admin-support-thread");

    // The answer's email carries a new link; the first one no longer opens the thread.
    await flow.followLatestLink(visitorEmail);
    await page.getByText("publish your need: verified Nextcloud experts").waitFor();
    await visitor.screenshot("fr-82-support-thread-answered");
    await page.goto(firstLink);
    await page.getByText("Ce lien n’est plus valable").waitFor();

    expect(foreignRequests(visitor)).toEqual([]);
    await visitor.context.close();
    await admin.context.close();
  });
});
