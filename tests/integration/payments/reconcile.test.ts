import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, ledgerEntries, payments, refunds, transfers, type Payment, type Refund, type Transfer } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { testModeProvider } from "@/lib/payments/provider/test-mode";
import type { PaymentProvider } from "@/lib/payments/provider/types";
import { reconcile, runReconciliation } from "@/lib/payments/reconcile";
import { sendRefund } from "@/lib/payments/refunds";
import { sendTransfer } from "@/lib/payments/transfers";
import { enablePayouts, fundMilestone, makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { makeUser } from "../../helpers/factories";
import { endResponseWindow } from "../../helpers/disputes";

let admin: Actor;
let flow: ActiveContract;
let paid: Payment[];
let sent: Transfer;
let refund: Refund;

/** The local provider, with some answers replaced: a stand-in for a provider that disagrees with us. */
function providerWith(overrides: Partial<PaymentProvider>): PaymentProvider {
  return { ...testModeProvider(), ...overrides };
}

/**
 * Milestone 1 funded, approved and its net transferred; milestone 2 funded, disputed and split
 * (part refunded, the rest released, its transfer left pending): every kind of movement once.
 */
beforeAll(async () => {
  admin = await makeUser("admin");
  flow = await makeActiveContract();
  const [first = "", second = ""] = flow.milestoneIds;
  await fundMilestone(flow.owner, first);
  expect((await markDelivered(flow.expert, { milestoneId: first, note: "Installation terminée et documentée." })).ok).toBe(true);
  const approved = await approveMilestone(flow.owner, { milestoneId: first });
  if (!approved.ok) throw new Error(JSON.stringify(approved));
  await enablePayouts(flow.expert);
  expect(await sendTransfer(approved.value.transferId)).toBe("sent");
  await fundMilestone(flow.owner, second, { method: "sepa_debit", settle: true });
  const opened = await openDispute(flow.owner, { milestoneId: second, reason: "quality", text: "La formation n’a pas couvert la moitié du programme." });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  await endResponseWindow(opened.value.disputeId);
  expect((await settleDispute(admin, { disputeId: opened.value.disputeId, outcome: "split", refund: "300", note: "Moitié du programme non couverte." })).ok).toBe(true);
  const [queued] = await db.select().from(refunds).where(eq(refunds.milestoneId, second));
  expect(await sendRefund(queued?.id ?? "")).toBe("refunded");

  paid = await db.select().from(payments).where(eq(payments.status, "succeeded"));
  const [firstTransfer] = await db.select().from(transfers).where(eq(transfers.milestoneId, first));
  const [secondRefund] = await db.select().from(refunds).where(eq(refunds.milestoneId, second));
  if (!firstTransfer || !secondRefund) throw new Error("movements missing");
  [sent, refund] = [firstTransfer, secondRefund];
  expect(paid).toHaveLength(2);
  expect(sent.status).toBe("sent");
  expect(refund.status).toBe("succeeded");
});

describe("reconcile", () => {
  it("finds nothing when the provider and the ledger agree with every payment, transfer and refund", async () => {
    // 2 payments, 2 transfers (one sent, one pending after the split), 1 refund.
    expect(await reconcile(testModeProvider())).toEqual({ checked: 5, differences: [] });
  });

  it("reports an amount the provider received, sent or refunded differently, and a reversed transfer or failed refund", async () => {
    const [payment] = paid;
    const provider = providerWith({
      retrievePaymentIntent: async (id) => {
        const intent = await testModeProvider().retrievePaymentIntent(id);
        return id === payment?.paymentIntentId ? { ...intent, amountReceived: intent.amountReceived - 1 } : intent;
      },
      retrieveTransfer: async (id) => ({ ...(await testModeProvider().retrieveTransfer(id)), reversed: true }),
      retrieveRefund: async (id) => ({ ...(await testModeProvider().retrieveRefund(id)), amount: 1 }),
    });
    const { differences } = await reconcile(provider);
    expect(differences).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ object: "payment", id: payment?.id, providerId: payment?.paymentIntentId, problem: "amount_differs", expectedCents: payment?.amountCents, foundCents: (payment?.amountCents ?? 0) - 1 }),
        expect.objectContaining({ object: "transfer", id: sent.id, providerId: sent.stripeTransferId, problem: "provider_status", expectedCents: sent.amountCents, foundCents: sent.amountCents }),
        expect.objectContaining({ object: "refund", id: refund.id, problem: "amount_differs", expectedCents: refund.amountCents, foundCents: 1 }),
      ]),
    );
    expect(differences).toHaveLength(3);
  });

  it("reports an object the provider does not know", async () => {
    const provider = providerWith({
      retrieveRefund: async (id) => {
        throw new Error(`No such refund: '${id}'`);
      },
    });
    const { differences } = await reconcile(provider);
    expect(differences).toEqual([{ object: "refund", id: refund.id, providerId: refund.stripeRefundId, problem: "provider_unreachable", ledgerKind: null, expectedCents: null, foundCents: null }]);
  });

  it("reports a movement with no ledger posting, a posting that differs, and a posting with nothing behind it", async () => {
    // A succeeded payment of ours that never reached the ledger (and that the provider knows).
    const [source] = paid;
    if (!source) throw new Error("no payment");
    const other = await makeActiveContract();
    const [unposted] = await db
      .insert(payments)
      .values({ milestoneId: other.milestoneIds[0] ?? "", contractId: other.contractId, amountCents: 4_200, status: "succeeded", paymentIntentId: "pi_unposted" })
      .returning();
    // The refund's posting gets two more lines (balanced, so the database accepts them).
    const entryId = randomUUID();
    const refs = { entryId, kind: "refund" as const, contractId: flow.contractId, milestoneId: refund.milestoneId, sourceId: refund.id };
    await db.insert(ledgerEntries).values([
      { ...refs, account: "expert_payable", amountCents: 500 },
      { ...refs, account: "commission_revenue", amountCents: -500 },
    ]);
    // A funding posting whose source is nothing of ours.
    const orphan = randomUUID();
    const orphanRefs = { entryId: randomUUID(), kind: "funding" as const, contractId: flow.contractId, milestoneId: source.milestoneId, sourceId: orphan };
    await db.insert(ledgerEntries).values([
      { ...orphanRefs, account: "platform_cash", amountCents: 700 },
      { ...orphanRefs, account: "client_funds_held", amountCents: -700 },
    ]);

    const provider = providerWith({
      retrievePaymentIntent: async (id) =>
        id === "pi_unposted"
          ? { id, amount: 4_200, amountReceived: 4_200, status: "succeeded", latestChargeId: null, paymentMethodType: "card" }
          : testModeProvider().retrievePaymentIntent(id),
    });
    const { checked, differences } = await reconcile(provider);
    expect(checked).toBe(6);
    expect(differences).toHaveLength(3);
    expect(differences).toEqual(
      expect.arrayContaining([
        { object: "payment", id: unposted?.id, providerId: null, problem: "ledger_missing", ledgerKind: "funding", expectedCents: 4_200, foundCents: 0 },
        { object: "refund", id: refund.id, providerId: null, problem: "ledger_differs", ledgerKind: "refund", expectedCents: refund.amountCents, foundCents: refund.amountCents + 500 },
        { object: "payment", id: orphan, providerId: null, problem: "ledger_orphan", ledgerKind: "funding", expectedCents: 0, foundCents: 700 },
      ]),
    );
  });
});

describe("runReconciliation", () => {
  it("is for admins only, and each run is written to the audit log", async () => {
    const result = await runReconciliation(admin, testModeProvider());
    expect(result.checked).toBeGreaterThan(0);
    const runs = await db.select().from(auditLog).where(eq(auditLog.action, "payments.reconciled"));
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ actorId: admin.id, data: { checked: result.checked, differences: result.differences.length } });

    await expect(runReconciliation(null, testModeProvider())).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const actor of [flow.owner, flow.expert]) await expect(runReconciliation(actor, testModeProvider())).rejects.toThrow(new PolicyError("forbidden"));
  });
});
