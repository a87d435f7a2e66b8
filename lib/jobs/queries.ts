import "server-only";
import { and, desc, eq, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, executePrepared } from "@/db/client";
import { bids, expertProfiles, jobKind, jobNdaAcceptances, jobSearchEntries, jobs, organizationMembers } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin, requireRole } from "@/lib/auth/policy";
import { isDepartementCode } from "@/lib/geo/departements";
import { moderationVisibility } from "@/lib/moderation/visibility";
import { isUuidLike } from "@/lib/ids";
import { cappedCount, countAndNearestQuery, countResult, frenchTextQuery, oneWordQuery, RANK_CANDIDATES, type CountAndNearest } from "@/lib/search/text-query";
import { notModerated, textCount, wordCount } from "./search-count";

export const JOBS_PAGE_SIZE = 20;

export const jobFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  kind: z.enum(jobKind.enumValues).optional().catch(undefined),
  software: z.string().trim().max(60).optional().catch(undefined),
  departement: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v && isDepartementCode(v) ? v : undefined))
    .catch(undefined),
  remote: z.string().optional().transform((v) => v === "1" || v === "on").catch(false),
  minBudget: z.coerce.number().int().positive().max(10_000_000).optional().catch(undefined),
  postedWithinDays: z.coerce.number().int().min(1).max(365).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});

export type JobFilters = z.output<typeof jobFiltersSchema>;

/** Public columns of a job: never the confidential details. */
const publicColumns = {
  id: jobs.id,
  title: jobs.title,
  description: jobs.description,
  kind: jobs.kind,
  budgetType: jobs.budgetType,
  budgetMinCents: jobs.budgetMinCents,
  budgetMaxCents: jobs.budgetMaxCents,
  dailyRateCapCents: jobs.dailyRateCapCents,
  startOn: jobs.startOn,
  deadlineOn: jobs.deadlineOn,
  remote: jobs.remote,
  departement: jobs.departement,
  personalData: jobs.personalData,
  helpMeChoose: jobs.helpMeChoose,
  publishedAt: jobs.publishedAt,
  status: jobs.status,
};

/**
 * The software names of a job, in one sub-select (no extra round trip per page). The outer
 * column is spelled out: Drizzle leaves select-list columns unqualified, and a bare "id" would
 * be catalog_software's inside the sub-select.
 */
const softwareNames = sql<string[]>`array(select c.name from job_software s join catalog_software c on c.id = s.software_id where s.job_id = "jobs"."id" order by c.name)`;

/** The board's side rows, one per open need (db/schema/jobs.ts): the searches read these, then only the page's needs. */
const entries = jobSearchEntries;

/** Newest first, as the index job_search_entries_recency_idx lists them. */
const newestFirst = [sql`${entries.publishedAt} desc nulls last`, sql`${entries.jobId} desc nulls last`];

/** The board's filters other than the text: kind, software, place, budget, date (an entry is an open need). */
function filterConditions(filters: JobFilters): SQL[] {
  const conditions: SQL[] = [];
  if (filters.kind) conditions.push(eq(entries.kind, filters.kind));
  if (filters.software) {
    conditions.push(sql`exists (select 1 from job_software s join catalog_software c on c.id = s.software_id where s.job_id = ${entries.jobId} and c.slug = ${filters.software})`);
  }
  if (filters.departement && filters.remote) conditions.push(sql`(${entries.departement} = ${filters.departement} or ${entries.remote})`);
  else if (filters.departement) conditions.push(eq(entries.departement, filters.departement));
  else if (filters.remote) conditions.push(eq(entries.remote, true));
  if (filters.minBudget) {
    const cents = filters.minBudget * 100;
    conditions.push(sql`(coalesce(${entries.budgetMaxCents}, 0) >= ${cents} or coalesce(${entries.dailyRateCapCents}, 0) >= ${cents})`);
  }
  if (filters.postedWithinDays) conditions.push(sql`${entries.publishedAt} >= now() - make_interval(days => ${filters.postedWithinDays})`);
  return conditions;
}

/**
 * The job board's search, unexecuted: one page of rows and the capped count (see searchJobs).
 * `fewMatches` (the count stayed under the cap): the candidates come from the full-text index
 * and are sorted, instead of walking the recency index until enough match — which reads every
 * open need when a rare word matches few (the planner cannot tell: a prefix query's estimate is
 * a constant). Otherwise (many matches) the text is a filter no index serves, so that the recency
 * index is walked: a prepared statement's generic plan, which PostgreSQL switches to after five
 * runs and which cannot see the term, sorted all 15,000 matches of a common word instead (100 ms).
 * Both read the narrow side rows (job_search_entries), then the page's needs alone.
 */
