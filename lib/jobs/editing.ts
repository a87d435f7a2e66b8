import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { jobSoftware, jobs, organizationMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { missingJobSteps } from "./manage-jobs";
import { isUuidLike } from "@/lib/ids";

/** A job with everything the wizard needs, for a member of its organisation only. */
export async function getJobForEditing(actor: Actor | null, jobId: string) {
  const client = requireRole(actor, "client");
  if (!isUuidLike(jobId)) return null;
  const [row] = await db
    .select({ job: jobs })
    .from(jobs)
    .innerJoin(organizationMembers, and(eq(organizationMembers.organizationId, jobs.organizationId), eq(organizationMembers.userId, client.id)))
    .where(eq(jobs.id, jobId));
  if (!row) {
    const exists = await db.select({ id: jobs.id }).from(jobs).where(eq(jobs.id, jobId));
    if (exists.length) throw new PolicyError("forbidden");
    return null;
  }
  const software = await db.select({ softwareId: jobSoftware.softwareId }).from(jobSoftware).where(eq(jobSoftware.jobId, jobId));
  const softwareIds = software.map((s) => s.softwareId);
  return { job: row.job, softwareIds, missing: missingJobSteps(row.job, softwareIds.length) };
}
