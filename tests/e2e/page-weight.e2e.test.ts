import { describe, expect, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";

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
    const rows = [await weigh("/"), await weigh("/jobs"), await weigh("/experts"), await weigh("/signin")];
    const jobPath = /href="(\/jobs\/[0-9a-f]{8}-[^"/?#]+)"/.exec(rows[1]!.text)?.[1];
    const expertPath = /href="(\/experts\/[^"/?#]+)"/.exec(rows[2]!.text)?.[1];
    expect(jobPath && expertPath).toBeTruthy();
    rows.push(await weigh(jobPath!), await weigh(expertPath!));

    const visitor = await newVisitor("fr-FR");
    await new SignInFlow(visitor.page).signIn(demoAccounts.clientOwner.email, "/dashboard");
    await visitor.page.goto(`${baseUrl}/jobs/new`);
    await visitor.page.getByRole("button", { name: fr.jobWizard.start }).click();
    await visitor.page.waitForURL(/\/edit\/1$/);
    const wizardPath = new URL(visitor.page.url()).pathname;
    const cookie = (await visitor.context.cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    rows.push(await weigh("/dashboard", cookie), await weigh(wizardPath, cookie), await weigh(jobPath!, cookie));
    await visitor.context.close();

    console.log(rows.map((row) => `${row.path.padEnd(52)} HTML ${kB(row.html).padStart(9)}   RSC payload ${kB(row.payload).padStart(9)}`).join("\n"));
    // A form's texts appear only where the form is: the wizard's, the bid form's, the validation's.
    for (const row of rows.slice(0, 6)) {
      for (const text of [fr.validation.required, fr.jobWizard.saveAndContinue, fr.bids.methodHint]) expect(row.text.includes(JSON.stringify(text).slice(1, -1)), `${row.path}: ${text}`).toBe(false);
    }
    expect(rows[0]!.html).toBeLessThanOrEqual(40_000);
  });
});
