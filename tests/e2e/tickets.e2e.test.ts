import { existsSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import type { Actor } from "@/lib/auth/actor";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { SignInFlow } from "./pages/SignInFlow";
import { baseUrl, e2eEnabled, foreignRequests, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const runs = [
  { lang: "fr", locale: "fr-FR", t: fr, title: "Synchronisation bloquée" },
  { lang: "en", locale: "en-US", t: en, title: "Sync is stuck" },
] as const;

let sql: postgres.Sql;
let owner: Actor;

beforeAll(async () => {
  if (!e2eEnabled) return;
  // The retainer contract is formed through the use cases, against the app's database.
  process.env.DATABASE_URL = inject("e2eDatabaseUrl");
  // Its files (the experts' evidence) go to the app's data folder, not to the checkout's .data.
  process.env.COMPAGNON_DATA_DIR = inject("e2eDataDir");
  sql = postgres(inject("e2eDatabaseUrl"), { max: 1, onnotice: () => {} });
  const [row] = await sql<{ id: string; email: string; name: string | null; locale: "fr" | "en" }[]>`select id, email, name, locale from users where email = ${demoAccounts.clientOwner.email}`;
  if (!row) throw new Error("no demo client");
  owner = { ...row, role: "client" };
});

afterAll(async () => {
  await sql?.end();
});

/** A screenshot's bytes (a PNG signature is what the server checks). */
const SCREENSHOT = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(2048)]);

/** A retainer contract between the demo client and a new expert, its first month moved to run around today. */
async function retainerContract() {
  const { makeRetainerContract } = await import("../helpers/retainers");
  const { contractId, expert } = await makeRetainerContract({ owner, activate: true });
  // The new expert's evidence is in the app's data folder (it landed in the checkout's .data).
  const [evidence] = await sql<{ storage_key: string }[]>`
    select e.storage_key from evidence_files e join expert_profiles p on p.id = e.profile_id where p.user_id = ${expert.id} limit 1`;
  expect(existsSync(path.join(inject("e2eDataDir"), "uploads", evidence?.storage_key ?? "missing"))).toBe(true);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const [month] = await sql<{ period_start: string }[]>`
    update retainer_months set period_start = ${day(-5)}, period_end = ${day(25)} where contract_id = ${contractId} returning period_start::text`;
  return { contractId, expert, periodStart: month?.period_start ?? "" };
}

describe.skipIf(!e2eEnabled).each(runs)("a support ticket from opening to the month report ($lang)", ({ lang, locale, t, title }) => {
  it("the client opens a ticket, the expert answers within target, logs time and resolves it, and the month report counts it", async () => {
    const tk = t.tickets;
    const { contractId, expert, periodStart } = await retainerContract();
    const contractPath = `/contracts/${contractId}`;

    const client = await newVisitor(locale);
    const page = client.page;
    await new SignInFlow(page).signIn(demoAccounts.clientOwner.email, contractPath);
    await page.getByRole("link", { name: t.retainers.ticketsLink }).click();
    await page.waitForURL(/\/tickets$/);
    await page.getByText(tk.none).waitFor();
    // Bad input is refused with a message, and what was typed (and the file chosen) stays.
    await page.getByLabel(tk.descriptionLabel).fill("Les postes ne synchronisent plus.");
    await page.getByLabel(tk.filesLabel).setInputFiles({ name: "capture-sync.png", mimeType: "image/png", buffer: SCREENSHOT });
    await page.getByRole("button", { name: tk.open }).click();
    await page.getByText(t.validation.required).first().waitFor();
    expect(await page.getByLabel(tk.descriptionLabel).inputValue()).toBe("Les postes ne synchronisent plus.");
    expect(await page.getByLabel(tk.filesLabel).evaluate((input: HTMLInputElement) => input.files?.length)).toBe(1);
    await page.getByLabel(tk.titleLabel).fill(title);
    await page.getByLabel(tk.severityLabel).selectOption("critical");
    await page.getByLabel(tk.softwareLabel).selectOption("Nextcloud");
    await page.getByRole("button", { name: tk.open }).click();
    await page.waitForURL(/\/tickets\/[0-9a-f-]+$/);
    const ticketPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { name: title }).waitFor();
    await client.screenshot(`${lang}-95-ticket-opened`);

    const specialist = await newVisitor(locale);
    const sp = specialist.page;
    await new SignInFlow(sp).signIn(expert.email, ticketPath);
    await sp.getByRole("heading", { name: title }).waitFor();
    // The client's screenshot: listed with its size, downloaded as an attachment.
    const screenshot = sp.getByRole("link", { name: /capture-sync\.png \(\d/ });
    const download = await sp.request.get(`${baseUrl}${await screenshot.getAttribute("href")}`);
    expect(download.status()).toBe(200);
    expect(download.headers()["content-type"]).toBe("image/png");
    expect(download.headers()["content-disposition"]).toMatch(/^attachment; filename="capture-sync\.png"/);
    expect((await download.body()).equals(SCREENSHOT)).toBe(true);
    await sp.getByLabel(tk.messageLabel).fill("Je regarde : le cron de synchronisation était arrêté, je le relance.");
    await sp.getByRole("button", { name: tk.send }).click();
    await sp.getByText(tk.sent).waitFor();
    await sp.getByText(tk.targetMet).waitFor();
    await sp.getByLabel(tk.minutesLabel).fill("90");
    await sp.getByLabel(tk.noteLabel).fill("Relance du cron et vérification des clients");
    await sp.getByRole("button", { name: tk.logTime }).click();
    await sp.getByText(tk.timeLogged).waitFor();
    await sp.getByRole("button", { name: tk.resolve }).click();
    await sp.getByRole("button", { name: tk.resolve }).waitFor({ state: "detached" });
    await specialist.screenshot(`${lang}-96-ticket-answered`);

    // The client sees the answer, then the month report.
    await page.goto(`${baseUrl}${ticketPath}`);
    await page.getByText("le cron de synchronisation").waitFor();
    await page.getByRole("button", { name: tk.reopen }).waitFor();
    await page.goto(`${baseUrl}${contractPath}/tickets/months/${periodStart}`);
    await page.getByText(tk.reportOpened.replace("{count}", "1")).waitFor();
    await page.getByText(tk.reportResolved.replace("{count}", "1")).waitFor();
    await page.getByText(tk.reportTargets.replace("{met}", "1").replace("{breached}", "0")).waitFor();
    await page.getByRole("rowheader", { name: title }).waitFor();
    await client.screenshot(`${lang}-97-month-report`);
    const pdf = await page.request.get(`${baseUrl}${contractPath}/tickets/months/${periodStart}/pdf?lang=${lang}`);
    expect(pdf.status()).toBe(200);
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");

    for (const v of [client, specialist]) expect(foreignRequests(v)).toEqual([]);
    for (const v of [client, specialist]) await v.context.close();
  });
});