export function jobSearchQueries(filters: JobFilters, { fewMatches = false, byWords = true } = {}) {
  const conditions = filterConditions(filters);
  // A sub-select: computed once per run, also in a prepared statement's generic plan, which would
  // otherwise compute the query again for each row it reads (to_tsquery of a parameter).
  const query = filters.q ? sql`(select ${frenchTextQuery(filters.q)})` : null;
  const where = and(notModerated, ...conditions, ...(query ? [sql`${entries.search} @@ ${query}`] : []))!;
  const walked = and(notModerated, ...conditions, ...(query ? [sql`coalesce(${entries.search} @@ ${query}, false)`] : []));
  const offset = (filters.page - 1) * JOBS_PAGE_SIZE;
  const columns = { ...publicColumns, software: softwareNames };
  const rows = () => {
    if (query) {
      // Relevance (title above description) ranks a bounded set: the most recent matches, ranked as
      // they are read; only the page's rows are read again for their columns.
      const candidates = db
        .select({
          id: sql<string>`${entries.jobId}`.as("candidate_id"),
          publishedAt: sql<Date>`${entries.publishedAt}`.as("candidate_published_at"),
          rank: sql<number>`ts_rank(${entries.search}, ${query})`.as("candidate_rank"),
        })
        .from(entries)
        .where(fewMatches ? where : walked)
        // "+ interval '0 s'": an expression no index provides, so the planner takes the GIN index.
        .orderBy(...(fewMatches ? [desc(sql`${entries.publishedAt} + interval '0 s'`), desc(entries.jobId)] : newestFirst))
        .limit(RANK_CANDIDATES + offset)
        .as("candidates");
      const ranked = db
        .select({ id: candidates.id, rank: candidates.rank })
        .from(candidates)
        .orderBy(desc(candidates.rank), desc(candidates.publishedAt), desc(candidates.id))
        .limit(JOBS_PAGE_SIZE)
        .offset(offset)
        .as("ranked");
      return db
        .select(columns)
        .from(ranked)
        .innerJoin(jobs, eq(jobs.id, ranked.id))
        .orderBy(desc(ranked.rank), desc(jobs.publishedAt), desc(jobs.id));
    } else {
      const newest = db
        .select({ id: sql<string>`${entries.jobId}`.as("newest_id") })
        .from(entries)
        .where(where)
        .orderBy(...newestFirst)
        .limit(JOBS_PAGE_SIZE)
        .offset(offset)
        .as("newest");
      return db.select(columns).from(newest).innerJoin(jobs, eq(jobs.id, newest.id)).orderBy(desc(jobs.publishedAt), desc(jobs.id));
    }
  };
  const count = () => {
    const oneWord = byWords && filters.q && conditions.length === 0 ? oneWordQuery(filters.q) : null;
    const counted = !query ? cappedCount(sql`from ${entries} where ${where}`) : oneWord ? wordCount(where, oneWord) : textCount(where);
    // With the nearest software name when nothing matches (a correction needs no statement of its own).
    return countAndNearestQuery(counted, filters.page === 1 ? filters.q : undefined);
  };
  // Each built when read: a page runs the count, then the rows.
  return {
    get rows() {
      return rows();
    },
    get count() {
      return count();
    },
  };
}

/**
 * The public job board: open jobs only, French full-text search (title above description, the
 * last word as a prefix), filters, pages, a count that stops at COUNT_CAP. When the full-text
 * search finds nothing, it searches for the catalogue's nearest software name ("nexcloud" → Nextcloud).
 */
export async function searchJobs(filters: JobFilters) {
  const { nearest, ...exact } = await searchPage(filters);
  if (!filters.q || exact.total > 0 || filters.page !== 1) return { ...exact, correctedTo: null };
  const correctedTo = nearest;
  if (!correctedTo || correctedTo.toLowerCase() === filters.q.toLowerCase()) return { ...exact, correctedTo: null };
  const { nearest: _nearest, ...corrected } = await searchPage({ ...filters, q: correctedTo });
  /** The results are for the catalogue's software name nearest to what was typed (« nexcloud » → Nextcloud). */
  return corrected.total > 0 ? { ...corrected, correctedTo } : { ...exact, correctedTo: null };
}

/**
 * The capped count of a search (and the nearest software name when nothing matches): one
 * statement, two when a one-word search's figures decided nothing (see wordCount).
 */
