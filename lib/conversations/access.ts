import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { bids, jobs, organizationMembers, organizations, type BidStatus } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actsAsAdmin, PolicyError, requireUser } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";

/** Where the actor stands in a bid's conversation: admins only read. */
export type ConversationSide = "expert" | "client" | "admin";

export interface BidAccess {
  actor: Actor;
  side: ConversationSide;
  /** The bid's expert and the job's organisation members write, unless the bid was withdrawn. */
  canWrite: boolean;
  bidId: string;
  bidStatus: BidStatus;
  expertUserId: string;
  jobId: string;
  jobTitle: string;
  organizationId: string;
  organizationName: string;
}

/**
 * Who may see a bid's conversation: the bid's expert, the members of the organisation that owns
 * the job, and admins (read only). Anyone else gets a PolicyError, whether the bid exists or not.
 */
export async function bidAccess(executor: Executor, actor: Actor | null, bidId: string): Promise<BidAccess> {
  const user = requireUser(actor);
  if (!isUuidLike(bidId)) throw new PolicyError("forbidden");
  const [row] = await executor
    .select({
      bidId: bids.id,
      bidStatus: bids.status,
      expertUserId: bids.expertUserId,
      jobId: jobs.id,
      jobTitle: jobs.title,
      organizationId: jobs.organizationId,
      organizationName: organizations.legalName,
    })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .innerJoin(organizations, eq(organizations.id, jobs.organizationId))
    .where(eq(bids.id, bidId));
  if (!row) throw new PolicyError("forbidden");
  const side = await sideOf(executor, user, row.expertUserId, row.organizationId);
  if (!side) throw new PolicyError("forbidden");
  return { ...row, actor: user, side, canWrite: side !== "admin" && row.bidStatus !== "withdrawn" };
}

async function sideOf(executor: Executor, user: Actor, expertUserId: string, organizationId: string): Promise<ConversationSide | null> {
  if (actsAsAdmin(user)) return "admin";
  if (user.role === "expert") return user.id === expertUserId ? "expert" : null;
  if (user.role !== "client") return null;
  const [membership] = await executor
    .select({ id: organizationMembers.id })
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, user.id)))
    .limit(1);
  return membership ? "client" : null;
}
