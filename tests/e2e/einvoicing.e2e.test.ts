/**
 * E-invoicing end to end, with a fake Plateforme Agréée on loopback: an app of its own (web and
 * worker, demo data, its own database) configured with the fake PA and a callback secret. A
 * milestone is approved; the worker sends the expert's invoice and Compagnon's commission invoice
 * to the PA; the PA's callback brings "Déposée" back; the payment status 212 "Encaissée" goes to
 * the PA and its acknowledgement comes back through the poll. The statuses show on the invoice
 * lists (client in French, expert in English) and the e-reports on /admin/einvoicing.
 */
import type { ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "playwright-core";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { demoAccounts } from "@/db/seed/seed";
import { signCallback } from "@/lib/einvoicing/callback";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import { databaseUrl, freePort } from "@/scripts/lib/embedded-postgres";
import { demoContractTitle } from "@/scripts/lib/demo-contract";
import { FAKE_PA_CLIENT, startFakePa, type FakePa } from "../helpers/fake-pa";
import { spawnScript } from "../helpers/scripts";
import { SignInFlow } from "./pages/SignInFlow";
import { e2eEnabled, launchBrowserPerFile, newVisitor } from "./support/browser";

launchBrowserPerFile();

const name = `e2e_einvoicing_${process.pid}`;
const SECRET = "e2e-pa-callback-secret-0123456789";
const ADMIN = "einvoicing-admin@example.test";
let app: ChildProcess | undefined;
let fake: FakePa | undefined;
let sql: postgres.Sql | undefined;
let base = "";
let dataDir = "";
let output = "";

const before = (template: string, placeholder: string) => template.slice(0, template.indexOf(placeholder));
/** A status cell of the invoice list: the status, then its date. */
const statusCell = (page: Page, status: string) => page.getByRole("cell", { name: new RegExp(`^${status}`) }).first();

beforeAll(async () => {
  if (!e2eEnabled) return;
  fake = await startFakePa();
  fake.mode.everySiren = true;
  const server = postgres(inject("e2eServerUrl"), { max: 1, onnotice: () => {} });
  await server.unsafe(`create database "${name}"`);
  await server.end({ timeout: 5 });
  const port = await freePort();
  base = `http://localhost:${port}`;
  dataDir = mkdtempSync(path.join(os.tmpdir(), "compagnon-einvoicing-"));
  const env = {
    DATABASE_URL: databaseUrl(inject("e2eServerUrl"), name),
    APP_URL: base,
    PORT: String(port),
    COMPAGNON_DATA_DIR: dataDir,
    SIGNIN_LIMIT_PER_IP: "1000",
    SIGNIN_LIMIT_PER_EMAIL: "50",
    ADMIN_EMAILS: ADMIN,
    PA_API_URL: fake.url,
    PA_CLIENT_ID: FAKE_PA_CLIENT.id,
    PA_CLIENT_SECRET: FAKE_PA_CLIENT.secret,
    PA_WEBHOOK_SECRET: SECRET,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  sql = postgres(env.DATABASE_URL, { max: 1, onnotice: () => {} });
  app = spawnScript("start", ["--demo"], env);
  await new Promise<void>((resolve, reject) => {
    const look = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("serving")) resolve();
    };
    app!.stdout?.on("data", look);
    app!.stderr?.on("data", look);
    app!.once("exit", (code) => reject(new Error(`the app exited (${code}): ${output}`)));
  });
  for (let i = 0; i < 240 && !(await fetch(`${base}/api/health`).then((r) => r.ok, () => false)); i++) await new Promise((r) => setTimeout(r, 250));
}, 180_000);

afterAll(async () => {
  if (!e2eEnabled) return;
  if (app && app.exitCode === null && app.signalCode === null) {
    const exited = new Promise((resolve) => app!.once("exit", resolve));
    app.kill("SIGTERM");
    await exited;
  }
  await sql?.end({ timeout: 5 });
  await fake?.close();
  const server = postgres(inject("e2eServerUrl"), { max: 1, onnotice: () => {} });
  await server.unsafe(`drop database if exists "${name}" with (force)`);
  await server.end({ timeout: 5 });
  rmSync(dataDir, { recursive: true, force: true });
});

