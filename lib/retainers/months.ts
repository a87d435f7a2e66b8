import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { contractMilestones, contracts, retainerMonths, retainers, type Retainer } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { parisDay } from "@/lib/dates";
import { periodIndexOn, retainerPeriod } from "./periods";
import { monthMilestoneTitle } from "./schemas";

/**
 * Opens, under the retainer's lock, each month whose first day has come (Paris day of `now`):
 * a contract milestone carrying its fee and a `retainer_months` row. A plan change agreed for a
 * month applies from it on; no month opens past the last day of service, nor while the retainer
 * is paused, suspended or ended (a resumed retainer picks up at the current month).
 */
export async function openMonthsOf(tx: Transaction, contractId: string, now: Date): Promise<number> {
  const today = parisDay(now);
  const [retainer] = await tx.select().from(retainers).where(eq(retainers.contractId, contractId)).for("update");
  const [contract] = await tx.select({ status: contracts.status }).from(contracts).where(eq(contracts.id, contractId));
  if (!retainer || retainer.status !== "active" || contract?.status !== "active") return 0;
  if (retainer.endsOn && retainer.endsOn < today) {
    // Terminated and past its last day: no more months (the last one was closed before this runs).
    await tx.update(retainers).set({ status: "ended", updatedAt: now }).where(eq(retainers.contractId, contractId));
    await recordAudit(tx, { actorId: null, action: "retainer.ended", subjectType: "contract", subjectId: contractId, fromStatus: "active", toStatus: "ended", data: { endsOn: retainer.endsOn } });
    return 0;
  }
  let { index } = await periodAfterLast(tx, retainer);
  let terms: Retainer = retainer;
  let opened = 0;
  for (;;) {
    const period = retainerPeriod(retainer.startsOn, index);
    if (period.periodStart > today || (terms.endsOn && period.periodStart > terms.endsOn)) break;
    if (terms.nextTerms && terms.nextTermsFrom && terms.nextTermsFrom <= period.periodStart) {
      const [applied] = await tx
        .update(retainers)
        .set({ ...terms.nextTerms, nextTerms: null, nextTermsFrom: null, updatedAt: now })
        .where(eq(retainers.contractId, contractId))
        .returning();
      if (!applied) throw new Error(`Retainer ${contractId} vanished`);
      await recordAudit(tx, { actorId: null, action: "retainer.plan_applied", subjectType: "contract", subjectId: contractId, data: { from: period.periodStart, monthlyFeeCents: applied.monthlyFeeCents } });
      terms = applied;
    }
    const [milestone] = await tx
      .insert(contractMilestones)
      .values({ contractId, position: index, title: monthMilestoneTitle(index, period.periodStart), amountCents: terms.monthlyFeeCents, dueOn: period.periodEnd })
      .onConflictDoNothing()
      .returning({ id: contractMilestones.id });
    if (!milestone) throw new Error(`Retainer ${contractId}: milestone ${index} already exists without its month`);
    await tx.insert(retainerMonths).values({
      contractId,
      milestoneId: milestone.id,
      ...period,
      feeCents: terms.monthlyFeeCents,
      hoursIncluded: terms.hoursIncluded,
      extraHourCents: terms.extraHourCents,
    });
    opened++;
    index++;
  }
  return opened;
}

/**
 * The period slot after the retainer's last row (a month, a skipped one, or extra hours billed
 * alone): where the next month opens, or, past the last day of service, where extra hours no
 * month is left to carry are charged.
 */
export async function periodAfterLast(tx: Transaction, retainer: Pick<Retainer, "contractId" | "startsOn">): Promise<{ index: number; periodStart: string; periodEnd: string }> {
  const [last] = await tx
    .select({ periodStart: retainerMonths.periodStart })
    .from(retainerMonths)
    .where(eq(retainerMonths.contractId, retainer.contractId))
    .orderBy(desc(retainerMonths.periodStart))
    .limit(1);
  const index = last ? periodIndexOn(retainer.startsOn, last.periodStart) + 1 : 0;
  return { index, ...retainerPeriod(retainer.startsOn, index) };
}

/** Opens the due months of every running retainer, each in its own transaction. */
export async function openDueMonths(now: Date): Promise<number> {
  const running = await db
    .select({ contractId: retainers.contractId })
    .from(retainers)
    .innerJoin(contracts, eq(contracts.id, retainers.contractId))
    .where(and(eq(retainers.status, "active"), inArray(contracts.status, ["active"])));
  let opened = 0;
  for (const { contractId } of running) opened += await db.transaction((tx) => openMonthsOf(tx, contractId, now));
  return opened;
}
