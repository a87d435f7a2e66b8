import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { receivePaCallback, signCallback, verifyCallbackSignature } from "@/lib/einvoicing/callback";
import { resetEnvCache } from "@/lib/env";
import { submitEinvoice } from "@/lib/einvoicing/submit";
import { db } from "@/db/client";
import { einvoiceAddresses } from "@/db/schema";
import { eq } from "drizzle-orm";
import { startFakePa, type FakePa } from "../../helpers/fake-pa";
import { configurePa, connectorFor, historyOf, releasedMilestone, transmissionOf } from "./helpers";

const SECRET = "pa-callback-secret-for-tests-0123";
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
  process.env.PA_WEBHOOK_SECRET = SECRET;
  configurePa(fake);
});
afterEach(() => {
  delete process.env.PA_WEBHOOK_SECRET;
  configurePa(null);
});

const now = () => Math.floor(Date.now() / 1000);
const signed = (body: unknown, at = now(), secret = SECRET) => {
  const raw = JSON.stringify(body);
  return { raw, signature: signCallback(secret, raw, at) };
};

async function submittedInvoice() {
  const { service } = await releasedMilestone();
  const siren = service.document.buyer.siren!;
  fake.directory.set(siren, `${siren}_FACTURES`);
  await db.delete(einvoiceAddresses).where(eq(einvoiceAddresses.siren, siren));
  expect(await submitEinvoice(service.id, { connector: connectorFor(fake) })).toBe("submitted");
  return service;
}

describe("the PA's status callback", () => {
  it("checks the signature: constant-time HMAC over the raw body, within five minutes", () => {
    const { raw, signature } = signed({ flowId: "f1" });
    expect(verifyCallbackSignature(SECRET, raw, signature)).toBe(true);
    expect(verifyCallbackSignature(SECRET, `${raw} `, signature)).toBe(false); // body changed
    expect(verifyCallbackSignature("another-secret-of-the-right-size", raw, signature)).toBe(false);
    expect(verifyCallbackSignature(SECRET, raw, signed({ flowId: "f1" }, now() - 301).signature)).toBe(false); // replayed later
    expect(verifyCallbackSignature(SECRET, raw, null)).toBe(false);
    expect(verifyCallbackSignature(SECRET, raw, "t=abc,v1=zz")).toBe(false);
  });

  it("does not exist without PA_WEBHOOK_SECRET (404), refuses a bad signature or body (400)", async () => {
    delete process.env.PA_WEBHOOK_SECRET;
    resetEnvCache();
    const { raw, signature } = signed({ flowId: "f1" });
    expect(await receivePaCallback(raw, signature, connectorFor(fake))).toMatchObject({ status: 404 });
    process.env.PA_WEBHOOK_SECRET = SECRET;
    resetEnvCache();
    expect(await receivePaCallback(raw, signed({ flowId: "f1" }, now(), "forged-secret-forged-secret!!").signature, connectorFor(fake))).toMatchObject({ status: 400 });
    expect(await receivePaCallback("not json", signCallback(SECRET, "not json", now()), connectorFor(fake))).toMatchObject({ status: 400 });
    expect(await receivePaCallback("{}", signCallback(SECRET, "{}", now()), connectorFor(fake))).toMatchObject({ status: 400 });
  });

  it("an acknowledged submission: Déposée recorded once, however often the PA calls", async () => {
    const service = await submittedInvoice();
    const flow = fake.flows.find((f) => f.trackingId === service.id)!;
    const { raw, signature } = signed({ flowId: flow.flowId, flowType: "CustomerInvoice", trackingId: service.id });
    expect(await receivePaCallback(raw, signature, connectorFor(fake))).toEqual({ status: 200, result: "recorded" });
    expect(await receivePaCallback(raw, signature, connectorFor(fake))).toEqual({ status: 200, result: "known" });
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 200 });
    expect(await historyOf(service.id)).toEqual([{ code: 200, reason: null }]);
  });

  it("a lifecycle flow: its CDAR is read back from the PA (the body is not believed), recorded once; out of order keeps the latest", async () => {
    const service = await submittedInvoice();
    fake.addLifecycle(service.number, 212, new Date("2026-12-03T10:00:00Z"));
    fake.addLifecycle(service.number, 205, new Date("2026-12-02T10:00:00Z"));
    const [paid, approved] = fake.flows.filter((f) => f.flowType === "SupplierInvoiceLC").slice(-2);
    for (const flow of [paid!, approved!]) {
      const { raw, signature } = signed({ flowId: flow.flowId, flowType: "SupplierInvoiceLC" });
      expect(await receivePaCallback(raw, signature, connectorFor(fake))).toEqual({ status: 200, result: "recorded" });
      expect(await receivePaCallback(raw, signature, connectorFor(fake))).toEqual({ status: 200, result: "known" });
    }
    expect(await transmissionOf(service.id)).toMatchObject({ lifecycleCode: 212 });
    // A flow the PA does not hold (a forged or stale announcement): nothing recorded.
    const { raw, signature } = signed({ flowId: "no-such-flow", flowType: "SupplierInvoiceLC" });
    expect(await receivePaCallback(raw, signature, connectorFor(fake))).toEqual({ status: 200, result: "ignored" });
  });

  it("a PA that cannot be read back answers 503, so that it calls again", async () => {
    const service = await submittedInvoice();
    fake.addLifecycle(service.number, 210, new Date("2026-12-04T10:00:00Z"), "Montant erroné");
    const flow = fake.flows.at(-1)!;
    const connector = connectorFor(fake);
    await connector.lookupAddress("000000000"); // a token while up
    fake.mode.down = true;
    const { raw, signature } = signed({ flowId: flow.flowId, flowType: "SupplierInvoiceLC" });
    expect(await receivePaCallback(raw, signature, connector)).toMatchObject({ status: 503 });
    fake.mode.down = false;
    expect(await receivePaCallback(raw, signature, connector)).toEqual({ status: 200, result: "recorded" });
    expect(await historyOf(service.id)).toContainEqual({ code: 210, reason: "Montant erroné" });
  });
});
