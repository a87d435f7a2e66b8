import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { db, type Executor, type Transaction } from "@/db/client";
import { contractMilestones, retainerExtraHours, retainerMonths, retainers, type RetainerExtraHours } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { periodAfterLast } from "./months";
import { extraHoursMilestoneTitle } from "./schemas";

/**
 * Approved extra hours of one month, under the extra hours' lock: carried by the first month
 * after theirs that is opened and not charged yet (scheduled). That month's milestone grows by
 * their amount and the hours record the month, in this one transaction, so they are billed once
 * however often billing runs or wherever a crash stopped it. The month right after theirs is
 * usually charged already when they are approved (they are submitted once it began), so the one
 * after carries them; until it opens they wait. With no month left to come they are charged
 * alone (billAlone). Returns the month's id, or null while they wait.
 */
async function billOne(tx: Transaction, extraHoursId: string, now: Date): Promise<string | null> {
  const [extra] = await tx.select().from(retainerExtraHours).where(eq(retainerExtraHours.id, extraHoursId)).for("update");
  if (!extra || extra.status !== "approved" || extra.chargedWithMonthId) return null;
  // The month first, then its milestone: the order the charge takes them in.
  const [month] = await tx
    .select()
    .from(retainerMonths)
    .where(and(eq(retainerMonths.contractId, extra.contractId), gt(retainerMonths.periodStart, extra.periodStart), eq(retainerMonths.status, "scheduled")))
    .orderBy(asc(retainerMonths.periodStart))
    .limit(1)
    .for("update");
  if (!month?.milestoneId) return billAlone(tx, extra);
  const [milestone] = await tx.select().from(contractMilestones).where(eq(contractMilestones.id, month.milestoneId)).for("update");
  if (milestone?.status !== "pending") return null;
  await tx
    .update(contractMilestones)
    .set({ amountCents: milestone.amountCents + extra.amountCents, updatedAt: now })
    .where(eq(contractMilestones.id, milestone.id));
  // Extra hours billed alone: what they charge is all they carry.
  if (month.kind === "extra_hours") await tx.update(retainerMonths).set({ feeCents: month.feeCents + extra.amountCents, updatedAt: now }).where(eq(retainerMonths.id, month.id));
  await tx.update(retainerExtraHours).set({ chargedWithMonthId: month.id }).where(eq(retainerExtraHours.id, extra.id));
  await recordAudit(tx, {
    actorId: null,
    action: "retainer.extra_hours_billed",
    subjectType: "contract",
    subjectId: extra.contractId,
    data: { periodStart: extra.periodStart, amountCents: extra.amountCents, withMonth: month.periodStart, milestoneAmountCents: milestone.amountCents + extra.amountCents },
  });
  return month.id;
}

/**
 * Approved extra hours no month is left to carry (the retainer ended, or its last month is
 * open): charged alone, off-session like a month, in the period slot after the last month (no
 * month of service ever opens there), from its first day on; closed, released and invoiced at
 * its end like a month. Null while a month of service may still come (paused, suspended: they wait).
 */
async function billAlone(tx: Transaction, extra: RetainerExtraHours): Promise<string | null> {
  const [retainer] = await tx.select().from(retainers).where(eq(retainers.contractId, extra.contractId)).for("update");
  if (!retainer || (retainer.status !== "ended" && retainer.status !== "active")) return null;
  const slot = await periodAfterLast(tx, retainer);
  if (retainer.status === "active" && !(retainer.endsOn && slot.periodStart > retainer.endsOn)) return null;
  const [milestone] = await tx
    .insert(contractMilestones)
    .values({ contractId: extra.contractId, position: slot.index, title: extraHoursMilestoneTitle(extra.periodStart), amountCents: extra.amountCents, dueOn: slot.periodEnd })
    .returning({ id: contractMilestones.id });
  if (!milestone) throw new Error(`Retainer ${extra.contractId}: no milestone for extra hours`);
  const [month] = await tx
    .insert(retainerMonths)
    .values({ contractId: extra.contractId, milestoneId: milestone.id, periodStart: slot.periodStart, periodEnd: slot.periodEnd, kind: "extra_hours", feeCents: extra.amountCents, hoursIncluded: 0, extraHourCents: extra.extraHourCents })
    .returning({ id: retainerMonths.id, periodStart: retainerMonths.periodStart });
  if (!month) throw new Error(`Retainer ${extra.contractId}: no row for extra hours`);
  await tx.update(retainerExtraHours).set({ chargedWithMonthId: month.id }).where(eq(retainerExtraHours.id, extra.id));
  await recordAudit(tx, {
    actorId: null,
    action: "retainer.extra_hours_billed",
    subjectType: "contract",
    subjectId: extra.contractId,
    data: { periodStart: extra.periodStart, amountCents: extra.amountCents, alone: true, withMonth: month.periodStart },
  });
  return month.id;
}

/** Adds every approved, not yet billed, extra hours to the charge of a later month (see billOne), each in its own transaction; returns how many were. */
export async function billApprovedExtraHours(now: Date): Promise<number> {
  const waiting = await db
    .select({ id: retainerExtraHours.id })
    .from(retainerExtraHours)
    .where(and(eq(retainerExtraHours.status, "approved"), isNull(retainerExtraHours.chargedWithMonthId)))
    .orderBy(asc(retainerExtraHours.periodStart));
  let billed = 0;
  for (const { id } of waiting) if (await db.transaction((tx) => billOne(tx, id, now))) billed++;
  return billed;
}

/** The extra hours a month's charge carries (with the month they were worked in), oldest first. */
export async function extraHoursChargedWith(executor: Executor, monthId: string): Promise<RetainerExtraHours[]> {
  return executor.select().from(retainerExtraHours).where(eq(retainerExtraHours.chargedWithMonthId, monthId)).orderBy(asc(retainerExtraHours.periodStart));
}
