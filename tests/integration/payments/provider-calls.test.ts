import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { ledgerEntries, payments, refunds, transfers } from "@/db/schema";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { startPayoutsOnboarding } from "@/lib/payments/payouts";
import { sendRefund } from "@/lib/payments/refunds";
import { sendTransfer } from "@/lib/payments/transfers";
import { makeActiveContract } from "../../helpers/contracts";
import { setUpFakeStripe } from "../../helpers/fake-stripe-env";

/*
 * Every call to Stripe (the real SDK, against the fake Stripe) happens with no transaction of
 * ours open: the intent is committed first, the result recorded after. A call that fails leaves
 * the intent, and the retry sends the same request under the same idempotency key.
 */

const { stripe, transferToSend, refundToSend } = setUpFakeStripe();

/** Our connections (this file's database) sitting in an open transaction right now. */
async function transactionsOpen(): Promise<number> {
  const [row] = await db.execute<{ count: number }>(sql`
    select count(*)::int as count from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`);
  return row?.count ?? -1;
}

/**
 * Runs `call` while the fake Stripe holds its request to `path`; meanwhile counts our open
 * transactions and runs `inspect` (on another connection). Returns all three, and the request.
 */
async function whileStripeHolds<T, I>(path: string, call: () => Promise<T>, inspect: () => Promise<I>) {
  const held = stripe().holdNext(path);
  const running = call();
  const request = await held.arrived;
  const open = await transactionsOpen();
  const seen = await inspect();
  held.release();
  return { request, open, seen, result: await running };
}

const paymentsOf = (milestoneId: string) => db.select().from(payments).where(eq(payments.milestoneId, milestoneId));
const sessionsFor = (paymentId: string) => [...stripe().objects.values()].filter((o) => o.object === "checkout.session" && o.metadata?.paymentId === paymentId);
const callsTo = (path: string) => stripe().requests.filter((r) => r.method === "POST" && r.path === path);

describe("no transaction is open while Stripe answers", () => {
  it("funding: the intent is committed before the call, the session recorded after it", async () => {
    const { owner, milestoneIds } = await makeActiveContract();
    const [first = ""] = milestoneIds;
    const { request, open, seen, result } = await whileStripeHolds("POST /v1/checkout/sessions", () => startMilestoneFunding(owner, { milestoneId: first }), () => paymentsOf(first));
    expect(open).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ status: "creating", checkoutSessionId: null });
    expect(request.idempotencyKey).toBe(`checkout:${seen[0]?.id}`);
    expect(Number(request.body.expires_at)).toBe(seen[0]?.checkoutRequest?.expiresAt);

    const [payment] = await paymentsOf(first);
    const [session] = sessionsFor(payment?.id ?? "");
    expect(result).toEqual({ ok: true, value: { url: session?.url } });
    expect(payment).toMatchObject({ status: "open", checkoutSessionId: session?.id, checkoutUrl: session?.url });
  });

  it("transfers and refunds: requestedAt is committed before the call, the result recorded after it", async () => {
    const { transferId } = await transferToSend();
    const sending = await whileStripeHolds("POST /v1/transfers", () => sendTransfer(transferId), () => db.select().from(transfers).where(eq(transfers.id, transferId)));
    expect(sending.open).toBe(0);
    expect(sending.seen[0]).toMatchObject({ status: "pending", requestedAt: expect.any(Date) });
    expect(sending.request.idempotencyKey).toBe(`transfer:${transferId}`);
    expect(sending.result).toBe("sent");

    const { refundId } = await refundToSend();
    const refunding = await whileStripeHolds("POST /v1/refunds", () => sendRefund(refundId), () => db.select().from(refunds).where(eq(refunds.id, refundId)));
    expect(refunding.open).toBe(0);
    expect(refunding.seen[0]).toMatchObject({ status: "pending", requestedAt: expect.any(Date) });
    expect(refunding.result).toBe("refunded");
  });

  it("payouts onboarding: the account and its link are asked for outside any transaction", async () => {
    const { expert } = await makeActiveContract();
    const account = await whileStripeHolds("POST /v1/accounts", () => startPayoutsOnboarding(expert), transactionsOpen);
    const link = await whileStripeHolds("POST /v1/account_links", () => startPayoutsOnboarding(expert), transactionsOpen);
    expect([account.open, link.open]).toEqual([0, 0]);
    expect(account.result.ok && link.result.ok).toBe(true);
  });
});

