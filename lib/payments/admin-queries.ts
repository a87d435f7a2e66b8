import "server-only";
import { parisDay, shiftMonth } from "@/lib/dates";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, contractMilestones, contracts, disputes, payments, refunds, transfers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";
import { mayDecideNow, responseDueAt } from "@/lib/disputes/window";
import { milestoneCharge } from "./amounts";
import { ledgerBalances } from "./ledger";

/** Months are Paris months: a payment at 00:30 on the 1st (Paris time) belongs to the new month. */
const TIME_ZONE = "Europe/Paris";

/** "YYYY-MM" from a query parameter, or the current Paris month when missing or malformed. */
export function parseMonth(value: string | null | undefined, now = new Date()): string {
  if (value && /^\d{4}-(0[1-9]|1[0-2])$/.test(value) && value >= "2000-01" && value <= "2999-12") return value;
  return parisDay(now).slice(0, 7);
}

/**
 * The money of one month, from the ledger (debits positive, credits negative): what clients
 * funded, what was released out of escrow (gross), the commission earned on it (its basis and
 * its VAT apart), what was refunded and what was transferred to experts; plus what escrow holds
 * and what is owed to experts right now.
 */
export async function getPaymentTotals(actor: Actor | null, input: { month?: string | null } = {}) {
  requireRole(actor, "admin");
  const month = parseMonth(input.month);
  const [year, monthNumber] = month.split("-").map(Number);
  const rows = await db.execute<Record<"funded" | "released" | "commission" | "commissionVat" | "refunded" | "transferred", string>>(sql`
    with period as (select make_timestamptz(${year}::int, ${monthNumber}::int, 1, 0, 0, 0, ${TIME_ZONE}) as start)
    select
      coalesce(sum(amount_cents) filter (where kind = 'funding' and account = 'platform_cash'), 0)::bigint as funded,
      coalesce(sum(amount_cents) filter (where kind = 'release' and account = 'client_funds_held'), 0)::bigint as released,
      coalesce(-sum(amount_cents) filter (where kind = 'release' and account = 'commission_revenue'), 0)::bigint as commission,
      coalesce(-sum(amount_cents) filter (where kind = 'release' and account = 'commission_vat_collected'), 0)::bigint as "commissionVat",
      coalesce(sum(amount_cents) filter (where kind = 'refund' and account = 'client_funds_held'), 0)::bigint as refunded,
      coalesce(-sum(amount_cents) filter (where kind = 'transfer' and account = 'platform_cash'), 0)::bigint as transferred
    from ledger_entries, period
    where created_at >= period.start and created_at < period.start + interval '1 month'`);
  const row = rows[0];
  const balances = await ledgerBalances(db);
  return {
    month,
    previous: shiftMonth(month, -1),
    next: shiftMonth(month, 1),
    fundedCents: Number(row?.funded ?? 0),
    releasedCents: Number(row?.released ?? 0),
    /** The commission kept, VAT included, then its basis (revenue) and its VAT (owed to the State). */
    commissionCents: Number(row?.commission ?? 0) + Number(row?.commissionVat ?? 0),
    commissionExVatCents: Number(row?.commission ?? 0),
    commissionVatCents: Number(row?.commissionVat ?? 0),
    refundedCents: Number(row?.refunded ?? 0),
    transferredCents: Number(row?.transferred ?? 0),
    heldNowCents: 0 - balances.client_funds_held,
    /** Net of commission, the VAT collected on the experts' behalf included. */
    owedToExpertsNowCents: 0 - balances.expert_payable - balances.expert_vat_collected,
  };
}

