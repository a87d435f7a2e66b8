import { describe, expect, it } from "vitest";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, newVisitor, launchBrowserPerFile } from "./support/browser";

launchBrowserPerFile();

describe.skipIf(!e2eEnabled)("a new SME visitor, in French", () => {
  it("signs in through the mailbox, becomes a client, creates its organisation and switches to English", async () => {
    const visitor = await newVisitor("fr-FR");
    const { page } = visitor;
    const email = `nouvelle.cliente.${Date.now()}@example.test`;

    await page.goto(baseUrl);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("fr");
    await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toContain("sans payer de licences");
    await visitor.screenshot("01-landing-fr");

    await page.getByRole("link", { name: "Publier un besoin" }).click();
    await page.waitForURL(/\/signin/);
    const signIn = new SignInFlow(page);
    await signIn.requestLink("pas-une-adresse", { email: /Adresse e-mail/, submit: /Recevoir le lien/ });
    await page.getByText("Cette adresse e-mail n’est pas valide").waitFor();
    await expect(page.getByLabel(/Adresse e-mail/).inputValue()).resolves.toBe("pas-une-adresse");
    await visitor.screenshot("02-signin-error-fr");

    await signIn.requestLink(email, { email: /Adresse e-mail/, submit: /Recevoir le lien/ });
    await page.waitForURL(/\/signin\/check-email/);
    await page.getByRole("heading", { name: "Vérifiez votre boîte de réception" }).waitFor();
    await visitor.screenshot("03-check-email-fr");

    await signIn.followLatestLink(email);
    await page.waitForURL(/\/onboarding$/);
    const session = (await visitor.context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await visitor.screenshot("04-onboarding-fr");
    await page.getByLabel("Votre nom et prénom").fill("Nadia Dupont");
    await page.getByLabel("Je représente une entreprise").check();
    await page.getByRole("button", { name: "Continuer" }).click();
    await page.waitForURL(/\/onboarding\/organization/);

    await page.getByLabel("Raison sociale").fill("Menuiserie Dupont SARL");
    await page.getByLabel("SIREN ou SIRET").fill("812 345 676 00008");
    await page.getByLabel("Adresse", { exact: true }).fill("4 chemin des Artisans");
    await page.getByLabel("Code postal").fill("44000");
    await page.getByLabel("Ville").fill("Nantes");
    await page.getByRole("button", { name: "Créer l’organisation" }).click();
    await page.getByText("Ce numéro SIREN ou SIRET n’existe pas").waitFor();
    await expect(page.getByLabel("Raison sociale").inputValue()).resolves.toBe("Menuiserie Dupont SARL");
    await expect(page.getByLabel("Ville").inputValue()).resolves.toBe("Nantes");
    await expect(page.getByLabel("SIREN ou SIRET").getAttribute("aria-invalid")).resolves.toBe("true");
    await visitor.screenshot("05-organization-bad-siret-fr");

    await page.getByLabel("SIREN ou SIRET").fill("812 345 676 00009");
    await page.getByRole("button", { name: "Créer l’organisation" }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("heading", { name: /Menuiserie Dupont SARL/ }).waitFor();
    await page.getByText("Bonjour Nadia Dupont").waitFor();
    await visitor.screenshot("06-dashboard-fr");

    await page.getByLabel("Adresse e-mail du collègue").fill("collegue@example.test");
    await page.getByRole("button", { name: "Envoyer l’invitation" }).click();
    await page.getByText("Invitation envoyée à collegue@example.test.").waitFor();

    await page.getByRole("button", { name: "Switch to English" }).click();
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    await expect(page.getByText("Pending invitations").count()).resolves.toBe(1);
    await visitor.screenshot("07-dashboard-en");

    expect(foreignRequests(visitor)).toEqual([]);
    await visitor.context.close();
  });
});

describe.skipIf(!e2eEnabled)("an English-speaking visitor", () => {
  it("gets the site in English, translated 404 pages and a keyboard skip link", async () => {
    const visitor = await newVisitor("en-US");
    const { page } = visitor;
    const response = await page.goto(baseUrl);
    const headers = response?.headers() ?? {};
    expect(headers["content-security-policy"]).toMatch(/object-src 'none'/);
    expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
    expect(headers["x-content-type-options"]).toBe("nosniff");
    expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    await page.getByRole("heading", { level: 1, name: /without paying for licences/ }).waitFor();
    await visitor.screenshot("10-landing-en");

    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to content");

    const missing = await page.goto(`${baseUrl}/no-such-page`);
    expect(missing?.status()).toBe(404);
    await page.getByRole("heading", { name: "Page not found" }).waitFor();
    await visitor.screenshot("11-not-found-en");

    await page.goto(`${baseUrl}/legal/privacy`);
    await page.getByRole("heading", { level: 1, name: "Privacy policy" }).waitFor();
    await page.getByRole("button", { name: "Passer en français" }).click();
    await page.getByRole("heading", { level: 1, name: "Politique de confidentialité" }).waitFor();
    await visitor.screenshot("12-privacy-fr");

    expect(foreignRequests(visitor)).toEqual([]);
    await visitor.context.close();
  });
});

describe.skipIf(!e2eEnabled)("magic-link rate limit", () => {
  it("tells the visitor clearly, and keeps the address typed", async () => {
    const visitor = await newVisitor("fr-FR");
    const { page } = visitor;
    const email = `pressee.${Date.now()}@example.test`;
    const signIn = new SignInFlow(page);
    for (let i = 0; i < 5; i++) {
      await page.goto(`${baseUrl}/signin`);
      await signIn.requestLink(email, { email: /Adresse e-mail/, submit: /Recevoir le lien/ });
      await page.waitForURL(/\/signin\/check-email/);
    }
    await page.goto(`${baseUrl}/signin`);
    await signIn.requestLink(email, { email: /Adresse e-mail/, submit: /Recevoir le lien/ });
    await page.getByText("Trop de demandes de lien").waitFor();
    await expect(page.getByLabel(/Adresse e-mail/).inputValue()).resolves.toBe(email);
    await visitor.screenshot("13-rate-limited-fr");
    await visitor.context.close();
  });
});
