import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, retainerMonths, retainers, type Retainer, type RetainerMonth, type RetainerMonthStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";

export interface RetainerView {
  retainer: Retainer;
  /** Each month with what the reader is shown: its own status, or the dispute or refund its milestone went through. */
  months: (RetainerMonth & { state: RetainerMonthStatus })[];
  side: "client" | "expert" | "admin";
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
  return { retainer, months, side };
}
