import "server-only";
import { notFound, redirect } from "next/navigation";
import type { JobKind } from "@/db/schema";
import { currentActor } from "@/lib/auth/current-actor";
import { getMyBidForJob } from "@/lib/bids/client-bids";
import { getJobForViewer } from "@/lib/jobs/queries";

/**
 * A bid-terms page's data (`bid/training`, `bid/retainer`): the signed-in expert, the job and
 * their bid on it. Sign-in first; a 404 for anyone but an expert, and for a job that is not of
 * the page's `kind` or on which the expert has no bid (or withdrew it).
 */
export async function loadBidTermsPage(jobId: string, kind: JobKind, path: string) {
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  if (actor.role !== "expert") notFound();
  const [view, bid] = await Promise.all([getJobForViewer(actor, jobId), getMyBidForJob(actor, jobId)]);
  if (!view || !bid || bid.status === "withdrawn" || view.job.kind !== kind) notFound();
  return { actor, view, bid };
}
