import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { bids, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actsAsAdmin, PolicyError, requireOrgMember, requireUser } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";

/**
 * Who may read what a bid offers beyond its price (training terms, service level): its expert,
 * the members of the client organisation that posted the job, and admins. Throws otherwise.
 */
export async function requireBidReader(actor: Actor | null, bidId: string): Promise<void> {
  const user = requireUser(actor);
  if (!isUuidLike(bidId)) throw new PolicyError("forbidden");
  const [bid] = await db
    .select({ expertUserId: bids.expertUserId, organizationId: jobs.organizationId })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .where(eq(bids.id, bidId));
  if (!bid) throw new PolicyError("forbidden");
  if (bid.expertUserId !== user.id && !actsAsAdmin(user)) await requireOrgMember(db, user, bid.organizationId);
}
