import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contracts, organizationMembers, users, type Contract, type ContractDocumentKind, type ContractSide } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actsAsAdmin, PolicyError, requireUser } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";

/**
 * The documents a contract needs before work starts: the NDA, plus the art. 28 agreement when
 * personal data is reachable, plus the training agreement (art. L6353-1) for a training.
 */
export function requiredDocuments(contract: Pick<Contract, "personalData" | "facts">): ContractDocumentKind[] {
  const kinds: ContractDocumentKind[] = contract.personalData ? ["nda", "dpa"] : ["nda"];
  if (contract.facts.training) kinds.push("training_agreement");
  return kinds;
}

/**
 * Loads a contract for an actor and says which side the actor is on: the expert, a member of
 * the client organisation, or an admin (reads only). Anyone else gets a PolicyError.
 */
export async function loadContractFor(
  executor: Executor,
  actor: Actor | null,
  contractId: string,
  options: { lock?: boolean } = {},
): Promise<{ contract: Contract; side: ContractSide | "admin" }> {
  const user = requireUser(actor);
  if (!isUuidLike(contractId)) throw new PolicyError("forbidden");
  const query = executor.select().from(contracts).where(eq(contracts.id, contractId));
  const [contract] = options.lock ? await query.for("update") : await query;
  if (!contract) throw new PolicyError("forbidden");
  if (user.role === "expert" && contract.expertUserId === user.id) return { contract, side: "expert" };
  if (actsAsAdmin(user)) return { contract, side: "admin" };
  if (user.role === "client") {
    const [member] = await executor
      .select({ id: organizationMembers.id })
      .from(organizationMembers)
      .where(and(eq(organizationMembers.organizationId, contract.organizationId), eq(organizationMembers.userId, user.id)));
    if (member) return { contract, side: "client" };
  }
  throw new PolicyError("forbidden");
}

/** Who hears about a contract: its expert, its client organisation's members, or the admins. */
export async function contractRecipients(tx: Executor, contract: Contract, audience: "expert" | "client" | "admins") {
  const columns = { id: users.id, email: users.email, locale: users.locale };
  if (audience === "expert") return tx.select(columns).from(users).where(eq(users.id, contract.expertUserId));
  if (audience === "admins") return tx.select(columns).from(users).where(eq(users.role, "admin"));
  return tx
    .select(columns)
    .from(organizationMembers)
    .innerJoin(users, eq(users.id, organizationMembers.userId))
    .where(eq(organizationMembers.organizationId, contract.organizationId));
}
