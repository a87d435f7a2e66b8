import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contracts, einvoiceAddresses, einvoiceReports, expertProfiles, organizations } from "@/db/schema";
import { buildFacturXXml } from "@/lib/invoicing/render";
import { pollEinvoiceStatuses } from "@/lib/einvoicing/poll";
import { queuePendingEinvoices } from "@/lib/einvoicing/pending";
import { listEinvoiceReports } from "@/lib/einvoicing/queries";
import { retryEinvoiceReport } from "@/lib/einvoicing/retry";
import { sendEinvoiceReport } from "@/lib/einvoicing/send-report";
import { parseLifecycleMessage } from "@/lib/einvoicing/cdar";
import { PaError } from "@/lib/einvoicing/pa-client";
import type { FakePa } from "../../helpers/fake-pa";
import { makeUser } from "../../helpers/factories";
import { runQueuedJobs } from "../../helpers/worker";
import { configurePa, connectorFor, historyOf, registerInDirectory, releasedMilestone, transmissionOf, startFakePaForFile } from "./helpers";

const holder = startFakePaForFile();
let fake: FakePa;
beforeEach(() => {
  fake = holder.pa;
});

const register = (...sirens: (string | null | undefined)[]) => registerInDirectory(fake, ...sirens);

const reportsOf = (invoiceId: string) => db.select().from(einvoiceReports).where(eq(einvoiceReports.invoiceId, invoiceId));

describe("the reform's fields in the issued snapshot", () => {
  it("freezes the billing framework S2 and the electronic addresses: the directory's cached answer, else the SIREN", async () => {
    const { service, commission } = await releasedMilestone();
    expect(service.document.billingFramework).toBe("S2");
    expect(service.document.seller.electronicAddress).toBe(service.document.seller.siren);
    // The test organisations share a SIREN: cache an answer for it, then issue another invoice.
    const buyerSiren = service.document.buyer.siren!;
    await db.insert(einvoiceAddresses).values({ siren: buyerSiren, address: `${buyerSiren}_COMPTA` }).onConflictDoUpdate({ target: einvoiceAddresses.siren, set: { address: `${buyerSiren}_COMPTA` } });
    const next = await releasedMilestone();
    expect(next.service.document.buyer.electronicAddress).toBe(`${buyerSiren}_COMPTA`);
    expect(commission.document.buyer.electronicAddress).toBe(commission.document.buyer.siren);
    await db.delete(einvoiceAddresses).where(eq(einvoiceAddresses.siren, buyerSiren));
  });

  it("an expert on VAT on debits: stated on the invoice (BT-8 = 5), and no payment data is owed", async () => {
    const { service } = await releasedMilestone(async (contract) => {
      await db.update(expertProfiles).set({ vatOnDebits: true }).where(eq(expertProfiles.userId, contract.expert.id));
    });
    expect(service.document.totals.vatCents).toBeGreaterThan(0);
    expect(service.document.vatOnDebits).toBe(true);
    expect(buildFacturXXml(service.document)).toContain("<ram:DueDateTypeCode>5</ram:DueDateTypeCode>");
    expect(await reportsOf(service.id)).toEqual([]);
  });
});

