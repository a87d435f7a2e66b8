import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { bids, contracts, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";

/** The expert's own bids, newest first, with the job's public title and the contract if one was formed. */
export async function listMyBids(actor: Actor | null, options: { limit?: number } = {}) {
  const expert = requireRole(actor, "expert");
  return db
    .select({
      id: bids.id,
      jobId: bids.jobId,
      jobTitle: jobs.title,
      jobStatus: jobs.status,
      status: bids.status,
      totalCents: bids.totalCents,
      createdAt: bids.createdAt,
      contractId: contracts.id,
    })
    .from(bids)
    .innerJoin(jobs, eq(jobs.id, bids.jobId))
    .leftJoin(contracts, eq(contracts.bidId, bids.id))
    .where(eq(bids.expertUserId, expert.id))
    .orderBy(desc(bids.createdAt))
    .limit(options.limit ?? 50);
}
