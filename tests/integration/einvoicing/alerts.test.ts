import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { einvoiceStatusEvents, einvoiceTransmissions, users } from "@/db/schema";
import { receivePaCallback, signCallback } from "@/lib/einvoicing/callback";
import { pollEinvoiceStatuses } from "@/lib/einvoicing/poll";
import { listEinvoiceProblems } from "@/lib/einvoicing/queries";
import { recordStatus } from "@/lib/einvoicing/record-status";
import { submitEinvoice } from "@/lib/einvoicing/submit";
import { resetEnvCache } from "@/lib/env";
import { makeUser } from "../../helpers/factories";
import { adminEmails, alertsOf, configurePa, connectorFor, historyOf, registerInDirectory, releasedMilestone, startFakePaForFile, transmissionOf } from "./helpers";

const SECRET = "pa-callback-secret-for-tests-0123";
const holder = startFakePaForFile();

/** Two admins, one reading English; the expert reads English too. */
async function milestoneWithReaders() {
  const frenchAdmin = await makeUser("admin");
  const englishAdmin = await makeUser("admin");
  await db.update(users).set({ locale: "en" }).where(eq(users.id, englishAdmin.id));
  const released = await releasedMilestone();
  await db.update(users).set({ locale: "en" }).where(eq(users.id, released.contract.expert.id));
  return { ...released, frenchAdmin, englishAdmin };
}

async function submitted(invoice: { id: string; document: { buyer: { siren: string | null } } }) {
  await registerInDirectory(holder.pa, invoice.document.buyer.siren);
  expect(await submitEinvoice(invoice.id, { connector: connectorFor(holder.pa) })).toBe("submitted");
}

const byRecipient = <T extends { to: string }>(rows: T[]) => new Map(rows.map((row) => [row.to, row]));

beforeEach(() => configurePa(holder.pa));

