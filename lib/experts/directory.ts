import "server-only";
import { and, desc, eq, getTableColumns, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db, executePrepared } from "@/db/client";
import { evidenceFiles, expertProfiles, serviceKind } from "@/db/schema";
import { isDepartementCode } from "@/lib/geo/departements";
import { moderationVisibility } from "@/lib/moderation/visibility";
import { cappedCount, countAndNearestQuery, countResult, frenchTextQuery, RANK_CANDIDATES, type CountAndNearest } from "@/lib/search/text-query";
import { urssafState } from "./completeness";

export const PAGE_SIZE = 12;

export const directoryFiltersSchema = z.object({
  q: z.string().trim().max(100).optional().catch(undefined),
  software: z.string().trim().max(60).optional().catch(undefined),
  kind: z.enum(serviceKind.enumValues).optional().catch(undefined),
  departement: z
    .string()
    .trim()
    .toUpperCase()
    .optional()
    .transform((v) => (v && isDepartementCode(v) ? v : undefined))
    .catch(undefined),
  remote: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "on" || v === "true")
    .catch(false),
  maxRate: z.coerce.number().int().positive().max(100_000).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(1000).default(1).catch(1),
});

export type DirectoryFilters = z.output<typeof directoryFiltersSchema>;

const directoryColumns = {
  id: expertProfiles.id,
  slug: expertProfiles.slug,
  displayName: expertProfiles.displayName,
  headline: expertProfiles.headline,
  dailyRateCents: expertProfiles.dailyRateCents,
  departments: expertProfiles.departments,
  remoteOk: expertProfiles.remoteOk,
  serviceKinds: expertProfiles.serviceKinds,
  verifiedAt: expertProfiles.verifiedAt,
  /** The six best skills, in one sub-select (no extra round trip per page); the outer column spelled out (see softwareNames in lib/jobs/queries.ts). */
  skills: sql<string[]>`array(select c.name from expert_skills s join catalog_software c on c.id = s.software_id
    where s.profile_id = "expert_profiles"."id" order by s.level desc, c.name limit 6)`,
};

/** The stored document the partial index expert_profiles_verified_search_idx covers (verified profiles). */
const searchDocument = expertProfiles.search;

/** The directory's filters other than the text: verified experts, software, kind, place, rate. */
function filterConditions(filters: DirectoryFilters): SQL[] {
  // Literal 'verified' (not a parameter) so that the partial indexes serve every plan.
  const conditions: SQL[] = [
    sql`${expertProfiles.status} = 'verified'`,
    // A profile a moderation decision removed or restricted leaves the public directory ("not in":
    // read once into a hash table, as the job board's, lib/jobs/search-count.ts).
    sql`${expertProfiles.id} not in (select m.target_id from moderated_content m where m.target_type = 'expert')`,
  ];
  if (filters.software) {
    conditions.push(sql`exists (select 1 from expert_skills s join catalog_software c on c.id = s.software_id
      where s.profile_id = ${expertProfiles.id} and c.slug = ${filters.software})`);
  }
  if (filters.kind) conditions.push(sql`${filters.kind} = any(${expertProfiles.serviceKinds})`);
  if (filters.departement && filters.remote) {
    conditions.push(sql`(${filters.departement} = any(${expertProfiles.departments}) or ${expertProfiles.remoteOk})`);
  } else if (filters.departement) {
    conditions.push(sql`${filters.departement} = any(${expertProfiles.departments})`);
  } else if (filters.remote) {
    conditions.push(eq(expertProfiles.remoteOk, true));
  }
  if (filters.maxRate) conditions.push(sql`${expertProfiles.dailyRateCents} <= ${filters.maxRate * 100}`);
  return conditions;
}

/** The directory's search, unexecuted: one page of rows and the capped count (see searchExperts). */
export function expertSearchQueries(filters: DirectoryFilters) {
  const conditions = filterConditions(filters);
  // A sub-select: computed once per run, also under a prepared statement's generic plan (see lib/jobs/queries.ts).
  const query = filters.q ? sql`(select ${frenchTextQuery(filters.q)})` : null;
  if (query) conditions.push(sql`${searchDocument} @@ ${query}`);
  const where = and(...conditions);
  const offset = (filters.page - 1) * PAGE_SIZE;
  const rows = () => {
    if (query) {
      // Relevance (text rank plus the level of matching skills) ranks a bounded set: the most
      // recently verified matches, ranked as they are read; only the page's rows are read again.
      // A select-list expression: the outer column spelled out (see directoryColumns.skills).
      // The skills' part in one aggregate over the experts who have a matching software (joined,
      // not looked up again for each candidate); the catalogue's matching software looked up once.
      const skillBonus = sql`(select s.profile_id, sum(s.level) * 0.2 as bonus from expert_skills s
        where s.software_id = any(array(select c.id from catalog_software c where c.search @@ ${query}))
        group by s.profile_id) as skill_bonus`;
      const relevance = sql<number>`ts_rank("expert_profiles"."search", ${query}) + coalesce(skill_bonus.bonus, 0)`;
      const candidates = db
        .select({
          id: sql<string>`${expertProfiles.id}`.as("candidate_id"),
          verifiedAt: sql<Date>`${expertProfiles.verifiedAt}`.as("candidate_verified_at"),
          relevance: relevance.as("candidate_relevance"),
        })
        .from(expertProfiles)
        .leftJoin(skillBonus, sql`skill_bonus.profile_id = ${expertProfiles.id}`)
        .where(where)
        .orderBy(desc(expertProfiles.verifiedAt), expertProfiles.id)
        .limit(RANK_CANDIDATES + offset)
        .as("candidates");
      const ranked = db
        .select({ id: candidates.id, relevance: candidates.relevance })
        .from(candidates)
        .orderBy(desc(candidates.relevance), desc(candidates.verifiedAt), candidates.id)
        .limit(PAGE_SIZE)
        .offset(offset)
        .as("ranked");
      return db
        .select(directoryColumns)
        .from(ranked)
        .innerJoin(expertProfiles, eq(expertProfiles.id, ranked.id))
        .orderBy(desc(ranked.relevance), desc(expertProfiles.verifiedAt), expertProfiles.id);
    } else {
      return db.select(directoryColumns).from(expertProfiles).where(where).orderBy(desc(expertProfiles.verifiedAt), expertProfiles.id).limit(PAGE_SIZE).offset(offset);
    }
  };
  // Each built when read: a page runs the count, then the rows.
  return {
    get rows() {
      return rows();
    },
    // With the nearest software name when nothing matches (a correction needs no statement of its own).
    get count() {
      return countAndNearestQuery(cappedCount(sql`from ${expertProfiles} where ${where}`), filters.page === 1 ? filters.q : undefined);
    },
  };
}

