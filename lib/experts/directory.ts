import { and, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { catalogSoftware, evidenceFiles, expertProfiles, expertReferences, expertSkills, serviceKind } from "@/db/schema";
import { isDepartementCode } from "@/lib/geo/departements";
import { todayIso, urssafState } from "./completeness";

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

/**
 * The public directory: verified experts only, filtered, ranked by relevance (full-text match
 * in French on name, headline, bio and skills, plus skill matches), paginated.
 */
export async function searchExperts(filters: DirectoryFilters) {
  // A profile a moderation decision removed or restricted leaves the public directory.
  const conditions: SQL[] = [
    eq(expertProfiles.status, "verified"),
    sql`not exists (select 1 from moderated_content m where m.target_type = 'expert' and m.target_id = ${expertProfiles.id})`,
  ];
  const q = filters.q;
  const tsQuery = q ? sql`plainto_tsquery('french', ${q})` : null;
  const document = sql`to_tsvector('french', ${expertProfiles.searchText})`;
  if (q && tsQuery) {
    conditions.push(sql`(${document} @@ ${tsQuery} or exists (
      select 1 from expert_skills s join catalog_software c on c.id = s.software_id
      where s.profile_id = ${expertProfiles.id} and (c.name ilike ${`%${q}%`} or c.slug = ${q.toLowerCase()})))`);
  }
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

  const where = and(...conditions);
  const relevance = tsQuery
    ? sql<number>`ts_rank(${document}, ${tsQuery}) + coalesce((select sum(s.level) * 0.2 from expert_skills s join catalog_software c
        on c.id = s.software_id where s.profile_id = ${expertProfiles.id} and (c.name ilike ${`%${q}%`} or c.slug = ${q?.toLowerCase()})), 0)`
    : sql<number>`0::real`;

  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: expertProfiles.id,
        slug: expertProfiles.slug,
        displayName: expertProfiles.displayName,
        headline: expertProfiles.headline,
        dailyRateCents: expertProfiles.dailyRateCents,
        departments: expertProfiles.departments,
        remoteOk: expertProfiles.remoteOk,
        serviceKinds: expertProfiles.serviceKinds,
        verifiedAt: expertProfiles.verifiedAt,
        relevance,
      })
      .from(expertProfiles)
      .where(where)
      .orderBy(desc(relevance), desc(expertProfiles.verifiedAt), expertProfiles.id)
      .limit(PAGE_SIZE)
      .offset((filters.page - 1) * PAGE_SIZE),
    db.select({ count: sql<number>`count(*)::int` }).from(expertProfiles).where(where),
  ]);

  const skills = rows.length
    ? await db
        .select({ profileId: expertSkills.profileId, name: catalogSoftware.name, level: expertSkills.level })
        .from(expertSkills)
        .innerJoin(catalogSoftware, eq(catalogSoftware.id, expertSkills.softwareId))
        .where(inArray(expertSkills.profileId, rows.map((r) => r.id)))
        .orderBy(desc(expertSkills.level), catalogSoftware.name)
    : [];
  const count = Number(total?.count ?? 0);
  return {
    total: count,
    page: filters.page,
    pages: Math.max(1, Math.ceil(count / PAGE_SIZE)),
    experts: rows.map(({ relevance: _relevance, ...row }) => ({
      ...row,
      skills: skills.filter((s) => s.profileId === row.id).slice(0, 6).map((s) => s.name),
    })),
  };
}

/** One verified expert's public page: only what the expert chose to show, never private fields. */
export async function getPublicExpert(slug: string) {
  const profile = await db.query.expertProfiles.findFirst({
    where: and(eq(expertProfiles.slug, slug), eq(expertProfiles.status, "verified")),
  });
  if (!profile) return null;
  const shown = new Set(profile.publicFields);
  const [skills, references, evidence] = await Promise.all([
    db
      .select({ name: catalogSoftware.name, slug: catalogSoftware.slug, level: expertSkills.level, years: expertSkills.years })
      .from(expertSkills)
      .innerJoin(catalogSoftware, eq(catalogSoftware.id, expertSkills.softwareId))
      .where(eq(expertSkills.profileId, profile.id))
      .orderBy(desc(expertSkills.level), catalogSoftware.name),
    shown.has("references")
      ? db
          .select({ clientType: expertReferences.clientType, project: expertReferences.project, year: expertReferences.year })
          .from(expertReferences)
          .where(eq(expertReferences.profileId, profile.id))
          .orderBy(expertReferences.position)
      : Promise.resolve([]),
    db.select({ kind: evidenceFiles.kind, issuedOn: evidenceFiles.issuedOn }).from(evidenceFiles).where(eq(evidenceFiles.profileId, profile.id)),
  ]);
  return {
    id: profile.id,
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
    urssafStale: urssafState(evidence, todayIso()) === "stale",
  };
}
