import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { disputes, type Contract, type Dispute } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireUser } from "@/lib/auth/policy";
import { loadContractFor } from "@/lib/contracts/access";
import { isUuidLike } from "@/lib/ids";

export type DisputeSide = "client" | "expert" | "admin";

/**
 * A dispute for an actor, with the side the actor is on: the contract's expert, a member of its
 * client organisation, or an admin. Anyone else gets a PolicyError, whether it exists or not.
 * `lock` takes the dispute row FOR UPDATE (the contract is read, not locked).
 */
export async function disputeAccess(
  executor: Executor,
  actor: Actor | null,
  disputeId: string,
  options: { lock?: boolean } = {},
): Promise<{ actor: Actor; dispute: Dispute; contract: Contract; side: DisputeSide }> {
  const user = requireUser(actor);
  if (!isUuidLike(disputeId)) throw new PolicyError("forbidden");
  const query = executor.select().from(disputes).where(eq(disputes.id, disputeId));
  const [found] = await query;
  if (!found) throw new PolicyError("forbidden");
  // The policy first: an outsider never waits on (nor learns about) someone else's lock.
  const { contract, side } = await loadContractFor(executor, user, found.contractId);
  const [dispute] = options.lock ? await executor.select().from(disputes).where(eq(disputes.id, disputeId)).for("update") : [found];
  if (!dispute) throw new PolicyError("forbidden");
  return { actor: user, dispute, contract, side };
}
