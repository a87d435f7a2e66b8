import "server-only";
import { asc, count, eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, expertProfiles, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { missingForSubmission, todayIso, urssafState } from "./completeness";
import { openChangeRequest } from "./profile-changes";
import { profileDetails } from "./queries";
import { isValidSiret } from "@/lib/organizations/identifiers";
import { isUuidLike } from "@/lib/ids";
import { companyFlagsFor } from "./company-flags";

/** The SIRET under review: the one a waiting change request asks for, else the profile's. */
const reviewedSiret = sql<string | null>`(case when ${expertProfiles.status} = 'verified' then coalesce((select case when r.changes -> 'siret' is not null
  then r.changes -> 'siret' ->> 'to' else ${expertProfiles.siret} end from verification_requests r
  where r.profile_id = ${expertProfiles.id} and r.decided_at is null and r.changes is not null limit 1), ${expertProfiles.siret}) else ${expertProfiles.siret} end)`;

/** When a verified profile's change request waiting was made (null without one). */
const changesSubmittedAt = sql<Date | null>`(select max(r.submitted_at) from verification_requests r
  where r.profile_id = ${expertProfiles.id} and r.decided_at is null and r.changes is not null)`;
/** Since when a queued profile waits: its submission, or a verified profile's change request. */
const waitingSince = sql`coalesce(case when ${expertProfiles.status} = 'verified' then ${changesSubmittedAt} end, ${expertProfiles.submittedAt})`;
const inQueue = sql`(${expertProfiles.status} = 'submitted' or (${expertProfiles.status} = 'verified' and ${changesSubmittedAt} is not null))`;

/** Submitted profiles and verified profiles' change requests, oldest first, with how long each has waited. */
export async function getVettingQueue(actor: Actor | null) {
  requireRole(actor, "admin");
  const rows = await db
    .select({
      id: expertProfiles.id,
      displayName: expertProfiles.displayName,
      headline: expertProfiles.headline,
      email: users.email,
      status: expertProfiles.status,
      siret: reviewedSiret,
      submittedAt: sql<string>`${waitingSince}`,
      waitingHours: sql<number>`floor(extract(epoch from now() - ${waitingSince}) / 3600)::int`,
    })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(inQueue)
    .orderBy(sql`${waitingSince} asc`);
  const flags = await companyFlagsFor(rows);
  // A verified profile is in the queue for its changes only.
  return rows.map(({ status, submittedAt, ...row }) => ({
    ...row,
    submittedAt: new Date(submittedAt),
    changesOnly: status === "verified",
    companyFlags: flags.get(row.id)!,
  }));
}

/** Queue size and the median time the queued profiles have waited, in hours. */
export async function getVettingStats(actor: Actor | null) {
  requireRole(actor, "admin");
  const [row] = await db
    .select({
      queued: count(),
      medianWaitHours: sql<number | null>`percentile_cont(0.5) within group (order by extract(epoch from now() - ${waitingSince}) / 3600)`,
    })
    .from(expertProfiles)
    .where(inQueue);
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
  const [details, changeRequest] = await Promise.all([profileDetails(profileId), openChangeRequest(db, profileId)]);
  const today = todayIso();
  const history = await db
    .select()
    .from(auditLog)
    .where(sql`${auditLog.subjectType} = 'expert_profile' and ${auditLog.subjectId} = ${profileId}`)
    .orderBy(asc(auditLog.createdAt));
  const { profile } = row;
  const pendingChanges = profile.status === "verified" ? (changeRequest?.changes ?? null) : null;
  const siretUnderReview = pendingChanges?.siret ? pendingChanges.siret.to : profile.siret;
  const companyFlags = (await companyFlagsFor([{ id: profile.id, siret: siretUnderReview }])).get(profile.id)!;
  return {
    ...row,
    ...details,
    history,
    /** A verified profile's changes waiting for a decision: each reviewed field's approved and asked-for value. */
    pendingChanges,
    /** Sirene's stored answer, other accounts on the same SIREN, a SIRET changed since the last decision. */
    companyFlags,
    missing: missingForSubmission(profile, details.skills.length, details.evidence, today),
    checks: {
      siretFormat: !!profile.siret && isValidSiret(profile.siret),
      insuranceValid: !!profile.insuranceExpiresOn && profile.insuranceExpiresOn > today,
      urssaf: urssafState(details.evidence, today),
      skillsBacked: details.evidence.some((e) => e.kind === "certification") || details.references.length > 0,
    },
  };
}
