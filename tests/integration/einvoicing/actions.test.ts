import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { einvoiceAddresses, einvoiceTransmissions } from "@/db/schema";
import { refreshOrganizationAddress } from "@/lib/einvoicing/directory-jobs";
import { einvoiceDisplays, listEinvoiceProblems } from "@/lib/einvoicing/queries";
import { retryEinvoice } from "@/lib/einvoicing/retry";
import { PolicyError } from "@/lib/auth/policy";
import { makeUser } from "../../helpers/factories";
import { startFakePa, type FakePa } from "../../helpers/fake-pa";
import { runQueuedJobs } from "../../helpers/worker";
import { configurePa, connectorFor, releasedMilestone, transmissionOf } from "./helpers";

let fake: FakePa;
beforeAll(async () => {
  fake = await startFakePa();
});
afterAll(() => fake.close());
afterEach(() => configurePa(null));

describe("the e-invoicing actions and views", () => {
  it("a member looks the organisation's address up again; an expert, an admin and another client are refused", async () => {
    const { contract, service } = await releasedMilestone();
    const siren = service.document.buyer.siren!;
    fake.directory.set(siren, `${siren}_ACHATS`);
    const organizationId = service.organizationId!;
    expect(await refreshOrganizationAddress(contract.owner, organizationId, connectorFor(fake))).toEqual({ ok: true, value: { address: `${siren}_ACHATS` } });
    expect((await db.select().from(einvoiceAddresses).where(eq(einvoiceAddresses.siren, siren)))[0]?.address).toBe(`${siren}_ACHATS`);
    for (const other of [contract.expert, await makeUser("admin"), await makeUser("client")]) {
      await expect(refreshOrganizationAddress(other, organizationId, connectorFor(fake))).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await refreshOrganizationAddress(contract.owner, organizationId, null)).toMatchObject({ ok: false, error: "off" });
    expect(await refreshOrganizationAddress(contract.owner, "not-a-uuid", connectorFor(fake))).toMatchObject({ ok: false, error: "invalid" });
    fake.mode.down = true;
    expect(await refreshOrganizationAddress(contract.owner, organizationId, connectorFor(fake))).toMatchObject({ ok: false, error: "unavailable" });
    fake.mode.down = false;
  });

  it("the admin sees a failed transmission and sends it again through the worker; others are refused", async () => {
    const { contract, service } = await releasedMilestone();
    await db.insert(einvoiceTransmissions).values({ invoiceId: service.id, trackingId: service.id, state: "failed", attempts: 12, lastError: "PA answered 503" });
    const admin = await makeUser("admin");
    expect((await listEinvoiceProblems(admin)).map((p) => p.number)).toContain(service.number);
    expect((await einvoiceDisplays([service.id])).get(service.id)).toEqual({ kind: "failed" });
    for (const other of [contract.owner, contract.expert]) {
      await expect(retryEinvoice(other, { invoiceId: service.id })).rejects.toBeInstanceOf(PolicyError);
      await expect(listEinvoiceProblems(other)).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await retryEinvoice(admin, { invoiceId: "nope" })).toMatchObject({ ok: false, error: "invalid" });

    configurePa(fake);
    fake.directory.set(service.document.buyer.siren!, "ADDR");
    fake.directory.set(service.document.seller.siren!, "ADDR2");
    await db.delete(einvoiceAddresses);
    expect(await retryEinvoice(admin, { invoiceId: service.id })).toEqual({ ok: true, value: null });
    // Only a failed one: a second click finds nothing to retry.
    expect(await retryEinvoice(admin, { invoiceId: service.id })).toMatchObject({ ok: false, error: "not_found" });
    await runQueuedJobs(["einvoice_submit"]);
    expect(await transmissionOf(service.id)).toMatchObject({ state: "submitted", attempts: 13, lastError: null });
    expect(fake.flows.filter((f) => f.trackingId === service.id)).toHaveLength(1);
    expect((await listEinvoiceProblems(admin)).map((p) => p.number)).not.toContain(service.number);
  });
});
