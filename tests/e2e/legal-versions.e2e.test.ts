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
  await sql`delete from legal_announcements where document = 'terms' and version = '2'`;
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
});
