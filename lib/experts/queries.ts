import "server-only";
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { catalogSoftware, evidenceFiles, expertProfiles, expertReferences, expertSkills } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { missingForSubmission, urssafState } from "./completeness";
import { parisDay } from "@/lib/dates";
import { keptCatalog } from "./catalog-cache";
import { openChangeRequest } from "./profile-changes";

/** Skills, references and evidence of one profile, for its owner or an admin. */
export async function profileDetails(profileId: string) {
  const [skills, references, evidence] = await Promise.all([
    db
      .select({ softwareId: expertSkills.softwareId, level: expertSkills.level, years: expertSkills.years, name: catalogSoftware.name, slug: catalogSoftware.slug })
      .from(expertSkills)
      .innerJoin(catalogSoftware, eq(catalogSoftware.id, expertSkills.softwareId))
      .where(eq(expertSkills.profileId, profileId))
      .orderBy(asc(catalogSoftware.name)),
    db.select().from(expertReferences).where(eq(expertReferences.profileId, profileId)).orderBy(asc(expertReferences.position)),
    db.select().from(evidenceFiles).where(eq(evidenceFiles.profileId, profileId)).orderBy(asc(evidenceFiles.uploadedAt)),
  ]);
  return { skills, references, evidence };
}

/** The expert's own profile with what is missing before submission (null before one exists). */
export async function getMyExpertProfile(actor: Actor | null) {
  const expert = requireRole(actor, "expert");
  const profile = await db.query.expertProfiles.findFirst({ where: eq(expertProfiles.userId, expert.id) });
  if (!profile) return null;
  const [details, changeRequest] = await Promise.all([profileDetails(profile.id), openChangeRequest(db, profile.id)]);
  const today = parisDay();
  return {
    profile,
    ...details,
    /** Changes to reviewed fields waiting for our team (verified profiles only), and since when. */
    pendingChanges: profile.status === "verified" && changeRequest ? { changes: changeRequest.changes, since: changeRequest.submittedAt } : null,
    missing: missingForSubmission(profile, details.skills.length, details.evidence, today),
    urssaf: urssafState(details.evidence, today),
  };
}

/** The catalogue, for skill pickers and the searches' filters: read once, then kept in the process (see keptCatalog). */
export function listCatalog() {
  return keptCatalog(() =>
    db
      .select({ id: catalogSoftware.id, slug: catalogSoftware.slug, name: catalogSoftware.name, category: catalogSoftware.category })
      .from(catalogSoftware)
      .orderBy(asc(catalogSoftware.name)),
  );
}
