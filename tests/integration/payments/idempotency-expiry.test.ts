import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { ledgerEntries, payments, refunds, transfers } from "@/db/schema";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { stripeProvider } from "@/lib/payments/provider/stripe";
import { sendRefund } from "@/lib/payments/refunds";
import { repairPaymentIntents } from "@/lib/payments/repair";
import { sendTransfer } from "@/lib/payments/transfers";
import { makeActiveContract } from "../../helpers/contracts";
import { setUpFakeStripe } from "../../helpers/fake-stripe-env";

/*
 * Stripe forgets an idempotency key after 24 hours. A retry that comes later (a worker down for a
 * day, a repair that kept failing) must not make a second transfer or refund: it looks the object
 * up first. The fake Stripe forgets its keys on demand; the intent row is aged by a day.
 */

const { stripe, transferToSend, refundToSend } = setUpFakeStripe();

const madeFor = (kind: "transfer" | "refund", key: "transferId" | "refundId", id: string) =>
  [...stripe().objects.values()].filter((o) => o.object === kind && o.metadata?.[key] === id);
const posts = (path: string) => stripe().requests.filter((r) => r.method === "POST" && r.path === path).length;

async function ageTransfer(transferId: string) {
  await db.update(transfers).set({ requestedAt: sql`now() - interval '25 hours'`, updatedAt: sql`now() - interval '25 hours'` }).where(eq(transfers.id, transferId));
}
async function ageRefund(refundId: string) {
  await db.update(refunds).set({ requestedAt: sql`now() - interval '25 hours'`, updatedAt: sql`now() - interval '25 hours'` }).where(eq(refunds.id, refundId));
}

describe("a retry after the idempotency key expired adopts what the first call made", () => {
  it("transfer: made at Stripe, answer lost, retried a day later: the same transfer is recorded, no second one", async () => {
    const { transferId } = await transferToSend();
    stripe().failNext(3, "after");
    await expect(sendTransfer(transferId)).rejects.toThrow();
    const made = madeFor("transfer", "transferId", transferId);
    expect(made).toHaveLength(1);

    await ageTransfer(transferId);
    stripe().forgetIdempotencyKeys();
    const before = posts("/v1/transfers");
    expect(await sendTransfer(transferId)).toBe("sent");
    expect(posts("/v1/transfers")).toBe(before);
    expect(madeFor("transfer", "transferId", transferId)).toHaveLength(1);
    expect((await db.select().from(transfers).where(eq(transfers.id, transferId)))[0]).toMatchObject({ status: "sent", stripeTransferId: made[0]?.id });
    expect(await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.sourceId, transferId), eq(ledgerEntries.kind, "transfer")))).toHaveLength(3); // one movement: expert payable, the VAT held for the expert, cash
  });

  it("transfer: never made (Stripe was down), retried a day later: made once, by the repair", async () => {
    const { transferId } = await transferToSend();
    stripe().failNext(3, "before", 500);
    await expect(sendTransfer(transferId)).rejects.toThrow();
    expect(madeFor("transfer", "transferId", transferId)).toHaveLength(0);

    await ageTransfer(transferId);
    stripe().forgetIdempotencyKeys();
    const report = await repairPaymentIntents(stripeProvider());
    expect(report.finished).toBeGreaterThanOrEqual(1);
    const made = madeFor("transfer", "transferId", transferId);
    expect(made).toHaveLength(1);
    expect((await db.select().from(transfers).where(eq(transfers.id, transferId)))[0]?.stripeTransferId).toBe(made[0]?.id);
  });

  it("refund: made at Stripe, answer lost, retried a day later: the same refund is recorded, no second one", async () => {
    const { refundId } = await refundToSend();
    stripe().failNext(3, "after");
    await expect(sendRefund(refundId)).rejects.toThrow();
    const made = madeFor("refund", "refundId", refundId);
    expect(made).toHaveLength(1);

    await ageRefund(refundId);
    stripe().forgetIdempotencyKeys();
    const before = posts("/v1/refunds");
    expect(await sendRefund(refundId)).toBe("refunded");
    expect(posts("/v1/refunds")).toBe(before);
    expect(madeFor("refund", "refundId", refundId)).toHaveLength(1);
    expect((await db.select().from(refunds).where(eq(refunds.id, refundId)))[0]).toMatchObject({ status: "succeeded", stripeRefundId: made[0]?.id });
  });

  it("checkout: an intent a day old is never sent again (its session expired long before the key), it is abandoned", async () => {
    const { owner, milestoneIds } = await makeActiveContract();
    const [first = ""] = milestoneIds;
    stripe().failNext(3, "before", 500);
    expect(await startMilestoneFunding(owner, { milestoneId: first })).toEqual({ ok: false, error: "provider_unavailable" });
    const [intent] = await db.select().from(payments).where(eq(payments.milestoneId, first));
    await db
      .update(payments)
      .set({
        updatedAt: sql`now() - interval '25 hours'`,
        expiresAt: sql`now() - interval '24 hours'`,
        checkoutRequest: sql`jsonb_set(${payments.checkoutRequest}, '{expiresAt}', to_jsonb(extract(epoch from now() - interval '24 hours')::bigint))`,
      })
      .where(eq(payments.id, intent?.id ?? ""));
    stripe().forgetIdempotencyKeys();
    const before = posts("/v1/checkout/sessions");
    await repairPaymentIntents(stripeProvider());
    expect(posts("/v1/checkout/sessions")).toBe(before);
    expect((await db.select().from(payments).where(eq(payments.id, intent?.id ?? "")))[0]?.status).toBe("expired");
  });
});
