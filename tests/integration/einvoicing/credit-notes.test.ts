import { and, asc, eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contracts, einvoiceReports, invoices, organizations, users } from "@/db/schema";
import { parseLifecycleMessage } from "@/lib/einvoicing/cdar";
import { saveMyEinvoicingSettings } from "@/lib/einvoicing/expert-settings";
import { pollEinvoiceStatuses } from "@/lib/einvoicing/poll";
import { resetEnvCache } from "@/lib/env";
import { buildFacturXXml } from "@/lib/invoicing/render";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { endResponseWindow } from "../../helpers/disputes";
import { pdfBytes } from "../../helpers/experts";
import { enablePayouts, fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { makeUser } from "../../helpers/factories";
import { validateFacturXXsd } from "../../helpers/invoice-sample";
import { runQueuedJobs } from "../../helpers/worker";
import { adminEmails, alertsOf, configurePa, connectorFor, historyOf, registerInDirectory, releasedMilestone, transmissionOf, startFakePaForFile } from "./helpers";

const holder = startFakePaForFile();
afterEach(() => {
  delete process.env.PLATFORM_VAT_ON_DEBITS;
  resetEnvCache();
});

const reportsOf = (invoiceId: string) => db.select().from(einvoiceReports).where(and(eq(einvoiceReports.invoiceId, invoiceId), eq(einvoiceReports.kind, "payment")));

/** A dispute settled by a split: the whole milestone invoiced, 300 € refunded by a credit note on that invoice. */
async function splitSettlement(before?: (contract: Awaited<ReturnType<typeof makeActiveContract>>) => Promise<void>) {
  const contract = await makeActiveContract();
  await before?.(contract);
  const [milestoneId] = contract.milestoneIds as [string];
  await enablePayouts(contract.expert);
  await fundMilestone(contract.owner, milestoneId);
  const opened = await openDispute(contract.owner, { milestoneId, reason: "not_as_agreed", text: "La moitié des postes n’a pas été installée comme prévu.", file: { name: "journal.pdf", bytes: pdfBytes("journal") } });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  await endResponseWindow(opened.value.disputeId);
  const admin = await makeUser("admin");
  expect(await settleDispute(admin, { disputeId: opened.value.disputeId, outcome: "split", refund: "300", note: "Les deux parties ont été entendues : partage." })).toEqual({ ok: true, value: undefined });
  const documents = await db.select().from(invoices).where(and(eq(invoices.contractId, contract.contractId), eq(invoices.role, "service"))).orderBy(asc(invoices.kind));
  const creditNote = documents.find((d) => d.kind === "credit_note")!;
  const invoice = documents.find((d) => d.kind === "invoice")!;
  return { invoice, creditNote };
}

describe("a credit note on an invoice already reported as paid (a dispute split)", () => {
  it("reports the refund as a negative amount received, on the credit note's day, through the invoice's channel", async () => {
    const { invoice, creditNote } = await splitSettlement();
    expect(creditNote.correctsInvoiceId).toBe(invoice.id);
    expect(creditNote.document.totals.inclVatCents).toBe(30_000);
    const [paid] = await reportsOf(invoice.id);
    const [refund] = await reportsOf(creditNote.id);
    expect(paid).toMatchObject({ channel: "lifecycle", amountCents: invoice.document.totals.inclVatCents });
    expect(refund).toMatchObject({
      channel: "lifecycle",
      amountCents: -30_000,
      vatCents: -creditNote.document.totals.vatCents,
      vatRateBps: invoice.document.vatBreakdown[0]!.rateBps,
      occurredOn: creditNote.issueDate,
      state: "queued",
    });
    // The credit note itself is a valid EN 16931 document referencing its invoice.
    const xml = buildFacturXXml(creditNote.document);
    expect(await validateFacturXXsd(xml)).toEqual({ valid: true, errors: [] });
    expect(xml).toContain("<ram:TypeCode>381</ram:TypeCode>");
    expect(xml).toContain(`<ram:IssuerAssignedID>${invoice.number}</ram:IssuerAssignedID>`);
  });

  it("with the PA: the credit note follows its invoice (one flow each), and the refund goes as a 212 about the invoice with a negative amount", async () => {
    const fake = holder.pa;
    configurePa(fake);
    const { invoice, creditNote } = await splitSettlement();
    await registerInDirectory(fake, invoice.document.buyer.siren);
    await runQueuedJobs(["einvoice_submit"]);
    expect(await transmissionOf(invoice.id)).toMatchObject({ state: "submitted" });
    expect(await transmissionOf(creditNote.id)).toMatchObject({ state: "submitted" });
    expect(fake.flows.filter((f) => f.trackingId === creditNote.id)).toHaveLength(1);

    await runQueuedJobs(["einvoice_report"]);
    const [refund] = await reportsOf(creditNote.id);
    expect(refund).toMatchObject({ state: "submitted" });
    const [flow] = fake.flows.filter((f) => f.trackingId === refund!.id);
    expect(flow).toMatchObject({ processingRule: "B2B" });
    const file = flow!.file.toString();
    expect(parseLifecycleMessage(file)).toMatchObject({ invoiceNumber: invoice.number, code: 212 });
    expect(file).toContain("<ram:ValueAmount>-300.00</ram:ValueAmount>");
    expect(file).not.toContain(creditNote.number);
    // Acknowledged: both payment reports (received, refunded); the invoice (not the credit note)
    // shows Encaissée, the credit note only its Déposée.
    await pollEinvoiceStatuses(connectorFor(fake));
    expect((await reportsOf(invoice.id))[0]).toMatchObject({ state: "submitted", ackStatus: "Ok" });
    expect((await reportsOf(creditNote.id))[0]).toMatchObject({ state: "submitted", ackStatus: "Ok" });
    expect(await transmissionOf(invoice.id)).toMatchObject({ lifecycleCode: 212 });
    expect((await historyOf(creditNote.id)).map((h) => h.code)).toEqual([200]);
  });

  it("the buyer refusing the credit note alerts the expert and the admins like an invoice, once", async () => {
    const fake = holder.pa;
    configurePa(fake);
    const { invoice, creditNote } = await splitSettlement();
    await registerInDirectory(fake, invoice.document.buyer.siren);
    await runQueuedJobs(["einvoice_submit"]);
    fake.addLifecycle(creditNote.number, 210, new Date("2026-12-20T10:00:00Z"), "Avoir non attendu");
    await pollEinvoiceStatuses(connectorFor(fake));
    fake.addLifecycle(creditNote.number, 210, new Date("2026-12-21T10:00:00Z"), "Avoir non attendu");
    await pollEinvoiceStatuses(connectorFor(fake));
    expect(await transmissionOf(creditNote.id)).toMatchObject({ lifecycleCode: 210 });
    const [expert] = await db.select({ email: users.email }).from(users).where(eq(users.id, creditNote.expertUserId!));
    const { emails, inApp } = await alertsOf(creditNote.id);
    const expected = [...(await adminEmails()), expert!.email].sort();
    expect(emails.map((e) => e.to).sort()).toEqual(expected);
    expect(inApp.map((n) => n.email).sort()).toEqual(expected);
    expect(emails[0]!.subject).toBe(`Avoir ${creditNote.number} : 210 Refusée, une correction est nécessaire`);
    expect(emails[0]!.text).toContain("Avoir non attendu");
    expect((await alertsOf(invoice.id)).emails).toEqual([]);
  });

  it("an expert with their own PA: the credit note follows its invoice there too (not sent by Compagnon, no refund reported by Compagnon)", async () => {
    configurePa(holder.pa);
    const { invoice, creditNote } = await splitSettlement(async (contract) => {
      const saved = await saveMyEinvoicingSettings(contract.expert, { channel: "own_pa", ownPaName: "Plateforme Exemple", ownPaAddress: "812345676", vatFiling: "" });
      expect(saved.ok).toBe(true);
    });
    expect(creditNote.document.sellerPa).toEqual({ name: "Plateforme Exemple" });
    await runQueuedJobs(["einvoice_submit"]);
    for (const document of [invoice, creditNote]) expect(await transmissionOf(document.id)).toMatchObject({ state: "not_transmitted", skipReason: "seller_pa" });
    expect(holder.pa.flows.some((f) => f.trackingId === creditNote.id)).toBe(false);
    expect(await reportsOf(creditNote.id)).toEqual([]);
  });

  it("a buyer abroad: the refund is a negative e-reporting payment about the invoice (not a 212)", async () => {
    configurePa(holder.pa);
    const { invoice, creditNote } = await splitSettlement(async (contract) => {
      const [row] = await db.select({ organizationId: contracts.organizationId }).from(contracts).where(eq(contracts.id, contract.contractId));
      await db.update(organizations).set({ country: "BE", vatNumber: null }).where(eq(organizations.id, row!.organizationId));
    });
    expect(await reportsOf(creditNote.id)).toMatchObject([{ channel: "ereporting", amountCents: -30_000 }]);
    await runQueuedJobs(["einvoice_submit", "einvoice_report"]);
    expect(await transmissionOf(creditNote.id)).toMatchObject({ state: "not_transmitted", skipReason: "e_reported" });
    const [refund] = await reportsOf(creditNote.id);
    const [flow] = holder.pa.flows.filter((f) => f.trackingId === refund!.id);
    expect(flow).toMatchObject({ flowType: "EReporting", processingRule: "B2BInt" });
    expect(flow!.file.toString()).toContain(`<InvoiceID>${invoice.number}</InvoiceID>`);
    expect(flow!.file.toString()).toContain("<Amount>-300.00</Amount>");
  });

  it("a refund before release (no invoice) reports nothing: there is no credit note", async () => {
    const contract = await makeActiveContract();
    const [milestoneId] = contract.milestoneIds as [string];
    await fundMilestone(contract.owner, milestoneId);
    const opened = await openDispute(contract.owner, { milestoneId, reason: "not_as_agreed", text: "Rien n’a été livré à la date convenue.", file: { name: "journal.pdf", bytes: pdfBytes("journal") } });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    await endResponseWindow(opened.value.disputeId);
    const admin = await makeUser("admin");
    expect((await settleDispute(admin, { disputeId: opened.value.disputeId, outcome: "refund", note: "Rien n’a été livré : remboursement." })).ok).toBe(true);
    expect(await db.select().from(invoices).where(eq(invoices.contractId, contract.contractId))).toEqual([]);
  });
});

describe("Compagnon's own option for VAT on debits (PLATFORM_VAT_ON_DEBITS)", () => {
  it("unset: commission invoices are on receipts, without the mention, and their payment is reported (212)", async () => {
    const { commission } = await releasedMilestone();
    expect(commission.document.vatOnDebits).toBe(false);
    expect(buildFacturXXml(commission.document)).not.toContain("<ram:DueDateTypeCode>");
    expect(await reportsOf(commission.id)).toMatchObject([{ channel: "lifecycle", amountCents: commission.document.totals.inclVatCents }]);
  });

  it("set: commission invoices say VAT on debits (BT-8 = 5 and the mention) and owe no payment data; the expert's invoices are unchanged", async () => {
    process.env.PLATFORM_VAT_ON_DEBITS = "1";
    resetEnvCache();
    const { commission, service } = await releasedMilestone();
    expect(commission.document.vatOnDebits).toBe(true);
    const xml = buildFacturXXml(commission.document);
    expect(xml).toContain("<ram:DueDateTypeCode>5</ram:DueDateTypeCode>");
    expect(xml).toContain("débits");
    expect(await validateFacturXXsd(xml)).toEqual({ valid: true, errors: [] });
    expect(await reportsOf(commission.id)).toEqual([]);
    expect(service.document.vatOnDebits).toBe(false);
    expect(await reportsOf(service.id)).toHaveLength(1);
  });
});
