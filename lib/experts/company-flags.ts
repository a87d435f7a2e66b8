import "server-only";
import { and, desc, inArray, isNotNull, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { expertProfiles, organizations, verificationRequests } from "@/db/schema";
import { storedCompanyChecks, type CompanyStatus } from "@/lib/companies/check";

/** What the vetting desk must see about the business behind a profile under review. */
export interface CompanyFlags {
  /** The SIRET under review: the one asked for in a change request, else the profile's. */
  siret: string | null;
  /** INSEE's stored answer for it; null when it was never checked (no key, API down). */
  company: CompanyStatus | null;
  /** Other accounts declaring the same SIREN: experts (by their approved SIRET) and client organisations. */
  sharedWith: { kind: "expert" | "organization"; id: string; name: string }[];
  /** The SIRET in force at the last decision, when the one under review differs from it. */
  changedSince: { siret: string | null; decidedAt: Date } | null;
}

export interface ProfileUnderReview {
  id: string;
  siret: string | null;
}

/** Company flags for several profiles at once, from the database only (Sirene is never called here). */
export async function companyFlagsFor(profiles: ProfileUnderReview[]): Promise<Map<string, CompanyFlags>> {
  const flags = new Map<string, CompanyFlags>();
  if (profiles.length === 0) return flags;
  const sirets = profiles.map((p) => p.siret).filter((s): s is string => !!s);
  const sirens = [...new Set(sirets.map((s) => s.slice(0, 9)))];
  const ids = profiles.map((p) => p.id);

  const [experts, orgs, decisions, checks] = await Promise.all([
    sirens.length === 0
      ? []
      : db
          .select({ id: expertProfiles.id, name: expertProfiles.displayName, siret: expertProfiles.siret })
          .from(expertProfiles)
          .where(inArray(sql<string>`left(${expertProfiles.siret}, 9)`, sirens)),
    sirens.length === 0
      ? []
      : db.select({ id: organizations.id, name: organizations.legalName, siren: organizations.siren }).from(organizations).where(inArray(organizations.siren, sirens)),
    db
      .selectDistinctOn([verificationRequests.profileId], {
        profileId: verificationRequests.profileId,
        siret: verificationRequests.decidedSiret,
        decidedAt: verificationRequests.decidedAt,
      })
      .from(verificationRequests)
      .where(and(inArray(verificationRequests.profileId, ids), isNotNull(verificationRequests.decidedAt)))
      .orderBy(verificationRequests.profileId, desc(verificationRequests.decidedAt)),
    storedCompanyChecks(sirets),
  ]);

  for (const profile of profiles) {
    const siren = profile.siret?.slice(0, 9) ?? null;
    const sharedWith: CompanyFlags["sharedWith"] = siren
      ? [
          ...experts.filter((e) => e.id !== profile.id && e.siret?.startsWith(siren)).map((e) => ({ kind: "expert" as const, id: e.id, name: e.name })),
          ...orgs.filter((o) => o.siren === siren).map((o) => ({ kind: "organization" as const, id: o.id, name: o.name })),
        ]
      : [];
    const last = decisions.find((d) => d.profileId === profile.id);
    // Decisions recorded before the SIRET was kept (decided_siret null) cannot tell.
    const changed = last?.decidedAt && last.siret !== null && last.siret !== profile.siret;
    flags.set(profile.id, {
      siret: profile.siret,
      company: profile.siret ? (checks.get(profile.siret) ?? null) : null,
      sharedWith,
      changedSince: changed ? { siret: last.siret, decidedAt: last.decidedAt! } : null,
    });
  }
  return flags;
}