describe("payment data (encaissement) of services whose VAT is due on receipt", () => {
  it("without a PA: recorded, not transmitted (no PA), nothing called", async () => {
    const calls = fake.calls.length;
    const { service } = await releasedMilestone();
    if (service.document.totals.vatCents === 0) return expect(await reportsOf(service.id)).toEqual([]);
    const [report] = await reportsOf(service.id);
    expect(report).toMatchObject({ kind: "payment", channel: "lifecycle", state: "queued", amountCents: service.document.totals.inclVatCents, vatCents: service.document.totals.vatCents, occurredOn: service.document.payment.paidOn });
    expect(await sendEinvoiceReport(report!.id, { connector: null })).toBe("not transmitted: no PA configured");
    expect((await reportsOf(service.id))[0]).toMatchObject({ state: "not_transmitted", skipReason: "no_pa" });
    expect(fake.calls.length).toBe(calls);
  });

  it("with the PA: the status 212 Encaissée waits for the invoice's flow, then goes once as CDAR; the document shows Déposée then Encaissée", async () => {
    configurePa(fake);
    const { service } = await releasedMilestone();
    expect(service.document.totals.vatCents).toBeGreaterThan(0);
    const [report] = await reportsOf(service.id);
    const connector = connectorFor(fake);
    // The invoice is not with the PA yet: a retryable wait, the last attempt gives up visibly.
    await expect(sendEinvoiceReport(report!.id, { connector })).rejects.toBeInstanceOf(PaError);
    expect((await reportsOf(service.id))[0]).toMatchObject({ state: "queued", attempts: 0 });

    await register(service.document.buyer.siren);
    await runQueuedJobs(["einvoice_submit"]);
    await pollEinvoiceStatuses(connector);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "submitted", lifecycleCode: 200 });

    expect(await sendEinvoiceReport(report!.id, { connector })).toBe("submitted");
    const flows = fake.flows.filter((f) => f.trackingId === report!.id);
    expect(flows).toHaveLength(1);
    expect(flows[0]!.processingRule).toBe("B2B");
    const message = parseLifecycleMessage(flows[0]!.file.toString());
    expect(message).toMatchObject({ invoiceNumber: service.number, code: 212 });
    expect(flows[0]!.file.toString()).toContain(`<ram:ValueAmount>${(service.document.totals.inclVatCents / 100).toFixed(2)}</ram:ValueAmount>`);
    // The acknowledgement comes with the poll: the document is Encaissée, after Déposée.
    await pollEinvoiceStatuses(connector);
    expect((await reportsOf(service.id))[0]).toMatchObject({ state: "submitted", ackStatus: "Ok", attempts: 1 });
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 212 });
    expect((await historyOf(service.id)).map((h) => h.code)).toEqual([200, 212]);
    // A replayed job sends nothing more.
    expect(await sendEinvoiceReport(report!.id, { connector })).toBe("already submitted");
    expect(fake.flows.filter((f) => f.trackingId === report!.id)).toHaveLength(1);
  });

  it("the invoice's acknowledgement is still read when its 212 was sent before any poll: Déposée, then Encaissée", async () => {
    configurePa(fake);
    const { service } = await releasedMilestone();
    await register(service.document.buyer.siren);
    await runQueuedJobs(["einvoice_submit", "einvoice_report"]);
    expect((await reportsOf(service.id))[0]).toMatchObject({ state: "submitted", ackStatus: null });
    await pollEinvoiceStatuses(connectorFor(fake));
    expect((await historyOf(service.id)).map((h) => h.code)).toEqual([200, 212]);
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 212 });
  });

  it("a lost answer: the retry adopts the flow the PA stored (same trackingId), and an outage ends failed, for an admin to retry", async () => {
    configurePa(fake);
    const { service } = await releasedMilestone();
    await register(service.document.buyer.siren);
    await runQueuedJobs(["einvoice_submit"]);
    const [report] = await reportsOf(service.id);
    const connector = connectorFor(fake);
    fake.mode.dropAnswerNext = 1;
    await expect(sendEinvoiceReport(report!.id, { connector })).rejects.toBeInstanceOf(PaError);
    expect(await sendEinvoiceReport(report!.id, { connector })).toBe("submitted");
    expect(fake.flows.filter((f) => f.trackingId === report!.id)).toHaveLength(1);

    const other = await releasedMilestone();
    await runQueuedJobs(["einvoice_submit"]);
    const [failing] = await reportsOf(other.service.id);
    await connector.lookupAddress("000000000"); // a token while the PA is up
    fake.mode.down = true;
    expect(await sendEinvoiceReport(failing!.id, { connector, isLastAttempt: true })).toBe("failed");
    fake.mode.down = false;

    const admin = await makeUser("admin");
    const client = await makeUser("client");
    await expect(listEinvoiceReports(client)).rejects.toThrow();
    await expect(retryEinvoiceReport(client, { reportId: failing!.id })).rejects.toThrow();
    const listed = await listEinvoiceReports(admin);
    expect(listed.find((r) => r.id === failing!.id)).toMatchObject({ state: "failed", number: other.service.number, lastError: expect.stringMatching(/503/) });
    expect(await retryEinvoiceReport(admin, { reportId: "not-a-uuid" })).toEqual({ ok: false, error: "invalid" });
    expect(await retryEinvoiceReport(admin, { reportId: failing!.id })).toEqual({ ok: true, value: null });
    expect(await retryEinvoiceReport(admin, { reportId: failing!.id })).toEqual({ ok: false, error: "not_found" });
    await runQueuedJobs(["einvoice_report"]);
    expect((await reportsOf(other.service.id))[0]).toMatchObject({ state: "submitted" });
  });
});

describe("B2C and international transactions", () => {
  it("a buyer abroad: e-reported, not e-invoiced: its payment data as an e-reporting flow (rule B2BInt), its transaction data in the period report", async () => {
    configurePa(fake);
    const { service } = await releasedMilestone(async (contract) => {
      const [row] = await db.select({ organizationId: contracts.organizationId }).from(contracts).where(eq(contracts.id, contract.contractId));
      await db.update(organizations).set({ country: "BE" }).where(eq(organizations.id, row!.organizationId));
    });
    expect(service.document.buyer).toMatchObject({ country: "BE", electronicAddress: null });
    await runQueuedJobs(["einvoice_submit"]);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "not_transmitted", skipReason: "e_reported" });
    expect(fake.flows.some((f) => f.trackingId === service.id)).toBe(false);
    const reports = await reportsOf(service.id);
    expect(reports.map((r) => [r.kind, r.channel])).toEqual([["payment", "ereporting"]]);
    await runQueuedJobs(["einvoice_report"]);
    const [flow] = fake.flows.filter((f) => f.trackingId === reports[0]!.id);
    expect(flow).toMatchObject({ flowType: "EReporting", processingRule: "B2BInt" });
    expect(flow!.file.toString()).toContain(`<InvoiceID>${service.number}</InvoiceID>`);
    expect((await reportsOf(service.id)).every((r) => r.state === "submitted")).toBe(true);
  });
});

describe("documents issued before the PA was configured", () => {
  it("are queued once when a PA appears (documents and their e-reports), never twice", async () => {
    configurePa(null);
    const { service, commission } = await releasedMilestone();
    await runQueuedJobs(["einvoice_submit", "einvoice_report"]);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "not_transmitted", skipReason: "no_pa" });
    expect(await queuePendingEinvoices()).toEqual({ documents: 0, reports: 0 }); // still off

    configurePa(fake);
    await register(service.document.buyer.siren, commission.document.buyer.siren);
    const first = await queuePendingEinvoices();
    expect(first.documents).toBeGreaterThanOrEqual(2);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "queued", skipReason: null });
    expect(await queuePendingEinvoices()).toEqual({ documents: 0, reports: 0 });
    await runQueuedJobs(["einvoice_submit"]);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "submitted" });
    expect(fake.flows.filter((f) => f.trackingId === service.id)).toHaveLength(1);
  });
});
