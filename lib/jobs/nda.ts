import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { expertProfiles, jobNdaAcceptances, jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { isUuidLike } from "@/lib/ids";

export const NDA_VERSION = "2026-11";

/** Only verified experts may read confidential details, after accepting the job's NDA (recorded). */
export async function acceptJobNda(
  actor: Actor | null,
  input: { jobId: string },
): Promise<Result<void, "not_verified" | "not_found">> {
  const expert = requireRole(actor, "expert");
  return db.transaction(async (tx) => {
    const [profile] = await tx.select({ status: expertProfiles.status }).from(expertProfiles).where(eq(expertProfiles.userId, expert.id));
    if (profile?.status !== "verified") return fail("not_verified");
    if (!isUuidLike(input.jobId)) return fail("not_found");
    const [job] = await tx.select({ id: jobs.id }).from(jobs).where(and(eq(jobs.id, input.jobId), eq(jobs.status, "open")));
    if (!job) return fail("not_found");
    const inserted = await tx
      .insert(jobNdaAcceptances)
      .values({ jobId: job.id, userId: expert.id, ndaVersion: NDA_VERSION })
      .onConflictDoNothing()
      .returning();
    if (inserted.length) {
      await recordAudit(tx, { actorId: expert.id, action: "job.nda_accepted", subjectType: "job", subjectId: job.id, data: { ndaVersion: NDA_VERSION } });
    }
    return ok(undefined);
  });
}