/**
 * The public directory: verified experts only, filtered, ranked by relevance (French full-text
 * match on name, headline, bio and skills, the last word as a prefix, plus skill levels), a
 * count that stops at COUNT_CAP. When the full-text search finds nothing, it searches for the
 * catalogue's nearest software name ("nexcloud" → Nextcloud).
 */
export async function searchExperts(filters: DirectoryFilters) {
  const { nearest, ...exact } = await searchPage(filters);
  if (!filters.q || exact.total > 0 || filters.page !== 1) return { ...exact, correctedTo: null };
  const correctedTo = nearest;
  if (!correctedTo || correctedTo.toLowerCase() === filters.q.toLowerCase()) return { ...exact, correctedTo: null };
  const { nearest: _nearest, ...corrected } = await searchPage({ ...filters, q: correctedTo });
  /** The results are for the catalogue's software name nearest to what was typed (« nexcloud » → Nextcloud). */
  return corrected.total > 0 ? { ...corrected, correctedTo } : { ...exact, correctedTo: null };
}

/** The capped count of a directory search (and the nearest software name when nothing matches), as a prepared statement (db/client.ts executePrepared). */
export async function countExpertSearch(filters: DirectoryFilters): Promise<CountAndNearest> {
  const [counted] = await executePrepared<CountAndNearest>(expertSearchQueries(filters).count);
  return counted ?? { count: 0, nearest: null };
}

/** One page of a directory search's experts, as a prepared statement. */
export function listExpertSearch(filters: DirectoryFilters) {
  return expertSearchQueries(filters).rows.prepare("expert_search_rows").execute();
}

async function searchPage(filters: DirectoryFilters) {
  // The capped count first, as the job board: nothing to fetch when nothing matches.
  const counted = await countExpertSearch(filters);
  const { total, totalCapped } = countResult(Number(counted.count));
  const list = total === 0 ? [] : await listExpertSearch(filters);
  return { total, totalCapped, page: filters.page, pages: Math.max(1, Math.ceil(total / PAGE_SIZE)), experts: list, nearest: counted.nearest };
}

/** One verified expert's public page: only what the expert chose to show, never private fields. */
export async function getPublicExpert(slug: string) {
  // One statement (a public page's budget is three): skills, references, evidence dates and moderation in sub-selects.
  const { search: _search, ...profileColumns } = getTableColumns(expertProfiles);
  const [found] = await db
    .select({
      profile: profileColumns,
      skills: sql<{ name: string; slug: string; level: number; years: number }[]>`coalesce((select json_agg(json_build_object('name', c.name, 'slug', c.slug, 'level', s.level, 'years', s.years) order by s.level desc, c.name)
        from expert_skills s join catalog_software c on c.id = s.software_id where s.profile_id = "expert_profiles"."id"), '[]'::json)`,
      references: sql<{ clientType: string; project: string; year: number }[]>`coalesce((select json_agg(json_build_object('clientType', r.client_type, 'project', r.project, 'year', r.year) order by r.position)
        from expert_references r where r.profile_id = "expert_profiles"."id"), '[]'::json)`,
      evidence: sql<{ kind: (typeof evidenceFiles.$inferSelect)["kind"]; issuedOn: string | null }[]>`coalesce((select json_agg(json_build_object('kind', e.kind, 'issuedOn', e.issued_on))
        from evidence_files e where e.profile_id = "expert_profiles"."id"), '[]'::json)`,
      moderation: moderationVisibility("expert", sql`"expert_profiles"."id"`),
    })
    .from(expertProfiles)
    .where(and(eq(expertProfiles.slug, slug), sql`${expertProfiles.status} = 'verified'`));
  if (!found) return null;
  const { profile, skills, evidence } = found;
  const shown = new Set(profile.publicFields);
  const references = shown.has("references") ? found.references : [];
  return {
    id: profile.id,
    /** The moderation decision's visibility (null: none), for the page's hiddenFrom. */
    moderation: found.moderation,
    slug: profile.slug,
    displayName: profile.displayName,
    headline: profile.headline,
    photoUrl: shown.has("photo") && profile.photoKey ? `/api/experts/photo/${profile.id}?v=${profile.updatedAt.getTime()}` : null,
    bio: shown.has("bio") ? profile.bio : null,
    links: shown.has("links") ? profile.links : null,
    languages: shown.has("languages") ? profile.languages : null,
    legalForm: shown.has("legalForm") ? profile.legalForm : null,
    serviceKinds: profile.serviceKinds,
    dailyRateCents: profile.dailyRateCents,
    departments: profile.departments,
    remoteOk: profile.remoteOk,
    verifiedAt: profile.verifiedAt,
    skills,
    references,
    urssafStale: urssafState(evidence) === "stale",
  };
}
