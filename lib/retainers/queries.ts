import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, retainerMonths, retainerPaymentSetups, retainers, type Retainer, type RetainerMonth, type RetainerMonthStatus, type RetainerPaymentSetup } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";

export interface RetainerView {
  retainer: Retainer;
  /** Each month with what the reader is shown: its own status, or the dispute or refund its milestone went through. */
  months: (RetainerMonth & { state: RetainerMonthStatus })[];
  side: "client" | "expert" | "admin";
  /** The client's last request to save a payment method (waiting, saved, refused…), if any. */
  latestSetup: Pick<RetainerPaymentSetup, "id" | "kind" | "status" | "failureCode"> | null;
}

/** A support contract's retainer (current terms, status) and its months, for its parties and admins; null for another contract. */
export async function getRetainerView(actor: Actor | null, contractId: string): Promise<RetainerView | null> {
  const { contract, side } = await loadContractFor(db, actor, contractId);
  const [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contract.id));
  if (!retainer) return null;
  const rows = await db
    .select({ month: retainerMonths, milestoneStatus: contractMilestones.status })
    .from(retainerMonths)
    .leftJoin(contractMilestones, eq(contractMilestones.id, retainerMonths.milestoneId))
    .where(eq(retainerMonths.contractId, contract.id))
    .orderBy(asc(retainerMonths.periodStart));
  const months = rows.map(({ month, milestoneStatus }) => ({
    ...month,
    state: milestoneStatus === "disputed" ? "disputed" : milestoneStatus === "refunded" || milestoneStatus === "split" ? "refunded" : month.status,
  }));
  const [latestSetup] = await db
    .select({ id: retainerPaymentSetups.id, kind: retainerPaymentSetups.kind, status: retainerPaymentSetups.status, failureCode: retainerPaymentSetups.failureCode })
    .from(retainerPaymentSetups)
    .where(eq(retainerPaymentSetups.contractId, contract.id))
    .orderBy(desc(retainerPaymentSetups.createdAt))
    .limit(1);
  return { retainer, months, side, latestSetup: latestSetup ?? null };
}
