import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, ledgerEntries, payments, refunds, stripeEvents, transfers } from "@/db/schema";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { stripeProvider } from "@/lib/payments/provider/stripe";
import type { PaymentProvider } from "@/lib/payments/provider/types";
import { runReconciliation } from "@/lib/payments/reconcile";
import { sendRefund } from "@/lib/payments/refunds";
import { repairPaymentIntents } from "@/lib/payments/repair";
import { sendTransfer } from "@/lib/payments/transfers";
import { makeActiveContract } from "../../helpers/contracts";
import { makeUser } from "../../helpers/factories";
import { makeStripeEvent } from "../../helpers/fake-stripe";
import { setUpFakeStripe } from "../../helpers/fake-stripe-env";

/*
 * A process that stops between the provider's answer and the record of it (simulated: the call
 * is made at the fake Stripe, then the code throws before recording) leaves an intent half-way.
 * The repair finds it and finishes it with the same request and key, or abandons it and closes
 * what was made; the provider never makes a second object.
 */

const { stripe, deliver, transferToSend, refundToSend } = setUpFakeStripe();

const MINUTE = 60_000;
const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);

/** The real Stripe provider, except that the process "crashes" right after these calls return. */
function crashingAfter(...calls: ("createCheckoutSession" | "createTransfer" | "createRefund")[]): PaymentProvider {
  const real = stripeProvider();
  const crash = () => {
    throw new Error("the process stopped before recording the answer");
  };
  return {
    ...real,
    ...(calls.includes("createCheckoutSession") ? { createCheckoutSession: async (input) => (await real.createCheckoutSession(input), crash()) } : {}),
    ...(calls.includes("createTransfer") ? { createTransfer: async (input) => (await real.createTransfer(input), crash()) } : {}),
    ...(calls.includes("createRefund") ? { createRefund: async (input) => (await real.createRefund(input), crash()) } : {}),
  };
}

const paymentsOf = (milestoneId: string) => db.select().from(payments).where(eq(payments.milestoneId, milestoneId));
const stripeObjects = (kind: string, key: string, id: string) => [...stripe().objects.values()].filter((o) => o.object === kind && o.metadata?.[key] === id);

/** A milestone whose checkout session was made at Stripe, with the answer never recorded. */
async function crashedFunding() {
  const flow = await makeActiveContract();
  const [milestoneId = ""] = flow.milestoneIds;
  expect(await startMilestoneFunding(flow.owner, { milestoneId }, crashingAfter("createCheckoutSession"))).toEqual({ ok: false, error: "provider_unavailable" });
  const [intent] = await paymentsOf(milestoneId);
  if (!intent) throw new Error("no intent");
  expect(intent).toMatchObject({ status: "creating", checkoutSessionId: null });
  const [session] = stripeObjects("checkout.session", "paymentId", intent.id);
  if (!session) throw new Error("no session at Stripe");
  return { ...flow, milestoneId, intent, session };
}

