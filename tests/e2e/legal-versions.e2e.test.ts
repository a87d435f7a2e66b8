import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

let sql: postgres.Sql;
const stamp = Date.now();
const people = { fr: `cgu-fr-${stamp}@example.test`, en: `terms-en-${stamp}@example.test` };

beforeAll(() => {
  if (e2eEnabled) sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
});

afterAll(async () => {
  if (!sql) return;
  // The version announced here must not follow the other files' people.
  await sql`delete from legal_announcements where (document = 'terms' and version = '2') or (document = 'privacy' and version = '2') or (document = 'mandate' and version = 'mandat-2')`;
  await sql.end();
});

const labels = {
  fr: { heading: "Nos conditions ont changé", confirm: "J’ai lu et j’accepte ces nouvelles versions", submit: "Accepter et continuer", error: "Cochez la case pour confirmer." },
  en: { heading: "Our terms have changed", confirm: "I have read and accept these new versions", submit: "Accept and continue", error: "Tick the box to confirm." },
} as const;

describe.skipIf(!e2eEnabled)("a new version of the terms", () => {
  it("is accepted at the next sign-in after it takes effect, in French and English, and the acceptance is recorded", async () => {
    const visitors = { fr: await newVisitor("fr-FR"), en: await newVisitor("en-US") };
    // The legal notice names the publisher from the configuration and the two points of contact.
    await visitors.fr.page.goto(`${baseUrl}/legal/notice`);
    await visitors.fr.page.getByRole("link", { name: "formulaire réservé aux autorités" }).waitFor();
    expect(await visitors.fr.page.locator("main").innerText()).not.toContain("[");
    await visitors.fr.screenshot("fr-91-legal-notice");
    // Both people have an account before the new version's date.
    for (const lang of ["fr", "en"] as const) await new SignInFlow(visitors[lang].page).signIn(people[lang], "/dashboard");

    // An admin announced version 2 (lib/legal/announcements, integration-tested); its date has now come.
    await sql`insert into legal_announcements (document, version, effective_at) values ('terms', '2', now()) on conflict do nothing`;

    for (const lang of ["fr", "en"] as const) {
      const { page, context } = visitors[lang];
      const text = labels[lang];
      await context.clearCookies();
      await new SignInFlow(page).signIn(people[lang], "/dashboard");
      await page.waitForURL(/\/legal\/accept\?callbackUrl=%2F/);
      await page.getByRole("heading", { level: 1, name: text.heading }).waitFor();
      await page.getByRole("link", { name: /(version|Version) 2/ }).first().waitFor();
      await visitors[lang].screenshot(`${lang}-90-legal-accept`);

      // Refused without the box ticked: said next to it, nothing recorded.
      await page.getByRole("button", { name: text.submit }).click();
      await page.getByText(text.error).first().waitFor();
      // Any other page still leads back here until accepted.
      await page.goto(`${baseUrl}/jobs`);
      await page.waitForURL(/\/legal\/accept/);

      await page.getByLabel(text.confirm).check();
      await page.getByRole("button", { name: text.submit }).click();
      await page.waitForURL((url) => !url.pathname.startsWith("/legal/accept"));
      const [row] = await sql<{ version: string; accepted_at: Date }[]>`
        select a.version, a.accepted_at from legal_acceptances a join users u on u.id = a.user_id
        where u.email = ${people[lang]} and a.document = 'terms'`;
      expect(row?.version).toBe("2");
      expect(Date.now() - row!.accepted_at.getTime()).toBeLessThan(120_000);

      // Once accepted, the person goes where they want.
      await page.goto(`${baseUrl}/jobs`);
      expect(new URL(page.url()).pathname).toBe("/jobs");
      expect(foreignRequests(visitors[lang])).toEqual([]);
      await context.close();
    }
  });

  it("the billing mandate and the privacy policy are versioned too: each version readable at its own address, the new ones accepted at the next sign-in", async () => {
    const visitor = await newVisitor("fr-FR");
    const { page, context } = visitor;
    const email = `mandat-fr-${stamp}@example.test`;
    await new SignInFlow(page).signIn(email, "/dashboard");
    // An expert who gave the first version of the mandate (lib/invoicing/mandate, integration-tested).
    await sql`update users set role = 'expert' where email = ${email}`;
    await sql`insert into billing_mandates (user_id, version, text_sha256, legal_name, address_line1, postal_code, city)
      select id, 'mandat-2026-12', 'e2e', 'Mandat Conseil EI', '8 quai Saint-Vincent', '69001', 'Lyon' from users where email = ${email}`;
    // An admin announced the new mandate and the new privacy policy; their date has come.
    await sql`insert into legal_announcements (document, version, effective_at) values ('mandate', 'mandat-2', now()), ('privacy', '2', now()) on conflict do nothing`;

    await context.clearCookies();
    await new SignInFlow(page).signIn(email, "/dashboard");
    await page.waitForURL(/\/legal\/accept\?callbackUrl=%2F/);
    await page.getByRole("heading", { level: 2, name: /Mandat de facturation — Version mandat-2/ }).waitFor();
    await page.getByRole("heading", { level: 2, name: /Politique de confidentialité — Version 2/ }).waitFor();
    await page.getByRole("link", { name: "Lire le texte complet (Mandat de facturation, version mandat-2)" }).waitFor();
    await visitor.screenshot("fr-92-legal-accept-mandate");
    await page.getByLabel(labels.fr.confirm).check();
    await page.getByRole("button", { name: labels.fr.submit }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/legal/accept"));
    const accepted = await sql<{ document: string; version: string }[]>`
      select a.document, a.version from legal_acceptances a join users u on u.id = a.user_id where u.email = ${email} order by a.document`;
    expect(accepted).toEqual([
      { document: "mandate", version: "mandat-2" },
      { document: "privacy", version: "2" },
    ]);
    const [mandate] = await sql<{ version: string }[]>`select m.version from billing_mandates m join users u on u.id = m.user_id where u.email = ${email}`;
    expect(mandate?.version).toBe("mandat-2");

    // Every version is listed and readable at its own address; a replaced one says so.
    await page.goto(`${baseUrl}/legal/terms/versions`);
    await page.getByRole("link", { name: "Lire la version mandat-2026-12" }).click();
    await page.waitForURL(/\/legal\/mandate\/v\/mandat-2026-12$/);
    await page.getByText("Cette version du mandat n’est plus en vigueur").waitFor();
    await page.goto(`${baseUrl}/legal/privacy/v/1`);
    await page.getByText("Cette version n’est plus en vigueur.").waitFor();
    await page.goto(`${baseUrl}/legal/privacy`);
    await page.getByRole("heading", { level: 2, name: /Signalements, décisions de modération et réclamations/ }).waitFor();
    expect(foreignRequests(visitor)).toEqual([]);
    await context.close();

    const english = await newVisitor("en-US");
    await english.page.goto(`${baseUrl}/legal/mandate/v/mandat-2`);
    await english.page.getByRole("heading", { level: 1, name: "Billing mandate, version mandat-2" }).waitFor();
    await english.page.getByText(/approved platform \(Plateforme Agréée\)/).waitFor();
    await english.page.goto(`${baseUrl}/legal/privacy/v/1`);
    await english.page.getByText("This version is no longer in force.").waitFor();
    await english.screenshot("en-92-privacy-v1");
    expect(foreignRequests(english)).toEqual([]);
    await english.context.close();
  });
});
