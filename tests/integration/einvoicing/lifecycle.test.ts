import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { einvoiceAddresses } from "@/db/schema";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pollEinvoiceStatuses } from "@/lib/einvoicing/poll";
import { submitEinvoice } from "@/lib/einvoicing/submit";
import { parseLifecycleMessage } from "@/lib/einvoicing/cdar";
import { startFakePa, type FakePa } from "../../helpers/fake-pa";
import { connectorFor, historyOf, releasedMilestone, transmissionOf } from "./helpers";

let fake: FakePa;
beforeAll(async () => {
  fake = await startFakePa();
});
afterAll(() => fake.close());

async function submitted() {
  const { service } = await releasedMilestone();
  fake.directory.set(service.document.buyer.siren!, "ADDR");
  await db.delete(einvoiceAddresses).where(eq(einvoiceAddresses.siren, service.document.buyer.siren!));
  expect(await submitEinvoice(service.id, { connector: connectorFor(fake) })).toBe("submitted");
  return service;
}

describe("lifecycle statuses from the PA", () => {
  it("a pending acknowledgement becomes Déposée at the poll, then Approuvée and Encaissée from lifecycle flows", async () => {
    fake.mode.ack = "Pending";
    const service = await submitted();
    fake.mode.ack = "Ok";
    expect(await transmissionOf(service.id)).toMatchObject({ state: "submitted", lifecycleCode: null });
    fake.acknowledge(service.id, "Ok");
    fake.addLifecycle(service.number, 205, new Date("2026-12-02T10:00:00Z"));
    fake.addLifecycle(service.number, 212, new Date("2026-12-03T10:00:00Z"));
    const first = await pollEinvoiceStatuses(connectorFor(fake));
    expect(first.acknowledged).toBe(1);
    expect(first.statuses).toBeGreaterThanOrEqual(2);
    expect((await historyOf(service.id)).map((e) => e.code)).toEqual([200, 205, 212]);
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 212 });
    // The cursor moved: a second poll records nothing again.
    expect((await pollEinvoiceStatuses(connectorFor(fake))).statuses).toBe(0);
  });

  it("statuses out of order: an older one is kept in the history but does not replace the latest", async () => {
    const service = await submitted();
    fake.addLifecycle(service.number, 212, new Date("2026-12-10T10:00:00Z"));
    await pollEinvoiceStatuses(connectorFor(fake));
    fake.addLifecycle(service.number, 205, new Date("2026-12-09T10:00:00Z"), "Bon pour paiement");
    await pollEinvoiceStatuses(connectorFor(fake));
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 212 });
    expect((await historyOf(service.id)).map((e) => e.code)).toEqual([200, 205, 212]);
  });

  it("a refused invoice keeps its reason for the admin", async () => {
    const service = await submitted();
    fake.addLifecycle(service.number, 210, new Date("2026-12-11T10:00:00Z"), "Montant erroné");
    await pollEinvoiceStatuses(connectorFor(fake));
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 210 });
    expect((await historyOf(service.id)).at(-1)).toEqual({ code: 210, reason: "Montant erroné" });
  });

  it("reads a CDAR message and refuses one without a status code", () => {
    const xml = `<rsm:X><rsm:ExchangedDocument><ram:IssueDateTime><udt:DateTimeString format="204">20261201093000</udt:DateTimeString></ram:IssueDateTime></rsm:ExchangedDocument><ram:ReferenceReferencedDocument><ram:IssuerAssignedID>F-ABC-2026-0001</ram:IssuerAssignedID><ram:ProcessConditionCode>212</ram:ProcessConditionCode></ram:ReferenceReferencedDocument></rsm:X>`;
    expect(parseLifecycleMessage(xml)).toEqual({ invoiceNumber: "F-ABC-2026-0001", code: 212, occurredAt: new Date("2026-12-01T09:30:00Z"), reason: null });
    expect(parseLifecycleMessage(xml.replace(/<ram:ProcessConditionCode>212<\/ram:ProcessConditionCode>/, ""))).toBeNull();
  });
});