describe("a failed call leaves the intent; the retry sends the same request with the same key", () => {
  it("Stripe fails (500): the client is told to try again; the next click makes the one session", async () => {
    const { owner, milestoneIds } = await makeActiveContract();
    const [first = ""] = milestoneIds;
    const before = callsTo("/v1/checkout/sessions").length;
    stripe().failNext(3, "before", 500);
    expect(await startMilestoneFunding(owner, { milestoneId: first })).toEqual({ ok: false, error: "provider_unavailable" });
    const [intent] = await paymentsOf(first);
    expect(intent).toMatchObject({ status: "creating", checkoutSessionId: null });
    expect(sessionsFor(intent?.id ?? "")).toHaveLength(0);

    const retried = await startMilestoneFunding(owner, { milestoneId: first });
    expect(retried.ok).toBe(true);
    expect(await paymentsOf(first)).toHaveLength(1);
    const sessions = sessionsFor(intent?.id ?? "");
    expect(sessions).toHaveLength(1);
    expect(retried).toEqual({ ok: true, value: { url: sessions[0]?.url } });
    const calls = callsTo("/v1/checkout/sessions").slice(before);
    expect(new Set(calls.map((c) => c.idempotencyKey))).toEqual(new Set([`checkout:${intent?.id}`]));
    expect(new Set(calls.map((c) => JSON.stringify(c.body))).size).toBe(1);
  });

  it("the answer is lost after Stripe made the session: no session is left that no row knows, the next click gets it", async () => {
    const { owner, milestoneIds } = await makeActiveContract();
    const [first = ""] = milestoneIds;
    stripe().failNext(3, "after");
    expect(await startMilestoneFunding(owner, { milestoneId: first })).toEqual({ ok: false, error: "provider_unavailable" });
    const [intent] = await paymentsOf(first);
    const made = sessionsFor(intent?.id ?? "");
    // The session exists at Stripe, named by its metadata after the intent that is still ours.
    expect(made).toHaveLength(1);
    expect(intent?.status).toBe("creating");

    const retried = await startMilestoneFunding(owner, { milestoneId: first });
    expect(retried).toEqual({ ok: true, value: { url: made[0]?.url } });
    expect(sessionsFor(intent?.id ?? "")).toHaveLength(1);
    expect((await paymentsOf(first))[0]).toMatchObject({ status: "open", checkoutSessionId: made[0]?.id });
  });

  it("a transfer whose answer was lost: the worker's retry gets the same transfer back and records it once", async () => {
    const { transferId } = await transferToSend();
    stripe().failNext(3, "after");
    await expect(sendTransfer(transferId)).rejects.toThrow();
    expect((await db.select().from(transfers).where(eq(transfers.id, transferId)))[0]).toMatchObject({ status: "pending", stripeTransferId: null });
    const made = [...stripe().objects.values()].filter((o) => o.object === "transfer" && o.metadata?.transferId === transferId);
    expect(made).toHaveLength(1);

    expect(await sendTransfer(transferId)).toBe("sent");
    expect(await sendTransfer(transferId)).toBe("already sent");
    expect((await db.select().from(transfers).where(eq(transfers.id, transferId)))[0]?.stripeTransferId).toBe(made[0]?.id);
    expect([...stripe().objects.values()].filter((o) => o.object === "transfer" && o.metadata?.transferId === transferId)).toHaveLength(1);
    expect(await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceId, transferId), eq(ledgerEntries.kind, "transfer")))).toHaveLength(3); // expert, expert VAT, cash
  });
});
