import "server-only";
import { eq, inArray } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { z } from "zod";
import { catalogSoftware, jobKind, jobSoftware, jobs, organizationMembers, type Job } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireOrgMember, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { declineActiveBids } from "@/lib/bids/decline-active-bids";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { isJobEditable, nextJobStatus, type JobEvent } from "./job-machine";
import { JOB_STEPS, jobStepSchemas, type JobStep } from "./schemas";
import { trainingNeedSchema } from "./training-need";
import { isUuidLike } from "@/lib/ids";

/**
 * What a draft may start with, from a link such as the savings estimate's "Post this need"
 * (`/jobs/new?kind=installation&software=nextcloud,mattermost&users=12`): anything that doesn't
 * parse is dropped, as if absent, and the client reviews every step anyway.
 */
export interface JobDraftPrefill {
  kind?: string;
  software?: string;
  users?: string;
}

const prefillSchema = z.object({
  kind: z.enum(jobKind.enumValues).optional().catch(undefined),
  software: z
    .string()
    .max(1000)
    .transform((value) => [...new Set(value.split(",").map((slug) => slug.trim()).filter(Boolean))].slice(0, 20))
    .optional()
    .catch(undefined),
  users: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

/** A client member starts a job for its organisation: a draft at step 1, maybe pre-filled. */
export async function createJobDraft(actor: Actor | null, prefill: JobDraftPrefill = {}): Promise<Result<{ jobId: string }, "no_organization">> {
  const client = requireRole(actor, "client");
  const { kind, software, users } = prefillSchema.parse(prefill);
  return db.transaction(async (tx) => {
    const [membership] = await tx.select().from(organizationMembers).where(eq(organizationMembers.userId, client.id)).limit(1);
    if (!membership) return fail("no_organization");
    const [job] = await tx
      .insert(jobs)
      .values({ organizationId: membership.organizationId, createdById: client.id, kind: kind ?? null, needs: users ? { users } : {} })
      .returning({ id: jobs.id });
    if (!job) throw new Error("job insert returned nothing");
    if (software && software.length > 0) {
      const known = await tx.select({ id: catalogSoftware.id }).from(catalogSoftware).where(inArray(catalogSoftware.slug, software));
      if (known.length > 0) await tx.insert(jobSoftware).values(known.map(({ id }) => ({ jobId: job.id, softwareId: id })));
    }
    return ok({ jobId: job.id });
  });
}

/** Locks the job and checks that the actor belongs to its organisation. */
async function lockJobForMember(tx: Transaction, actor: Actor | null, jobId: string): Promise<Job> {
  requireRole(actor, "client");
  if (!isUuidLike(jobId)) throw new PolicyError("forbidden");
  const [job] = await tx.select().from(jobs).where(eq(jobs.id, jobId)).for("update");
  if (!job) throw new PolicyError("forbidden");
  await requireOrgMember(tx, actor, job.organizationId);
  return job;
}

export type SaveStepError = "invalid" | "locked";

/** Saves one wizard step of a draft (or of an open job, while no bid is accepted). */
export async function saveJobStep(
  actor: Actor | null,
  input: { jobId: string; step: JobStep; data: Record<string, unknown> },
): Promise<Result<{ nextStep: number }, SaveStepError>> {
  return db.transaction(async (tx) => {
    const job = await lockJobForMember(tx, actor, input.jobId);
    if (!isJobEditable(job.status)) return fail("locked");
    const parsed = jobStepSchemas[input.step].safeParse(input.data);
    // A training need asks its training fields at step 5, beside the dates and the place.
    const training = input.step === 5 && job.kind === "training" ? trainingNeedSchema.safeParse(input.data.training ?? {}) : null;
    if (!parsed.success || training?.success === false) {
      return fail("invalid", { ...(training?.error ? fieldErrors(training.error) : {}), ...(parsed.error ? fieldErrors(parsed.error) : {}) });
    }
    const data = parsed.data;
    const changes: Partial<typeof jobs.$inferInsert> = { updatedAt: new Date(), wizardStep: Math.max(job.wizardStep, input.step + 1) };
    if ("kind" in data) {
      changes.kind = data.kind;
      // Another kind of need keeps no training fields.
      if (data.kind !== "training") changes.trainingNeed = null;
    }
    if (training?.success) changes.trainingNeed = training.data;
    if ("helpMeChoose" in data) {
      changes.helpMeChoose = data.helpMeChoose;
      changes.needs = data.helpMeChoose ? { users: data.users, sites: data.sites, existing: data.existing, hosting: data.hosting } : {};
      const known = data.softwareIds.length
        ? await tx.select({ id: catalogSoftware.id }).from(catalogSoftware).where(inArray(catalogSoftware.id, data.softwareIds))
        : [];
      if (known.length !== data.softwareIds.length) return fail("invalid", { softwareIds: "required" });
      await tx.delete(jobSoftware).where(eq(jobSoftware.jobId, job.id));
      if (known.length) await tx.insert(jobSoftware).values(known.map((s) => ({ jobId: job.id, softwareId: s.id })));
    }
    if ("personalData" in data) {
      changes.personalData = data.personalData;
      changes.dataSubjects = data.dataSubjects;
      changes.dataCategories = data.dataCategories;
    }
    if ("budgetType" in data) {
      changes.budgetType = data.budgetType;
      changes.budgetMinCents = data.budgetType === "fixed" && data.budgetMinEuros !== undefined ? data.budgetMinEuros * 100 : null;
      changes.budgetMaxCents = data.budgetType === "fixed" && data.budgetMaxEuros !== undefined ? data.budgetMaxEuros * 100 : null;
      changes.dailyRateCapCents = data.budgetType === "daily" && data.dailyRateCapEuros !== undefined ? data.dailyRateCapEuros * 100 : null;
    }
    if ("remote" in data) {
      changes.startOn = data.startOn ?? null;
      changes.deadlineOn = data.deadlineOn ?? null;
      changes.remote = data.remote;
      changes.departement = data.departement ?? null;
    }
    if ("title" in data) {
      changes.title = data.title;
      changes.description = data.description;
      changes.confidentialDetails = data.confidentialDetails;
    }
    await tx.update(jobs).set(changes).where(eq(jobs.id, job.id));
    return ok({ nextStep: Math.min(input.step + 1, JOB_STEPS.length + 1) });
  });
}

/** The steps a draft still lacks before it can be published. */
export function missingJobSteps(job: Job, softwareCount: number): JobStep[] {
  const missing: JobStep[] = [];
  if (!job.kind) missing.push(1);
  if (!job.helpMeChoose && softwareCount === 0) missing.push(2);
  // Personal data reachable: the art. 28 agreement needs whose data and which kinds.
  if (job.personalData === null || (job.personalData && (job.dataSubjects.length === 0 || job.dataCategories.length === 0))) missing.push(3);
  if (!job.budgetType || (job.budgetType === "fixed" ? !job.budgetMaxCents : !job.dailyRateCapCents)) missing.push(4);
  if (job.remote === null || (!job.remote && !job.departement) || (job.kind === "training" && !job.trainingNeed)) missing.push(5);
  if (job.title.length < 10 || job.description.length < 50) missing.push(6);
  return missing;
}

async function move(actor: Actor | null, jobId: string, event: JobEvent) {
  return db.transaction(async (tx) => {
    const job = await lockJobForMember(tx, actor, jobId);
    const next = nextJobStatus(job.status, event);
    if (!next) return fail("illegal_transition" as const);
    if (event === "publish") {
      const software = await tx.select().from(jobSoftware).where(eq(jobSoftware.jobId, job.id));
      const missing = missingJobSteps(job, software.length);
      if (missing.length) return fail("incomplete" as const, { steps: missing.join(",") });
    }
    const now = new Date();
    await tx
      .update(jobs)
      .set({
        status: next,
        updatedAt: now,
        ...(event === "publish" ? { publishedAt: now } : {}),
        ...(event === "close" || event === "cancel" ? { closedAt: now } : {}),
      })
      .where(eq(jobs.id, job.id));
    if (event === "close" || event === "cancel") await declineActiveBids(tx, job, event === "close" ? "jobClosed" : "jobCancelled");
    await recordAudit(tx, {
      actorId: actor?.id ?? null,
      action: `job.${event}`,
      subjectType: "job",
      subjectId: job.id,
      fromStatus: job.status,
      toStatus: next,
    });
    return ok(undefined);
  });
}

/** Publishes a complete draft on the board. */
export const publishJob = (actor: Actor | null, input: { jobId: string }) => move(actor, input.jobId, "publish");
/** Closes an open job (no contract) or a finished one. */
export const closeJob = (actor: Actor | null, input: { jobId: string }) => move(actor, input.jobId, "close");
/** Cancels a draft or an open job. */
export const cancelJob = (actor: Actor | null, input: { jobId: string }) => move(actor, input.jobId, "cancel");
