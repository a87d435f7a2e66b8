import "server-only";
import { and, eq, lt } from "drizzle-orm";
import { db } from "@/db/client";
import { retainerMonths } from "@/db/schema";
import { parisDay } from "@/lib/dates";
import { milestoneCharge } from "@/lib/payments/amounts";
import { lockMilestone } from "@/lib/payments/context";
import { releaseToExpert } from "@/lib/payments/release";
import { monthInvoiceLines } from "./month-invoice";
import { notifyRetainer } from "./notify";

/**
 * At month end: each month held by the platform whose last day has passed (Paris day of `now`)
 * is released to the expert like an approved milestone: net of commission, a transfer queued,
 * the expert's invoice and the commission invoice issued in the same transaction. Each month in
 * its own transaction, re-checked under the milestone's lock. The contract stays active: a
 * retainer is not completed by its months being paid.
 */
export async function closeDueMonths(now: Date): Promise<number> {
  const due = await db
    .select({ id: retainerMonths.id, milestoneId: retainerMonths.milestoneId })
    .from(retainerMonths)
    .where(and(eq(retainerMonths.status, "held"), lt(retainerMonths.periodEnd, parisDay(now))));
  let closed = 0;
  for (const { id, milestoneId } of due) {
    if (!milestoneId) continue;
    const done = await db.transaction(async (tx) => {
      const context = await lockMilestone(tx, milestoneId);
      const [month] = await tx.select().from(retainerMonths).where(eq(retainerMonths.id, id)).for("update");
      if (!context || month?.status !== "held" || context.milestone.status !== "funded") return false;
      const { chargeCents, exVatCents } = milestoneCharge(context.milestone, context.contract);
      const invoiceLines = await monthInvoiceLines(tx, month);
      await releaseToExpert(tx, context, { grossCents: chargeCents, grossExVatCents: exVatCents, nextStatus: "released", actor: null, action: "retainer.month_closed", invoiceLines });
      await tx.update(retainerMonths).set({ status: "released", releasedAt: now, updatedAt: now }).where(eq(retainerMonths.id, id));
      await notifyRetainer(tx, context.contract, { event: "monthClosed", audiences: ["client"], period: { start: month.periodStart, end: month.periodEnd }, amountCents: chargeCents, key: id });
      return true;
    });
    if (done) closed++;
  }
  return closed;
}