/** Waits until `check` holds, running the PA poll in the worker between tries (its cron is every fifteen minutes). */
async function untilPolled(check: () => Promise<boolean>, what: string) {
  for (let i = 0; i < 60; i++) {
    if (await check()) return;
    await sql!`select graphile_worker.add_job('einvoice_poll', '{}'::json, job_key := 'e2e-poll')`;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`never: ${what}`);
}

describe.skipIf(!e2eEnabled)("e-invoicing through a Plateforme Agréée (fake, on loopback)", () => {
  it("an approved milestone's invoices reach the PA; Déposée comes back by callback, Encaissée by the poll; shown in French, English and to the admin", async () => {
    const client = await newVisitor("fr-FR");
    const page = client.page;
    await new SignInFlow(page, base).signIn(demoAccounts.clientOwner.email);
    await page.waitForURL(/\/dashboard/);
    await page.getByRole("region", { name: fr.contracts.listHeading }).getByRole("link", { name: demoContractTitle }).click();
    await page.waitForURL(/\/contracts\//);
    const contractUrl = page.url();
    await page.getByRole("button", { name: fr.payments.fund }).first().click();
    await page.waitForURL(/\/pay\/test\/checkout\//);
    await page.getByRole("button", { name: fr.testMode.payCard }).click();
    await page.waitForURL(/\/contracts\/.*funding=/);

    const expert = await newVisitor("en-US");
    const ep = expert.page;
    await new SignInFlow(ep, base).signIn(demoAccounts.expertSophie.email, "/expert/payouts");
    await ep.waitForURL(/\/expert\/payouts/);
    await ep.getByRole("button", { name: en.payouts.connect }).click();
    await ep.waitForURL(/\/pay\/test\/onboarding\//);
    await ep.getByRole("button", { name: en.testMode.completeOnboarding }).click();
    await ep.waitForURL(/\/expert\/payouts/);
    await ep.goto(contractUrl);
    await ep.getByLabel(en.payments.deliveryNote).fill("Nextcloud is installed; the checklist is in the shared folder.");
    await ep.getByRole("button", { name: en.payments.markDelivered }).click();
    await ep.getByText(en.payments.done_delivered).waitFor();

    await page.goto(contractUrl);
    await page.getByLabel(new RegExp(before(fr.payments.approveConfirm, "{amount}"))).check();
    await page.getByRole("button", { name: fr.payments.approve }).click();
    await page.getByText(fr.payments.done_approved).waitFor();

    // The worker sends both documents as Factur-X flows (the invoice and the commission invoice).
    await expect.poll(() => fake!.flows.filter((f) => f.flowType === "CustomerInvoice").length, { timeout: 60_000 }).toBe(2);
    const [invoice] = await sql!<{ id: string; number: string }[]>`select id, number from invoices where role = 'service' and kind = 'invoice'`;
    const flow = fake!.flows.find((f) => f.trackingId === invoice!.id)!;
    expect(flow.name).toBe(`${invoice!.number}.pdf`);

    // The PA's callback (signed with the shared secret): Déposée, read back from the PA.
    const body = JSON.stringify({ flowId: flow.flowId, flowType: "CustomerInvoice", trackingId: invoice!.id });
    const forged = await fetch(`${base}/api/einvoicing/callback`, { method: "POST", body, headers: { "content-type": "application/json", "x-pa-signature": signCallback("not-the-secret-not-the-secret", body, Math.floor(Date.now() / 1000)) } });
    expect(forged.status).toBe(400);
    const callback = await fetch(`${base}/api/einvoicing/callback`, { method: "POST", body, headers: { "content-type": "application/json", "x-pa-signature": signCallback(SECRET, body, Math.floor(Date.now() / 1000)) } });
    expect(callback.status).toBe(200);
    await page.goto(`${base}/invoices`);
    await page.getByRole("columnheader", { name: fr.einvoicing.colStatus }).waitFor();
    await statusCell(page, fr.einvoicing.status_200).waitFor();
    await client.screenshot("fr-90-einvoicing-deposee");
    await ep.goto(`${base}/invoices`);
    await statusCell(ep, en.einvoicing.status_200).waitFor();

    // The payment status 212 goes to the PA once the invoice is there; the poll reads its acknowledgement.
    await untilPolled(async () => {
      const [row] = await sql!<{ code: number | null }[]>`select lifecycle_code as code from einvoice_transmissions where invoice_id = ${invoice!.id}`;
      return row?.code === 212;
    }, "Encaissée");
    // One 212 per invoice (the commission invoice's VAT is due on receipt too), each sent once.
    expect(fake!.flows.filter((f) => f.name === `cdar-212-${invoice!.number}.xml`)).toHaveLength(1);
    await page.reload();
    await statusCell(page, fr.einvoicing.status_212).waitFor();
    await client.screenshot("fr-91-einvoicing-encaissee");
    // Compagnon's commission invoice: its acknowledgement read by the poll (no callback), then its own 212.
    await untilPolled(async () => {
      const rows = await sql!<{ code: number }[]>`select e.code from einvoice_status_events e join invoices i on i.id = e.invoice_id where i.role = 'commission' order by e.occurred_at`;
      return rows.map((r) => r.code).join() === "200,212";
    }, "the commission invoice Déposée then Encaissée");
    await ep.reload();
    await statusCell(ep, en.einvoicing.status_212).waitFor();
    expect(await ep.getByRole("cell", { name: new RegExp(`^${en.einvoicing.status_212}`) }).count()).toBe(2);
    await expert.screenshot("en-90-einvoicing-statuses");

    // The expert's choice of PA: their own, with an address that is not theirs (refused, kept), then theirs.
    await ep.goto(`${base}/expert/tax-details`);
    const settings = ep.getByRole("region", { name: en.einvoicingSettings.title });
    await settings.getByRole("radio", { name: en.einvoicingSettings.channel_own_pa }).check();
    await settings.getByLabel(en.einvoicingSettings.ownPaName).fill("Plateforme Exemple");
    await settings.getByLabel(en.einvoicingSettings.ownPaAddress).fill("443061841_FACTURES");
    await settings.getByRole("button", { name: en.einvoicingSettings.submit }).click();
    await settings.getByText(en.validation.electronicAddressSiren).first().waitFor();
    expect(await settings.getByLabel(en.einvoicingSettings.ownPaName).inputValue()).toBe("Plateforme Exemple");
    await expert.screenshot("en-92-einvoicing-own-pa-refused");
    const [profile] = await sql!<{ siret: string }[]>`select p.siret from expert_profiles p join users u on u.id = p.user_id where u.email = ${demoAccounts.expertSophie.email}`;
    await settings.getByLabel(en.einvoicingSettings.ownPaAddress).fill(`${profile!.siret.slice(0, 9)}_FACTURES`);
    await settings.getByRole("button", { name: en.einvoicingSettings.submit }).click();
    await settings.getByText(en.einvoicingSettings.saved).waitFor();
    expect(await sql!`select 1 from expert_profiles where siret = ${profile!.siret} and einvoicing_channel = 'own_pa'`).toHaveLength(1);

    // The admin's report of what was e-reported.
    const admin = await newVisitor("en-US");
    await new SignInFlow(admin.page, base).signIn(ADMIN, "/admin/einvoicing");
    await admin.page.goto(`${base}/admin/einvoicing`);
    const reports = admin.page.getByRole("region", { name: en.einvoicing.reportsTitle });
    const row = reports.getByRole("row", { name: new RegExp(invoice!.number) });
    await row.getByText(en.einvoicing.report_payment).waitFor();
    await row.getByText(en.einvoicing.ack_Ok).waitFor();
    await admin.screenshot("en-91-admin-einvoicing");
    for (const visitor of [client, expert, admin]) await visitor.context.close();
  }, 240_000);
});
