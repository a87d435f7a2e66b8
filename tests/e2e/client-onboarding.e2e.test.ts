import { describe, expect, inject, it } from "vitest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, newVisitor, launchBrowserPerFile } from "./support/browser";

launchBrowserPerFile();

const languages = [
  // Each run creates a company of its own: one organisation per SIREN (the demo one holds 812 345 676).
  { locale: "fr-FR", lang: "fr", m: fr, other: en, switchTo: "Switch to English", otherLang: "en", siret: "732 829 320 00009" },
  { locale: "en-US", lang: "en", m: en, other: fr, switchTo: "Passer en français", otherLang: "fr", siret: "552 100 554 00005" },
] as const;

describe.skipIf(!e2eEnabled).each(languages)("a new SME visitor ($lang)", ({ locale, lang, m, other, switchTo, otherLang, siret: validSiret }) => {
  it("signs in through the mailbox, becomes a client, creates its organisation, invites a colleague, switches language and signs out", async () => {
    const visitor = await newVisitor(locale);
    const { page } = visitor;
    const email = `new.client.${lang}.${Date.now()}@example.test`;
    const shot = (step: string) => visitor.screenshot(`${lang}-${step}`);

    await page.goto(baseUrl);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lang);
    await page.getByRole("heading", { level: 1, name: m.landing.title }).waitFor();
    await shot("01-landing");

    await page.getByRole("link", { name: m.landing.ctaClient }).click();
    await page.waitForURL(/\/signin/);
    const signIn = new SignInFlow(page);
    const labels = { email: new RegExp(m.auth.email), submit: new RegExp(m.auth.send) };
    await signIn.requestLink("not-an-address", labels);
    await page.getByText(m.validation.emailInvalid).waitFor();
    await expect(page.getByLabel(labels.email).inputValue()).resolves.toBe("not-an-address");
    await shot("02-signin-error");

    await signIn.requestLink(email, labels);
    await page.waitForURL(/\/signin\/check-email/);
    await page.getByRole("heading", { name: m.auth.checkTitle }).waitFor();
    await shot("03-check-email");

    await signIn.followLatestLink(email);
    await page.waitForURL(/\/onboarding$/);
    const session = (await visitor.context.cookies()).find((c) => c.name.endsWith("authjs.session-token"));
    expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    await page.getByRole("button", { name: m.onboarding.continue }).click();
    await page.getByText(m.validation.nameLength).waitFor();
    await shot("04-onboarding-error");
    await page.getByLabel(m.onboarding.name).fill("Nadia Dupont");
    await page.getByLabel(m.onboarding.client).check();
    await page.getByRole("button", { name: m.onboarding.continue }).click();
    await page.waitForURL(/\/onboarding\/organization/);

    await page.getByLabel(m.onboarding.legalName).fill("Menuiserie Dupont SARL");
    await page.getByLabel(m.onboarding.registrationNumber).fill("812 345 676 00008");
    await page.getByLabel(m.onboarding.addressLine1, { exact: true }).fill("4 chemin des Artisans");
    await page.getByLabel(m.onboarding.postalCode).fill("44000");
    await page.getByLabel(m.onboarding.city).fill("Nantes");
    await page.getByRole("button", { name: m.onboarding.create }).click();
    await page.getByText(m.validation.sirenChecksum).waitFor();
    await expect(page.getByLabel(m.onboarding.legalName).inputValue()).resolves.toBe("Menuiserie Dupont SARL");
    await expect(page.getByLabel(m.onboarding.city).inputValue()).resolves.toBe("Nantes");
    const siret = page.getByLabel(m.onboarding.registrationNumber);
    await expect(siret.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(siret.evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await shot("05-organization-bad-siret");

    // The demo client's company already has its organisation: its people are invited instead.
    await siret.fill("812 345 676 00009");
    await page.getByRole("button", { name: m.onboarding.create }).click();
    await page.getByText(m.onboarding.sirenTaken).waitFor();
    await expect(page.getByLabel(m.onboarding.legalName).inputValue()).resolves.toBe("Menuiserie Dupont SARL");

    await siret.fill(validSiret);
    await page.getByRole("button", { name: m.onboarding.create }).click();
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("heading", { name: /Menuiserie Dupont SARL/ }).waitFor();
    await page.getByText(m.dashboard.welcome.replace("{name}", "Nadia Dupont")).waitFor();
    await shot("06-dashboard");

    const colleague = `colleague.${lang}.${Date.now()}@example.test`;
    await page.getByLabel(m.dashboard.inviteEmail).fill(colleague);
    await page.getByRole("button", { name: m.dashboard.inviteSend }).click();
    await page.getByText(m.dashboard.inviteSent.replace("{email}", colleague)).waitFor();

    await page.getByRole("button", { name: switchTo }).click();
    await page.getByRole("heading", { name: other.dashboard.title, level: 1 }).waitFor();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe(otherLang);
    await page.getByText(other.dashboard.pendingInvitations).waitFor();
    await shot("07-dashboard-switched");

    await page.getByRole("button", { name: other.nav.signOut }).click();
    await page.getByRole("link", { name: other.nav.signIn }).first().waitFor();
    await page.goto(`${baseUrl}/dashboard`);
    await page.waitForURL(/\/signin/);

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
    for (let i = 0; i < inject("e2eSigninLimitPerEmail"); i++) {
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
