import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { payments, refunds, transfers, type LedgerAccount, type LedgerKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fundingLines, refundLines, releaseLines, transferLines } from "./ledger";
import { paymentProvider } from "./provider";
import type { PaymentProvider } from "./provider/types";
import { askedNotRecorded, REPAIR_GRACE_MS, repairPaymentIntents, stalledCheckout } from "./repair";

export type ReconcileProblem =
  /** Our row says the money moved, but it has no provider object id. */
  | "missing_provider_id"
  /** The provider could not give the object back (unknown id, network…). */
  | "provider_unreachable"
  /** The provider's amount is not ours. */
  | "amount_differs"
  /** The provider's object is not in the state ours says (a reversed transfer, a failed refund…). */
  | "provider_status"
  /** No ledger posting for the movement. */
  | "ledger_missing"
  /** A ledger posting whose lines are not the movement's. */
  | "ledger_differs"
  /** A ledger posting with no movement of ours behind it. */
  | "ledger_orphan"
  /** A provider call left half-way (intent recorded, result not) that the repair could not finish. */
  | "unfinished";

export interface ReconcileDifference {
  object: "payment" | "transfer" | "refund";
  /** Our row (for ledger_orphan: the posting's source id). */
  id: string;
  providerId: string | null;
  problem: ReconcileProblem;
  /** For ledger problems, the posting concerned. */
  ledgerKind: LedgerKind | null;
  expectedCents: number | null;
  foundCents: number | null;
}

type Lines = Partial<Record<LedgerAccount, number>>;
const OBJECT_OF_KIND: Record<LedgerKind, ReconcileDifference["object"]> = { funding: "payment", release: "transfer", transfer: "transfer", refund: "refund" };

const toLines = (pairs: [LedgerAccount, number][]): Lines => Object.fromEntries(pairs.filter(([, amount]) => amount !== 0));
const debits = (lines: Lines) => Object.values(lines).reduce((sum, amount) => sum + Math.max(0, amount ?? 0), 0);
const sameLines = (a: Lines, b: Lines) => {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<LedgerAccount>;
  return [...keys].every((key) => (a[key] ?? 0) === (b[key] ?? 0));
};

/**
 * Compares every movement of ours with the provider and with the ledger: each succeeded payment
 * (payment intent's amount received), each sent transfer (transfer amount, not reversed), each
 * succeeded refund (refund amount and state), each release, and the ledger postings whose
 * source is that row; then any provider call left half-way, and any posting nothing of ours
 * explains. Returns what differs.
 */
