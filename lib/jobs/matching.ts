import "server-only";
import { and, desc, eq, inArray, notExists, or, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { bids, catalogSoftware, expertProfiles, expertSkills, jobSoftware, jobs, type JobKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/result";

export const MATCHING_JOBS_LIMIT = 10;
const MATCHING_JOBS_MAX = 50;

/** The job kinds each of the expert's service kinds covers. */
const kindsByService: Record<"installation" | "support" | "training", JobKind[]> = {
  installation: ["installation"],
  support: ["support_one_off", "support_monthly"],
  training: ["training"],
};

/** What a dashboard card shows of a matching job: public fields only. */
export interface MatchingJob {
  id: string;
  title: string;
  kind: JobKind | null;
  remote: boolean | null;
  departement: string | null;
  budgetType: "fixed" | "daily" | null;
  budgetMinCents: number | null;
  budgetMaxCents: number | null;
  dailyRateCapCents: number | null;
  publishedAt: Date | null;
  personalData: boolean | null;
  helpMeChoose: boolean;
  /** Every software of the job, by name. */
  software: string[];
  /** The job's software the expert lists among its skills. */
  matchedSoftware: string[];
}

/**
 * Open jobs for a verified expert, which it has no active bid on (submitted, shortlisted or
 * accepted; a withdrawn or declined bid does not hide the job).
 *
 * A job matches by what: it shares a catalogue software with the expert's skills, or it is a
 * "help me choose" job whose kind the expert's service kinds cover (support covers one-off and
 * monthly support). And by place: an on-site job's département is among the expert's; a remote
 * job matches too when the expert accepts remote work (`remoteOk`). On-site jobs elsewhere are left out.
 *
 * Ranked by relevance: the number of shared software, plus one when the expert's service kinds
 * cover the job's kind; most recently published first within equal relevance.
 *
 * An expert who is not verified (no profile, in vetting, suspended…) is refused with
 * `not_verified`, so a dashboard can say why the list is missing instead of showing it empty.
 */
export async function listMatchingJobs(
  actor: Actor | null,
  options: { limit?: number } = {},
): Promise<Result<MatchingJob[], "not_verified">> {
  const expert = requireRole(actor, "expert");
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? MATCHING_JOBS_LIMIT), 1), MATCHING_JOBS_MAX);
  const [profile] = await db
    .select({ id: expertProfiles.id, status: expertProfiles.status, serviceKinds: expertProfiles.serviceKinds, departments: expertProfiles.departments, remoteOk: expertProfiles.remoteOk })
    .from(expertProfiles)
    .where(eq(expertProfiles.userId, expert.id));
  if (profile?.status !== "verified") return fail("not_verified");

  const coveredKinds = profile.serviceKinds.flatMap((s) => kindsByService[s]);
  const shared = sql<number>`(select count(*)::int from ${jobSoftware} js join ${expertSkills} es on es.software_id = js.software_id
    where js.job_id = ${jobs.id} and es.profile_id = ${profile.id})`;
  const kindCovered = sql`coalesce(${inArray(jobs.kind, coveredKinds)}, false)`;
  const rows = await db
    .select({
      id: jobs.id,
      title: jobs.title,
      kind: jobs.kind,
      remote: jobs.remote,
      departement: jobs.departement,
      budgetType: jobs.budgetType,
      budgetMinCents: jobs.budgetMinCents,
      budgetMaxCents: jobs.budgetMaxCents,
      dailyRateCapCents: jobs.dailyRateCapCents,
      publishedAt: jobs.publishedAt,
      personalData: jobs.personalData,
      helpMeChoose: jobs.helpMeChoose,
    })
    .from(jobs)
    .where(
      and(
        eq(jobs.status, "open"),
        notExists(
          db
            .select({ id: bids.id })
            .from(bids)
            .where(and(eq(bids.jobId, jobs.id), eq(bids.expertUserId, expert.id), inArray(bids.status, ["submitted", "shortlisted", "accepted"]))),
        ),
        or(sql`${shared} > 0`, and(eq(jobs.helpMeChoose, true), kindCovered)),
        or(inArray(jobs.departement, profile.departments), profile.remoteOk ? eq(jobs.remote, true) : undefined),
      ),
    )
    .orderBy(desc(sql`${shared} + (${kindCovered})::int`), sql`${jobs.publishedAt} desc nulls last`, desc(jobs.id))
    .limit(limit);
  if (rows.length === 0) return ok([]);

  const software = await db
    .select({ jobId: jobSoftware.jobId, name: catalogSoftware.name, skill: expertSkills.softwareId })
    .from(jobSoftware)
    .innerJoin(catalogSoftware, eq(catalogSoftware.id, jobSoftware.softwareId))
    .leftJoin(expertSkills, and(eq(expertSkills.softwareId, jobSoftware.softwareId), eq(expertSkills.profileId, profile.id)))
    .where(inArray(jobSoftware.jobId, rows.map((r) => r.id)))
    .orderBy(catalogSoftware.name);
  return ok(
    rows.map((row) => {
      const own = software.filter((s) => s.jobId === row.id);
      return { ...row, software: own.map((s) => s.name), matchedSoftware: own.filter((s) => s.skill !== null).map((s) => s.name) };
    }),
  );
}
