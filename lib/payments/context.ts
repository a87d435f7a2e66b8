import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { contractMilestones, contracts, refunds, transfers, type Contract, type ContractMilestone } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { loadContractFor } from "@/lib/contracts/access";
import { isUuidLike } from "@/lib/ids";

export interface MilestoneContext {
  milestone: ContractMilestone;
  contract: Contract;
}

/** Locks a milestone row (then reads its contract): every money move on a milestone starts here. */
export async function lockMilestone(tx: Transaction, milestoneId: string): Promise<MilestoneContext | null> {
  if (!isUuidLike(milestoneId)) return null;
  const [milestone] = await tx.select().from(contractMilestones).where(eq(contractMilestones.id, milestoneId)).for("update");
  if (!milestone) return null;
  const [contract] = await tx.select().from(contracts).where(eq(contracts.id, milestone.contractId));
  return contract ? { milestone, contract } : null;
}

/** Locks a milestone for an actor who must be on `side` of its contract (admins: "admin"). */
export async function lockMilestoneFor(tx: Transaction, actor: Actor | null, milestoneId: string, side: "client" | "expert" | "admin"): Promise<MilestoneContext> {
  if (!actor) throw new PolicyError("unauthenticated");
  const context = await lockMilestone(tx, milestoneId);
  if (!context) throw new PolicyError("forbidden");
  const access = await loadContractFor(tx, actor, context.contract.id);
  if (access.side !== side) throw new PolicyError("forbidden");
  return context;
}

/**
 * Locks the milestone of a transfer or refund row, then the row itself: the order every money
 * move takes. Null when either is gone.
 */
export async function lockMovement<T extends typeof transfers | typeof refunds>(
  tx: Transaction,
  table: T,
  id: string,
): Promise<{ context: MilestoneContext; row: T["$inferSelect"] } | null> {
  const [found] = await tx.select({ milestoneId: table.milestoneId }).from(table as typeof transfers).where(eq(table.id, id));
  const context = found ? await lockMilestone(tx, found.milestoneId) : null;
  const [row] = context ? await tx.select().from(table as typeof transfers).where(eq(table.id, id)).for("update") : [];
  return context && row ? { context, row: row as T["$inferSelect"] } : null;
}