describe("repairPaymentIntents", () => {
  it("records the session made for a checkout intent cut short (once it is no longer fresh); the client's next click resumes it", async () => {
    const { owner, milestoneId, intent, session } = await crashedFunding();
    // A fresh intent is left to the click that may still be calling.
    expect(await repairPaymentIntents(stripeProvider())).toEqual({ finished: 0, abandoned: 0, failed: 0 });
    expect((await paymentsOf(milestoneId))[0]?.status).toBe("creating");

    expect(await repairPaymentIntents(stripeProvider(), later(6))).toEqual({ finished: 1, abandoned: 0, failed: 0 });
    expect((await paymentsOf(milestoneId))[0]).toMatchObject({ id: intent.id, status: "open", checkoutSessionId: session.id, checkoutUrl: session.url });
    expect(stripeObjects("checkout.session", "paymentId", intent.id)).toHaveLength(1);
    expect(await startMilestoneFunding(owner, { milestoneId })).toEqual({ ok: true, value: { url: session.url } });
    const started = await db.select().from(auditLog).where(and(eq(auditLog.action, "milestone.funding_started"), eq(auditLog.subjectId, milestoneId)));
    expect(started).toHaveLength(1);
  });

  it("abandons an intent too old to send again: its session is recorded and closed, and its events find it", async () => {
    const { owner, milestoneId, intent, session } = await crashedFunding();
    expect(await repairPaymentIntents(stripeProvider(), later(35))).toEqual({ finished: 0, abandoned: 1, failed: 0 });
    expect((await paymentsOf(milestoneId))[0]).toMatchObject({ status: "expired", checkoutSessionId: session.id });
    expect(stripe().objects.get(session.id)).toMatchObject({ status: "expired", url: null });
    expect(stripe().requests.filter((r) => r.path === `/v1/checkout/sessions/${session.id}/expire`)).toHaveLength(1);

    const expired = makeStripeEvent("checkout.session.expired", stripe().objects.get(session.id));
    await deliver(expired);
    const [event] = await db.select().from(stripeEvents).where(eq(stripeEvents.id, expired.id));
    expect(event?.outcome).toBe("ignored: payment already expired");

    // Nothing is left to repair, and the client may fund again: a new intent, a new session.
    expect(await repairPaymentIntents(stripeProvider(), later(36))).toEqual({ finished: 0, abandoned: 0, failed: 0 });
    const again = await startMilestoneFunding(owner, { milestoneId });
    expect(again.ok).toBe(true);
    const rows = await paymentsOf(milestoneId);
    expect(rows.map((p) => p.status).sort()).toEqual(["expired", "open"]);
    expect(rows.find((p) => p.status === "open")?.id).not.toBe(intent.id);
  });

  it("an event about a session whose creation was never recorded finds its payment by the session's metadata", async () => {
    const { milestoneId, session } = await crashedFunding();
    const closed = stripe().setCheckoutSession(session.id, { status: "expired", url: null });
    await deliver(makeStripeEvent("checkout.session.expired", closed));
    expect((await paymentsOf(milestoneId))[0]).toMatchObject({ status: "expired", checkoutSessionId: session.id });
  });

  it("sends again, with the same key, a transfer and a refund cut short after the call; each is made and recorded once", async () => {
    const { transferId } = await transferToSend();
    const { refundId } = await refundToSend();
    const crashing = crashingAfter("createTransfer", "createRefund");
    await expect(sendTransfer(transferId, crashing)).rejects.toThrow(/stopped before recording/);
    await expect(sendRefund(refundId, crashing)).rejects.toThrow(/stopped before recording/);
    const [madeTransfer] = stripeObjects("transfer", "transferId", transferId);
    const [madeRefund] = stripeObjects("refund", "refundId", refundId);
    expect(madeTransfer && madeRefund).toBeTruthy();

    const report = await repairPaymentIntents(stripeProvider(), later(6));
    expect(report).toEqual({ finished: 2, abandoned: 0, failed: 0 });
    expect((await db.select().from(transfers).where(eq(transfers.id, transferId)))[0]).toMatchObject({ status: "sent", stripeTransferId: madeTransfer?.id });
    expect((await db.select().from(refunds).where(eq(refunds.id, refundId)))[0]).toMatchObject({ status: "succeeded", stripeRefundId: madeRefund?.id });
    expect(stripeObjects("transfer", "transferId", transferId)).toHaveLength(1);
    expect(stripeObjects("refund", "refundId", refundId)).toHaveLength(1);
    const calls = stripe().requests.filter((r) => r.body.metadata?.transferId === transferId || r.body.metadata?.refundId === refundId);
    expect(calls.map((r) => `${r.path} ${r.idempotencyKey}`).sort()).toEqual([
      `/v1/refunds refund:${refundId}`,
      `/v1/refunds refund:${refundId}`,
      `/v1/transfers transfer:${transferId}`,
      `/v1/transfers transfer:${transferId}`,
    ]);
    const postings = await db.select().from(ledgerEntries).where(sql`${ledgerEntries.sourceId} in (${transferId}, ${refundId}) and ${ledgerEntries.kind} in ('transfer', 'refund')`);
    expect(postings).toHaveLength(5); // the transfer: expert, expert VAT, cash; the refund: escrow, cash
  });
});

describe("runReconciliation", () => {
  it("repairs first, and reports what it could not finish", async () => {
    const admin = await makeUser("admin");
    const { milestoneId, intent, session } = await crashedFunding();
    await db.update(payments).set({ updatedAt: new Date(Date.now() - 10 * MINUTE) }).where(eq(payments.id, intent.id));

    const unreachable: PaymentProvider = { ...stripeProvider(), createCheckoutSession: async () => Promise.reject(new Error("Stripe unreachable")) };
    const first = await runReconciliation(admin, unreachable);
    expect(first.repaired).toMatchObject({ failed: 1 });
    expect(first.differences.filter((d) => d.problem === "unfinished")).toEqual([
      { object: "payment", id: intent.id, providerId: null, problem: "unfinished", ledgerKind: null, expectedCents: intent.amountCents, foundCents: null },
    ]);

    const second = await runReconciliation(admin, stripeProvider());
    expect(second.repaired).toMatchObject({ finished: 1, failed: 0 });
    expect(second.differences.filter((d) => d.problem === "unfinished")).toEqual([]);
    expect((await paymentsOf(milestoneId))[0]).toMatchObject({ status: "open", checkoutSessionId: session.id });
  });
});