export async function reconcile(provider: PaymentProvider = paymentProvider()): Promise<{ checked: number; differences: ReconcileDifference[] }> {
  const differences: ReconcileDifference[] = [];
  const add = (difference: Omit<ReconcileDifference, "ledgerKind" | "expectedCents" | "foundCents"> & Partial<ReconcileDifference>) =>
    differences.push({ ledgerKind: null, expectedCents: null, foundCents: null, ...difference });

  const postings = new Map<string, Lines>();
  const ledger = await db.execute<{ source_id: string; kind: LedgerKind; account: LedgerAccount; amount: string }>(sql`
    select source_id, kind, account, sum(amount_cents)::bigint as amount from ledger_entries group by source_id, kind, account`);
  for (const row of ledger) {
    const key = `${row.source_id}:${row.kind}`;
    postings.set(key, { ...postings.get(key), [row.account]: Number(row.amount) });
  }
  const expectPosting = (object: ReconcileDifference["object"], id: string, kind: LedgerKind, expected: Lines) => {
    const key = `${id}:${kind}`;
    const found = postings.get(key);
    postings.delete(key);
    if (!found) add({ object, id, providerId: null, problem: "ledger_missing", ledgerKind: kind, expectedCents: debits(expected), foundCents: 0 });
    else if (!sameLines(found, expected)) add({ object, id, providerId: null, problem: "ledger_differs", ledgerKind: kind, expectedCents: debits(expected), foundCents: debits(found) });
  };
  const ask = async <T>(object: ReconcileDifference["object"], id: string, providerId: string, call: () => Promise<T>): Promise<T | null> => {
    try {
      return await call();
    } catch (error) {
      console.error(`[reconcile] ${object} ${id}: provider lookup of ${providerId} failed`, error);
      add({ object, id, providerId, problem: "provider_unreachable" });
      return null;
    }
  };

  const paid = await db.select().from(payments).where(eq(payments.status, "succeeded"));
  for (const payment of paid) {
    expectPosting("payment", payment.id, "funding", toLines(fundingLines(payment.amountCents)));
    if (!payment.paymentIntentId) {
      add({ object: "payment", id: payment.id, providerId: null, problem: "missing_provider_id", expectedCents: payment.amountCents });
      continue;
    }
    const intent = await ask("payment", payment.id, payment.paymentIntentId, () => provider.retrievePaymentIntent(payment.paymentIntentId ?? ""));
    if (!intent) continue;
    const base = { object: "payment" as const, id: payment.id, providerId: intent.id, expectedCents: payment.amountCents, foundCents: intent.amountReceived };
    if (intent.amountReceived !== payment.amountCents) add({ ...base, problem: "amount_differs" });
    else if (intent.status !== "succeeded") add({ ...base, problem: "provider_status" });
  }

  const released = await db.select().from(transfers);
  for (const transfer of released) {
    const release: Lines = toLines(releaseLines(transfer));
    expectPosting("transfer", transfer.id, "release", release);
    if (transfer.status !== "sent" || transfer.amountCents === 0) continue;
    expectPosting("transfer", transfer.id, "transfer", toLines(transferLines(transfer)));
    if (!transfer.stripeTransferId) {
      add({ object: "transfer", id: transfer.id, providerId: null, problem: "missing_provider_id", expectedCents: transfer.amountCents });
      continue;
    }
    const sent = await ask("transfer", transfer.id, transfer.stripeTransferId, () => provider.retrieveTransfer(transfer.stripeTransferId ?? ""));
    if (!sent) continue;
    const base = { object: "transfer" as const, id: transfer.id, providerId: sent.id, expectedCents: transfer.amountCents, foundCents: sent.amount };
    if (sent.amount !== transfer.amountCents) add({ ...base, problem: "amount_differs" });
    else if (sent.reversed) add({ ...base, problem: "provider_status" });
  }

  const refunded = await db.select().from(refunds).where(eq(refunds.status, "succeeded"));
  for (const refund of refunded) {
    expectPosting("refund", refund.id, "refund", toLines(refundLines(refund.amountCents)));
    if (!refund.stripeRefundId) {
      add({ object: "refund", id: refund.id, providerId: null, problem: "missing_provider_id", expectedCents: refund.amountCents });
      continue;
    }
    const back = await ask("refund", refund.id, refund.stripeRefundId, () => provider.retrieveRefund(refund.stripeRefundId ?? ""));
    if (!back) continue;
    const base = { object: "refund" as const, id: refund.id, providerId: back.id, expectedCents: refund.amountCents, foundCents: back.amount };
    if (back.amount !== refund.amountCents) add({ ...base, problem: "amount_differs" });
    else if (back.status === "failed" || back.status === "canceled") add({ ...base, problem: "provider_status" });
  }

  const cutoff = new Date(Date.now() - REPAIR_GRACE_MS);
  const unfinished = [
    ...(await db.select().from(payments).where(stalledCheckout(cutoff))).map((p) => ["payment", p] as const),
    ...(await db.select().from(transfers).where(askedNotRecorded(transfers, cutoff))).map((t) => ["transfer", t] as const),
    ...(await db.select().from(refunds).where(askedNotRecorded(refunds, cutoff))).map((r) => ["refund", r] as const),
  ];
  for (const [object, row] of unfinished) add({ object, id: row.id, providerId: null, problem: "unfinished", expectedCents: row.amountCents });

  for (const [key, found] of postings) {
    const [id = "", kind = "funding"] = key.split(":") as [string, LedgerKind];
    add({ object: OBJECT_OF_KIND[kind], id, providerId: null, problem: "ledger_orphan", ledgerKind: kind, expectedCents: 0, foundCents: debits(found) });
  }
  return { checked: paid.length + released.length + refunded.length, differences };
}

/**
 * An admin runs the check (from the admin payments page): provider calls left half-way are
 * repaired first, then everything is compared; the run is written to the audit log.
 */
export async function runReconciliation(actor: Actor | null, provider: PaymentProvider = paymentProvider()) {
  const admin = requireRole(actor, "admin");
  const repaired = await repairPaymentIntents(provider);
  const result = await reconcile(provider);
  await recordAudit(db, {
    actor: admin,
    action: "payments.reconciled",
    subjectType: "ledger",
    subjectId: "reconcile",
    data: { checked: result.checked, differences: result.differences.length, repaired },
  });
  return { ...result, repaired };
}
