import { createHash } from "node:crypto";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { invoicePdfBytes } from "@/lib/invoicing/files";
import { PaError } from "@/lib/einvoicing/pa-client";
import { submitEinvoice } from "@/lib/einvoicing/submit";
import { pollEinvoiceStatuses } from "@/lib/einvoicing/poll";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { einvoiceAddresses } from "@/db/schema";
import { startFakePa, type FakePa } from "../../helpers/fake-pa";
import { runQueuedJobs } from "../../helpers/worker";
import { configurePa, connectorFor, historyOf, releasedMilestone, transmissionOf } from "./helpers";

let fake: FakePa;
beforeAll(async () => {
  fake = await startFakePa();
});
afterAll(async () => {
  configurePa(null);
  await fake.close();
});
beforeEach(() => {
  Object.assign(fake.mode, { down: false, slowMs: 0, rejectNext: 0, dropAnswerNext: 0, ack: "Ok" });
});
afterEach(() => configurePa(null));

/**
 * Registers buyers (the client organisation; the expert for the commission invoice) in the fake
 * directory, and forgets our cached answers (the test organisations share a SIREN).
 */
async function register(...sirens: (string | null)[]) {
  for (const siren of sirens) {
    if (!siren) continue;
    fake.directory.set(siren, `${siren}_FACTURES`);
    await db.delete(einvoiceAddresses).where(eq(einvoiceAddresses.siren, siren));
  }
}

describe("sending issued documents to the Plateforme Agréée", () => {
  it("without a PA configured, marks each document not transmitted (no PA) and calls nothing", async () => {
    configurePa(null);
    const calls = fake.calls.length;
    const { service, commission } = await releasedMilestone();
    await runQueuedJobs(["einvoice_submit"]);
    for (const doc of [service, commission]) expect(await transmissionOf(doc.id)).toMatchObject({ state: "not_transmitted", skipReason: "no_pa", flowId: null });
    expect(fake.calls.length).toBe(calls);
  });

  it("the worker submits the Factur-X PDF as one flow with the document's id as trackingId, and records Déposée", async () => {
    configurePa(fake);
    const { service, commission } = await releasedMilestone();
    await register(service.document.buyer.siren, commission.document.buyer.siren);
    await runQueuedJobs(["einvoice_submit"]);
    const flow = fake.flows.find((f) => f.trackingId === service.id)!;
    expect(flow).toBeDefined();
    const pdf = await invoicePdfBytes(service);
    expect(flow.sha256).toBe(createHash("sha256").update(pdf).digest("hex"));
    expect(flow.file.subarray(0, 5).toString()).toBe("%PDF-");
    // The submission's answer carries no acknowledgement (XP Z12-013): the poll reads it.
    expect(await transmissionOf(service.id)).toMatchObject({ state: "submitted", flowId: flow.flowId, lifecycleCode: null, attempts: 1 });
    await pollEinvoiceStatuses(connectorFor(fake));
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 200 });
    expect(await historyOf(service.id)).toEqual([{ code: 200, reason: null }]);
    expect(fake.flows.some((f) => f.trackingId === commission.id)).toBe(true);
    // A second run (a job replayed) sends nothing more.
    expect(await submitEinvoice(service.id, { connector: connectorFor(fake) })).toBe("already submitted");
    expect(fake.flows.filter((f) => f.trackingId === service.id)).toHaveLength(1);
  });

  it("a buyer without an electronic address: not e-invoiced, nothing sent", async () => {
    const { service } = await releasedMilestone();
    const siren = service.document.buyer.siren!;
    fake.directory.delete(siren);
    await db.delete(einvoiceAddresses).where(eq(einvoiceAddresses.siren, siren)); // no cached answer from an earlier case
    expect(await submitEinvoice(service.id, { connector: connectorFor(fake) })).toBe("not transmitted: buyer has no electronic address");
    expect(await transmissionOf(service.id)).toMatchObject({ state: "not_transmitted", skipReason: "buyer_no_address" });
    expect(fake.flows.some((f) => f.trackingId === service.id)).toBe(false);
  });

  it("a flow the PA rejects is recorded as Rejetée with its reason", async () => {
    const { service } = await releasedMilestone();
    await register(service.document.buyer.siren);
    fake.mode.rejectNext = 1;
    // The submission answer carries no acknowledgement: the poll reads it.
    expect(await submitEinvoice(service.id, { connector: connectorFor(fake) })).toBe("submitted");
    await pollEinvoiceStatuses(connectorFor(fake));
    expect(await transmissionOf(service.id)).toMatchObject({ state: "submitted", lifecycleCode: 213 });
    expect(await historyOf(service.id)).toEqual([{ code: 213, reason: "BT-49: Adresse électronique de l'acheteur inconnue" }]);
  });

  it("a PA that is down: the attempt throws (retried with backoff) and the last one marks it failed", async () => {
    const { service } = await releasedMilestone();
    await register(service.document.buyer.siren);
    const connector = connectorFor(fake);
    await connector.lookupAddress("000000000"); // a token, while the PA is up
    fake.mode.down = true;
    await expect(submitEinvoice(service.id, { connector })).rejects.toBeInstanceOf(PaError);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "queued", attempts: 1, lastError: expect.stringMatching(/503/) });
    expect(await submitEinvoice(service.id, { connector, isLastAttempt: true })).toBe("failed");
    expect(await transmissionOf(service.id)).toMatchObject({ state: "failed", attempts: 2 });
    fake.mode.down = false;
    expect(await submitEinvoice(service.id, { connector })).toBe("submitted");
    expect(fake.flows.filter((f) => f.trackingId === service.id)).toHaveLength(1);
  });

  it("a slow PA times out instead of holding the worker", async () => {
    const { service } = await releasedMilestone();
    await register(service.document.buyer.siren);
    fake.mode.slowMs = 600;
    await expect(submitEinvoice(service.id, { connector: connectorFor(fake, 200) })).rejects.toThrow(/timeout/);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "queued", lastError: expect.stringMatching(/timeout/) });
  });

  it("an answer lost after the PA stored the flow (a crash): the retry finds it by trackingId, no second flow", async () => {
    const { service } = await releasedMilestone();
    await register(service.document.buyer.siren);
    const connector = connectorFor(fake);
    fake.mode.dropAnswerNext = 1;
    await expect(submitEinvoice(service.id, { connector })).rejects.toBeInstanceOf(PaError);
    expect(fake.flows.filter((f) => f.trackingId === service.id)).toHaveLength(1);
    expect(await submitEinvoice(service.id, { connector })).toBe("submitted");
    expect(fake.flows.filter((f) => f.trackingId === service.id)).toHaveLength(1);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "submitted", flowId: fake.flows.find((f) => f.trackingId === service.id)!.flowId, attempts: 2 });
  });
});
