import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import fr from "@/messages/fr.json";
import { postNeed } from "./pages/JobFlows";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";
import { javascriptOf } from "./support/page-javascript";

launchBrowserPerFile();

/** The HTML of a page in French, and the part of it that is the inline RSC payload. */
async function weigh(path: string, cookie = "") {
  const response = await fetch(`${baseUrl}${path}`, { headers: { "accept-language": "fr-FR", cookie }, redirect: "manual" });
  expect(response.status, path).toBe(200);
  const html = await response.text();
  const payload = [...html.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)].reduce((sum, match) => sum + Buffer.byteLength(match[1]!), 0);
  return { path, html: Buffer.byteLength(html), payload, text: html };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/**
 * Each page ships the messages of its own client components only (lib/i18n/client-namespaces.ts):
 * the sizes are printed for the README, and a page without forms carries none of the forms' texts.
 */
describe.skipIf(!e2eEnabled)("page weight in French", () => {
  it("public pages, a dashboard and the need wizard", async () => {
    // A published need (the demo has none at first) and a new draft, both the client owner's.
    const visitor = await newVisitor("fr-FR");
    await new SignInFlow(visitor.page).signIn(demoAccounts.clientOwner.email, "/dashboard");
    const jobPath = await postNeed(visitor.page, fr, { title: "Serveur de fichiers Nextcloud", description: "Un serveur Nextcloud pour partager les fichiers entre nos deux boutiques, avec sauvegardes.", secret: "Adresse du serveur" });
    await visitor.page.goto(`${baseUrl}/jobs/new`);
    await visitor.page.getByRole("button", { name: fr.jobWizard.start }).click();
    await visitor.page.waitForURL(/\/edit\/1$/);
    const wizardPath = new URL(visitor.page.url()).pathname;
    const cookie = (await visitor.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    await visitor.context.close();

    const rows = [await weigh("/"), await weigh("/jobs"), await weigh("/experts"), await weigh("/signin"), await weigh(jobPath)];
    const expertPath = /href="(\/experts\/[^"/?#]+)"/.exec(rows[2]!.text)?.[1];
    expect(expertPath).toBeTruthy();
    rows.push(await weigh(expertPath!));
    rows.push(await weigh("/dashboard", cookie), await weigh(wizardPath, cookie), await weigh(jobPath, cookie));

    console.log(rows.map((row) => `${row.path.padEnd(52)} HTML ${kB(row.html).padStart(9)}   RSC payload ${kB(row.payload).padStart(9)}`).join("\n"));
    // A form's texts appear only where the form is: no page an anonymous visitor reads without a form
    // (all but /signin) carries the wizard's, the bid form's or the validation's texts.
    for (const row of [0, 1, 2, 4, 5].map((i) => rows[i]!)) {
      for (const text of [fr.validation.required, fr.jobWizard.saveAndContinue, fr.bids.methodHint]) expect(row.text.includes(JSON.stringify(text).slice(1, -1)), `${row.path}: ${text}`).toBe(false);
    }
    expect(rows[0]!.html).toBeLessThanOrEqual(40_000);
    // An expert's daily rate says it excludes VAT, in the directory and on the profile (it was "550 € par jour").
    for (const row of [rows[2]!, rows[5]!]) expect(row.text, row.path).toMatch(/\d\s€ HT par jour/);
    // So does a need's budget (2 000 to 5 000 € HT in the wizard; it read "2 000 € – 5 000 €").
    expect(rows[4]!.text).toMatch(/2\s000\s€ – 5\s000\s€ HT/);

    // A visitor's need page loads the JavaScript of any public page, and next-to-nothing more: its
    // forms and next-intl's client, which their texts need, are loaded only where they are
    // rendered (components/jobs/JobPageForms.tsx, LazyClientMessages). They were 17.6 kB more.
    const [home, visitorsNeed, ownersNeed] = await Promise.all([javascriptOf(rows[0]!.text), javascriptOf(rows[4]!.text), javascriptOf(rows[8]!.text)]);
    console.log(`JavaScript (gzip): / ${kB(home.gzipBytes)}, a visitor's need page ${kB(visitorsNeed.gzipBytes)}, its owner's ${kB(ownersNeed.gzipBytes)}`);
    expect(home.intl).toBe(false);
    expect(visitorsNeed.intl).toBe(false);
    expect(visitorsNeed.gzipBytes - home.gzipBytes).toBeLessThanOrEqual(4_000);
    expect(ownersNeed.intl).toBe(true);
    expect(ownersNeed.gzipBytes - home.gzipBytes).toBeGreaterThan(12_000);
  });
});
