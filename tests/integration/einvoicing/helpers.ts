import { asc, eq, like } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, beforeEach, expect } from "vitest";
import { db } from "@/db/client";
import { emailOutbox, einvoiceAddresses, einvoiceStatusEvents, einvoiceTransmissions, invoices, notifications, users } from "@/db/schema";
import { afnorConnector } from "@/lib/einvoicing/pa-client";
import { resetEnvCache } from "@/lib/env";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { FAKE_PA_CLIENT, startFakePa, type FakePa } from "../../helpers/fake-pa";

export function connectorFor(fake: FakePa, timeoutMs = 3000) {
  return afnorConnector({ apiUrl: fake.url, directoryUrl: fake.url, tokenUrl: `${fake.url}/token`, clientId: FAKE_PA_CLIENT.id, clientSecret: FAKE_PA_CLIENT.secret, timeoutMs });
}

/** Points the app's configuration at the fake PA (or removes it, with null). */
export function configurePa(fake: FakePa | null) {
  for (const key of ["PA_API_URL", "PA_CLIENT_ID", "PA_CLIENT_SECRET"]) delete process.env[key];
  if (fake) {
    process.env.PA_API_URL = fake.url;
    process.env.PA_CLIENT_ID = FAKE_PA_CLIENT.id;
    process.env.PA_CLIENT_SECRET = FAKE_PA_CLIENT.secret;
  }
  resetEnvCache();
}

/** One released milestone: the expert's invoice to the client and Compagnon's commission invoice, issued. */
export async function releasedMilestone(before?: (contract: Awaited<ReturnType<typeof makeActiveContract>>) => Promise<void>) {
  const contract = await makeActiveContract({ bid: { total: "600", milestones: [{ title: "Installation", amount: "600", dueOn: "2027-03-01" }] } });
  if (before) await before(contract);
  const milestoneId = contract.milestoneIds[0]!;
  await fundMilestone(contract.owner, milestoneId);
  expect((await markDelivered(contract.expert, { milestoneId, note: "Serveur installé et documenté." })).ok).toBe(true);
  expect((await approveMilestone(contract.owner, { milestoneId })).ok).toBe(true);
  const documents = await db.select().from(invoices).where(eq(invoices.contractId, contract.contractId)).orderBy(asc(invoices.role));
  const commission = documents.find((d) => d.role === "commission")!;
  const service = documents.find((d) => d.role === "service")!;
  return { contract, service, commission };
}

export async function transmissionOf(invoiceId: string) {
  const [row] = await db.select().from(einvoiceTransmissions).where(eq(einvoiceTransmissions.invoiceId, invoiceId));
  return row;
}

export async function historyOf(invoiceId: string) {
  return db.select({ code: einvoiceStatusEvents.code, reason: einvoiceStatusEvents.reason }).from(einvoiceStatusEvents).where(eq(einvoiceStatusEvents.invoiceId, invoiceId)).orderBy(asc(einvoiceStatusEvents.occurredAt));
}

/**
 * The test file's fake PA (`holder.pa`): started once, its failure modes reset before each test,
 * the app's PA configuration removed after each (a test that wants it calls `configurePa`).
 */
export function startFakePaForFile(): { pa: FakePa } {
  const holder = {} as { pa: FakePa };
  beforeAll(async () => {
    holder.pa = await startFakePa();
  });
  afterAll(async () => {
    configurePa(null);
    await holder.pa.close();
  });
  beforeEach(() => {
    Object.assign(holder.pa.mode, { down: false, slowMs: 0, rejectNext: 0, dropAnswerNext: 0, ack: "Ok" });
  });
  afterEach(() => configurePa(null));
  return holder;
}

/** The fake PA's directory knows these SIRENs (address SIREN_FACTURES), and the app's cache forgets them. */
export async function registerInDirectory(fake: FakePa, ...sirens: (string | null | undefined)[]) {
  for (const siren of sirens) {
    if (!siren) continue;
    fake.directory.set(siren, `${siren}_FACTURES`);
    await db.delete(einvoiceAddresses).where(eq(einvoiceAddresses.siren, siren));
  }
}

/** The alerts (email and in-app notification) about a document needing a correction, per recipient. */
export async function alertsOf(invoiceId: string) {
  const key = `einvoice-action:${invoiceId}:%`;
  const emails = await db.select({ to: emailOutbox.toAddress, subject: emailOutbox.subject, text: emailOutbox.text, locale: emailOutbox.locale }).from(emailOutbox).where(like(emailOutbox.idempotencyKey, key));
  const inApp = await db.select({ email: users.email, title: notifications.title, link: notifications.link }).from(notifications).innerJoin(users, eq(users.id, notifications.userId)).where(like(notifications.idempotencyKey, key));
  return { emails, inApp };
}

/** Every admin's address (each is alerted about a document needing a correction). */
export async function adminEmails() {
  return (await db.select({ email: users.email }).from(users).where(eq(users.role, "admin"))).map((u) => u.email);
}