/** Open disputes, oldest first, with how long each has waited (hours). */
export async function listOpenDisputes(actor: Actor | null) {
  requireRole(actor, "admin");
  const rows = await db
    .select({
      id: disputes.id,
      reason: disputes.reason,
      createdAt: disputes.createdAt,
      responseDueAt: disputes.responseDueAt,
      clientReadyAt: disputes.clientReadyAt,
      expertReadyAt: disputes.expertReadyAt,
      waitingHours: sql<number>`floor(extract(epoch from now() - ${disputes.createdAt}) / 3600)::int`,
      milestoneTitle: contractMilestones.title,
      amountCents: contractMilestones.amountCents,
      contractId: contracts.id,
      vatRateBps: contracts.vatRateBps,
      commissionBps: contracts.commissionBps,
      facts: contracts.facts,
    })
    .from(disputes)
    .innerJoin(contractMilestones, eq(contractMilestones.id, disputes.milestoneId))
    .innerJoin(contracts, eq(contracts.id, disputes.contractId))
    .where(eq(disputes.status, "open"))
    .orderBy(asc(disputes.createdAt));
  return rows.map(({ facts, vatRateBps, commissionBps, responseDueAt: due, clientReadyAt, expertReadyAt, ...row }) => ({
    ...row,
    /** Whether both sides were heard (see mayDecideNow), and from when an admin may decide otherwise. */
    mayDecide: mayDecideNow({ responseDueAt: due, createdAt: row.createdAt, clientReadyAt, expertReadyAt }),
    responseDueAt: responseDueAt({ responseDueAt: due, createdAt: row.createdAt }),
    /** What the client paid for the milestone (VAT included): the amount at stake. */
    chargeCents: milestoneCharge(row, { vatRateBps, commissionBps }).chargeCents,
    jobTitle: facts.job.title,
    clientName: facts.client.legalName,
    expertName: facts.expert.name,
  }));
}

/**
 * Everything an admin needs to settle a dispute: the parties, the milestone and its amount, the
 * payment that funded it, the reason and text, what the settlement did (refund, transfer) and
 * the history of the milestone, its dispute and its money from the audit log.
 */
export async function getDisputeDetail(actor: Actor | null, disputeId: string) {
  requireRole(actor, "admin");
  if (!isUuidLike(disputeId)) return null;
  const [dispute] = await db.select().from(disputes).where(eq(disputes.id, disputeId));
  if (!dispute) return null;
  const [milestone] = await db.select().from(contractMilestones).where(eq(contractMilestones.id, dispute.milestoneId));
  const [contract] = await db.select().from(contracts).where(eq(contracts.id, dispute.contractId));
  if (!milestone || !contract) return null;
  const milestonePayments = await db.select().from(payments).where(eq(payments.milestoneId, milestone.id)).orderBy(desc(payments.createdAt));
  const payment = milestonePayments.find((p) => p.status === "succeeded") ?? milestonePayments[0] ?? null;
  const [refund] = await db.select().from(refunds).where(eq(refunds.milestoneId, milestone.id));
  const [transfer] = await db.select().from(transfers).where(eq(transfers.milestoneId, milestone.id));
  const people = [dispute.openedById, dispute.settledById].filter((id): id is string => !!id);
  const named = people.length ? await db.select({ id: users.id, name: users.name, email: users.email }).from(users).where(inArray(users.id, people)) : [];
  const subjects = [milestone.id, dispute.id, ...milestonePayments.map((p) => p.id), refund?.id, transfer?.id].filter((id): id is string => !!id);
  const history = await db
    .select({
      id: auditLog.id,
      action: auditLog.action,
      fromStatus: auditLog.fromStatus,
      toStatus: auditLog.toStatus,
      reason: auditLog.reason,
      createdAt: auditLog.createdAt,
      actorName: users.name,
      actorEmail: users.email,
    })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorId))
    .where(and(inArray(auditLog.subjectId, subjects), inArray(auditLog.subjectType, ["milestone", "dispute", "payment", "refund", "transfer"])))
    .orderBy(asc(auditLog.createdAt));
  const person = (id: string | null) => named.find((u) => u.id === id) ?? null;
  return {
    dispute,
    openedBy: person(dispute.openedById),
    settledBy: person(dispute.settledById),
    milestone,
    /** The milestone's amount excluding VAT, its VAT and what the client paid: a split refunds part of the last. */
    charge: milestoneCharge(milestone, contract),
    contract: {
      id: contract.id,
      status: contract.status,
      commissionBps: contract.commissionBps,
      jobTitle: contract.facts.job.title,
      client: { legalName: contract.facts.client.legalName, representative: contract.facts.client.representative },
      expert: { name: contract.facts.expert.name },
    },
    payment,
    refund: refund ?? null,
    transfer: transfer ?? null,
    history,
  };
}

export type DisputeDetail = NonNullable<Awaited<ReturnType<typeof getDisputeDetail>>>;
