import "server-only";
import { and, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { contractMilestones, contracts, organizationMembers, payments, refunds, transfers, type MemberRole } from "@/db/schema";

/** Why an account cannot be erased yet: the person must finish or settle first. */
export type ErasureBlocker = "sole_owner_with_members" | "money_in_flight" | "contract_in_progress";

export interface MembershipPlan {
  organizationId: string;
  role: MemberRole;
  otherOwners: number;
  otherMembers: number;
}

/** The person's organisations, with how many other owners and members each has. */
export async function membershipsOf(executor: Executor, userId: string): Promise<MembershipPlan[]> {
  const mine = await executor
    .select({ organizationId: organizationMembers.organizationId, role: organizationMembers.role })
    .from(organizationMembers)
    .where(eq(organizationMembers.userId, userId));
  if (mine.length === 0) return [];
  const everyone = await executor
    .select({ organizationId: organizationMembers.organizationId, userId: organizationMembers.userId, role: organizationMembers.role })
    .from(organizationMembers)
    .where(inArray(organizationMembers.organizationId, mine.map((m) => m.organizationId)));
  return mine.map((m) => {
    const others = everyone.filter((o) => o.organizationId === m.organizationId && o.userId !== userId);
    return { ...m, otherOwners: others.filter((o) => o.role === "owner").length, otherMembers: others.length };
  });
}

/** The person is the organisation's only member: the organisation stays, without anyone in it. */
export const isLastMember = (m: MembershipPlan) => m.otherMembers === 0;

/** The only owner of an organisation that has other members: ownership must be handed over first. */
export const isSoleOwnerWithMembers = (m: MembershipPlan) => m.role === "owner" && m.otherOwners === 0 && m.otherMembers > 0;

/**
 * What stops the erasure: being the only owner of an organisation with other members; money in
 * flight on a contract of the person (as the expert, or as the last member of the client
 * organisation): a milestone funded, delivered or disputed, a SEPA payment processing, a refund
 * or a transfer not yet sent; or a contract still awaiting its documents or active.
 */
export async function erasureBlockers(executor: Executor, userId: string, memberships?: MembershipPlan[]): Promise<ErasureBlocker[]> {
  const plans = memberships ?? (await membershipsOf(executor, userId));
  const blockers: ErasureBlocker[] = [];
  if (plans.some(isSoleOwnerWithMembers)) blockers.push("sole_owner_with_members");

  const orgIds = plans.filter(isLastMember).map((m) => m.organizationId);
  const concerned = await executor
    .select({ id: contracts.id, status: contracts.status })
    .from(contracts)
    .where(or(eq(contracts.expertUserId, userId), orgIds.length ? inArray(contracts.organizationId, orgIds) : undefined));
  const ids = concerned.map((c) => c.id);

  const [transfer] = await executor
    .select({ id: transfers.id })
    .from(transfers)
    .where(
      and(
        or(eq(transfers.expertUserId, userId), ids.length ? inArray(transfers.contractId, ids) : undefined),
        inArray(transfers.status, ["pending", "awaiting_payouts"]),
      ),
    )
    .limit(1);
  let inFlight = !!transfer;
  if (!inFlight && ids.length) {
    const [milestone] = await executor
      .select({ id: contractMilestones.id })
      .from(contractMilestones)
      .where(and(inArray(contractMilestones.contractId, ids), inArray(contractMilestones.status, ["funded", "delivered", "disputed"])))
      .limit(1);
    const [payment] = await executor
      .select({ id: payments.id })
      .from(payments)
      .where(and(inArray(payments.contractId, ids), eq(payments.status, "processing")))
      .limit(1);
    const [refund] = await executor
      .select({ id: refunds.id })
      .from(refunds)
      .innerJoin(contractMilestones, eq(contractMilestones.id, refunds.milestoneId))
      .where(and(inArray(contractMilestones.contractId, ids), eq(refunds.status, "pending")))
      .limit(1);
    inFlight = !!(milestone || payment || refund);
  }
  if (inFlight) blockers.push("money_in_flight");
  if (concerned.some((c) => c.status === "awaiting_documents" || c.status === "active")) blockers.push("contract_in_progress");
  return blockers;
}
