import { asc, count, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, expertProfiles, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { missingForSubmission, todayIso, urssafState } from "./completeness";
import { profileDetails } from "./queries";
import { isValidSiret } from "@/lib/organizations/identifiers";
import { isUuidLike } from "@/lib/ids";

/** Submitted profiles, oldest first, with how long each has waited. */
export async function getVettingQueue(actor: Actor | null) {
  requireRole(actor, "admin");
  return db
    .select({
      id: expertProfiles.id,
      displayName: expertProfiles.displayName,
      headline: expertProfiles.headline,
      email: users.email,
      submittedAt: expertProfiles.submittedAt,
      waitingHours: sql<number>`floor(extract(epoch from now() - ${expertProfiles.submittedAt}) / 3600)::int`,
    })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(expertProfiles.status, "submitted"))
    .orderBy(asc(expertProfiles.submittedAt));
}

/** Queue size and the median time the queued profiles have waited, in hours. */
export async function getVettingStats(actor: Actor | null) {
  requireRole(actor, "admin");
  const [row] = await db
    .select({
      queued: count(),
      medianWaitHours: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from now() - ${expertProfiles.submittedAt}) / 3600)`,
    })
    .from(expertProfiles)
    .where(eq(expertProfiles.status, "submitted"));
  return { queued: row?.queued ?? 0, medianWaitHours: row?.medianWaitHours === null || row?.medianWaitHours === undefined ? null : Number(row.medianWaitHours) };
}

/** Everything an admin needs to decide: the profile, its evidence, automatic checks and history. */
export async function getVettingDetail(actor: Actor | null, profileId: string) {
  requireRole(actor, "admin");
  if (!isUuidLike(profileId)) return null;
  const [row] = await db
    .select({ profile: expertProfiles, email: users.email })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(expertProfiles.id, profileId));
  if (!row) return null;
  const details = await profileDetails(profileId);
  const today = todayIso();
  const history = await db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.subjectType} = 'expert_profile' and ${auditLog.subjectId} = ${profileId}`)
    .orderBy(asc(auditLog.createdAt));
  const { profile } = row;
  return {
    ...row,
    ...details,
    history,
    missing: missingForSubmission(profile, details.skills.length, details.evidence, today),
    checks: {
      siretFormat: !!profile.siret && isValidSiret(profile.siret),
      insuranceValid: !!profile.insuranceExpiresOn && profile.insuranceExpiresOn > today,
      urssaf: urssafState(details.evidence, today),
      skillsBacked: details.evidence.some((e) => e.kind === "certification") || details.references.length > 0,
    },
  };
}