export async function countJobSearch(filters: JobFilters): Promise<CountAndNearest> {
  const [counted] = await executePrepared<{ count: number | null; nearest: string | null }>(jobSearchQueries(filters).count);
  if (counted && counted.count !== null) return { count: counted.count, nearest: counted.nearest };
  const [general] = await executePrepared<CountAndNearest>(jobSearchQueries(filters, { byWords: false }).count);
  return general ?? { count: 0, nearest: null };
}

/** One page of a search's needs (see jobSearchQueries), as a prepared statement (db/client.ts executePrepared). */
export function listJobSearch(filters: JobFilters, { fewMatches }: { fewMatches: boolean }) {
  return jobSearchQueries(filters, { fewMatches }).rows.prepare("job_search_rows").execute();
}

async function searchPage(filters: JobFilters) {
  // The capped count first: it tells how to fetch the rows.
  const counted = await countJobSearch(filters);
  const { total, totalCapped } = countResult(Number(counted.count));
  const list = total === 0 ? [] : await listJobSearch(filters, { fewMatches: !totalCapped });
  return { total, totalCapped, page: filters.page, pages: Math.max(1, Math.ceil(total / JOBS_PAGE_SIZE)), jobs: list, nearest: counted.nearest };
}

/**
 * One job as `actor` may see it. Everyone sees an open job's public summary; the organisation's
 * members see their own drafts; confidential details go only to the organisation's members,
 * admins, and verified experts who accepted the job's NDA.
 */
export async function getJobForViewer(actor: Actor | null, jobId: string) {
  if (!isUuidLike(jobId)) return null;
  // With its software names and moderation in the same statement (a public page renders in at most three).
  const [job] = await db
    .select({ ...publicColumns, software: softwareNames, moderation: moderationVisibility("job", sql`"jobs"."id"`), trainingNeed: jobs.trainingNeed, organizationId: jobs.organizationId, confidentialDetails: jobs.confidentialDetails, wizardStep: jobs.wizardStep, needs: jobs.needs })
    .from(jobs)
    .where(eq(jobs.id, jobId));
  if (!job) return null;
  const isMember = actor?.role === "client"
    ? (await db.select().from(organizationMembers).where(and(eq(organizationMembers.organizationId, job.organizationId), eq(organizationMembers.userId, actor.id)))).length > 0
    : false;
  if (job.status === "draft" && !isMember) return null;
  let ndaAccepted = false;
  let canAcceptNda = false;
  if (actor?.role === "expert") {
    const [profile] = await db.select({ status: expertProfiles.status }).from(expertProfiles).where(eq(expertProfiles.userId, actor.id));
    const verified = profile?.status === "verified";
    ndaAccepted =
      verified && (await db.select().from(jobNdaAcceptances).where(and(eq(jobNdaAcceptances.jobId, jobId), eq(jobNdaAcceptances.userId, actor.id)))).length > 0;
    canAcceptNda = verified && !ndaAccepted && job.status === "open";
  }
  const seesConfidential = isMember || isAdmin(actor) || ndaAccepted;
  const { confidentialDetails, organizationId: _org, needs, wizardStep, trainingNeed, software, moderation, ...publicJob } = job;
  return {
    job: publicJob,
    /** A training need's objectives, level, hours, format, places, dates and Qualiopi wish (public, like the description). */
    trainingNeed: publicJob.kind === "training" ? trainingNeed : null,
    software,
    /** The moderation decision's visibility (null: none), for the page's hiddenFrom. */
    moderation,
    confidentialDetails: seesConfidential ? confidentialDetails : null,
    hasConfidentialDetails: confidentialDetails.length > 0,
    isMember,
    needs: isMember || isAdmin(actor) ? needs : null,
    wizardStep: isMember ? wizardStep : null,
    canAcceptNda,
  };
}

/** The client's organisation's jobs, newest first. */
export async function listMyJobs(actor: Actor | null) {
  const client = requireRole(actor, "client");
  return db
    .select({
      id: jobs.id,
      title: jobs.title,
      status: jobs.status,
      wizardStep: jobs.wizardStep,
      publishedAt: jobs.publishedAt,
      updatedAt: jobs.updatedAt,
      /** Bids still in the running, or accepted (withdrawn and declined ones left out). */
      bidCount: sql<number>`(select count(*)::int from ${bids} where ${bids.jobId} = ${jobs.id} and ${bids.status} in ('submitted', 'shortlisted', 'accepted'))`,
    })
    .from(jobs)
    .innerJoin(organizationMembers, eq(organizationMembers.organizationId, jobs.organizationId))
    .where(eq(organizationMembers.userId, client.id))
    .orderBy(desc(jobs.updatedAt));
}
