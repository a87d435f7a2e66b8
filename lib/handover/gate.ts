import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contractMilestones, handoverPacks, type Contract, type ContractMilestone } from "@/db/schema";
import { handoverRequired } from "./rules";

/** Whether the contract is an installation whose handover pack was not delivered yet. */
export async function packAwaited(executor: Executor, contract: Contract): Promise<boolean> {
  if (!handoverRequired(contract.facts)) return false;
  const [pack] = await executor.select({ at: handoverPacks.deliveredAt }).from(handoverPacks).where(eq(handoverPacks.contractId, contract.id));
  return !pack;
}

/**
 * Whether the automatic approval of this milestone waits for the handover pack: it is the last
 * milestone of an installation whose pack was not delivered yet. The client can still approve by hand.
 */
export async function awaitsHandoverPack(executor: Executor, contract: Contract, milestone: Pick<ContractMilestone, "position">): Promise<boolean> {
  if (!(await packAwaited(executor, contract))) return false;
  const [later] = await executor
    .select({ id: contractMilestones.id })
    .from(contractMilestones)
    .where(and(eq(contractMilestones.contractId, contract.id), gt(contractMilestones.position, milestone.position)))
    .limit(1);
  return !later;
}