describe("an invoice the PA rejects or the buyer refuses alerts the admins and the expert", () => {
  it("a 213 Rejetée by callback: one email and one notification per admin and for the expert, each in their language; the PA calling again alerts no one", async () => {
    const { contract, service, frenchAdmin, englishAdmin } = await milestoneWithReaders();
    holder.pa.mode.ack = "Pending";
    await submitted(service);
    holder.pa.acknowledge(service.id, "Error", "Numéro de facture déjà utilisé");
    process.env.PA_WEBHOOK_SECRET = SECRET;
    resetEnvCache();
    const raw = JSON.stringify({ flowId: holder.pa.flows.find((f) => f.trackingId === service.id)!.flowId, flowType: "CustomerInvoice", trackingId: service.id });
    const signature = () => signCallback(SECRET, raw, Math.floor(Date.now() / 1000));
    try {
      expect(await receivePaCallback(raw, signature(), connectorFor(holder.pa))).toEqual({ status: 200, result: "recorded" });
      expect(await receivePaCallback(raw, signature(), connectorFor(holder.pa))).toEqual({ status: 200, result: "known" });
    } finally {
      delete process.env.PA_WEBHOOK_SECRET;
    }
    expect(await historyOf(service.id)).toEqual([{ code: 213, reason: "BT-1: Numéro de facture déjà utilisé" }]);

    const { emails, inApp } = await alertsOf(service.id);
    const expected = [...(await adminEmails()), contract.expert.email].sort();
    expect(emails.map((e) => e.to).sort()).toEqual(expected);
    expect(inApp.map((n) => n.email).sort()).toEqual(expected);
    const mail = byRecipient(emails);
    expect(mail.get(frenchAdmin.email)).toMatchObject({ locale: "fr", subject: `Facture ${service.number} : 213 Rejetée, une correction est nécessaire` });
    expect(mail.get(frenchAdmin.email)!.text).toContain("Numéro de facture déjà utilisé");
    expect(mail.get(frenchAdmin.email)!.text).toContain("un avoir qui l’annule, puis une nouvelle facture");
    expect(mail.get(englishAdmin.email)).toMatchObject({ locale: "en", subject: `Invoice ${service.number}: 213 Rejetée (Rejected), a correction is needed` });
    const expertMail = mail.get(contract.expert.email)!;
    expect(expertMail.locale).toBe("en");
    expect(expertMail.text).toContain("a Compagnon administrator issues the credit note and the new invoice in your name");
    expect(expertMail.text).toContain("Numéro de facture déjà utilisé");
    const links = new Map(inApp.map((n) => [n.email, n.link]));
    expect(links.get(contract.expert.email)).toBe("/invoices");
    expect(links.get(frenchAdmin.email)).toBe("/admin/einvoicing");

    // The poll reads the same acknowledgement again: nothing new.
    await pollEinvoiceStatuses(connectorFor(holder.pa));
    expect((await alertsOf(service.id)).emails).toHaveLength(expected.length);
  });

  it("a 210 Refusée by poll: one alert per recipient; the same status sent again later alerts no one; the admin sees it first, with its reason", async () => {
    const { contract, service, commission, englishAdmin } = await milestoneWithReaders();
    await submitted(service);
    holder.pa.addLifecycle(service.number, 210, new Date("2026-12-11T10:00:00Z"), "Montant erroné");
    await pollEinvoiceStatuses(connectorFor(holder.pa));
    const expected = [...(await adminEmails()), contract.expert.email].sort();
    const first = await alertsOf(service.id);
    expect(first.emails.map((e) => e.to).sort()).toEqual(expected);
    expect(first.inApp).toHaveLength(expected.length);
    expect(byRecipient(first.emails).get(englishAdmin.email)!.text).toMatch(/210 Refusée \(Refused\)[\s\S]*Montant erroné/);

    // The PA sends the refusal again (another flow, another time), and an older approval arrives late.
    holder.pa.addLifecycle(service.number, 210, new Date("2026-12-12T10:00:00Z"), "Montant erroné");
    holder.pa.addLifecycle(service.number, 205, new Date("2026-12-10T10:00:00Z"));
    await pollEinvoiceStatuses(connectorFor(holder.pa));
    expect((await historyOf(service.id)).map((h) => h.code)).toEqual([200, 205, 210, 210]);
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 210 });
    const again = await alertsOf(service.id);
    expect(again.emails).toHaveLength(expected.length);
    expect(again.inApp).toHaveLength(expected.length);

    // A failed transmission updated later still comes after the document to correct.
    await db.insert(einvoiceTransmissions).values({ invoiceId: commission.id, trackingId: commission.id }).onConflictDoNothing();
    await db.update(einvoiceTransmissions).set({ state: "failed", attempts: 12, lastError: "PA answered 503", updatedAt: new Date(Date.now() + 60_000) }).where(eq(einvoiceTransmissions.invoiceId, commission.id));
    const problems = await listEinvoiceProblems(await makeUser("admin"));
    const mine = problems.filter((p) => p.invoiceId === service.id || p.invoiceId === commission.id);
    expect(mine.map((p) => [p.number, p.reason])).toEqual([
      [service.number, "Montant erroné"],
      [commission.number, null],
    ]);
  });

  it("Compagnon's own commission invoice: only the admins are alerted, not the expert it is addressed to", async () => {
    const { contract, commission } = await milestoneWithReaders();
    await submitted(commission);
    holder.pa.addLifecycle(commission.number, 207, new Date("2026-12-11T10:00:00Z"), "Commission contestée");
    await pollEinvoiceStatuses(connectorFor(holder.pa));
    const { emails, inApp } = await alertsOf(commission.id);
    expect(emails.map((e) => e.to).sort()).toEqual((await adminEmails()).sort());
    expect(inApp.map((n) => n.email)).not.toContain(contract.expert.email);
    expect(emails[0]!.text).toContain("Commission contestée");
  });

  it("the alert belongs to the status's transaction: rolled back, neither the status nor an alert remains", async () => {
    const { service } = await milestoneWithReaders();
    await submitted(service);
    const before = await historyOf(service.id);
    await expect(
      db.transaction(async (tx) => {
        expect(await recordStatus(tx, { invoiceId: service.id, code: 213, occurredAt: new Date("2026-12-11T10:00:00Z"), flowId: null, reason: "Format invalide" })).toBe(true);
        expect((await tx.select().from(einvoiceStatusEvents).where(eq(einvoiceStatusEvents.invoiceId, service.id))).map((e) => e.code)).toContain(213);
        throw new Error("the caller fails after recording");
      }),
    ).rejects.toThrow("the caller fails after recording");
    expect(await historyOf(service.id)).toEqual(before);
    expect(await alertsOf(service.id)).toEqual({ emails: [], inApp: [] });
  });
});
