import "server-only";
import { legalMentionsColumns } from "./legal-mentions";
import { randomBytes } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { catalogSoftware, expertProfiles, expertReferences, expertSkills, type ExpertProfile } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { expertProfileSchema, type ExpertProfileInput } from "./schemas";
import { isEditable } from "./verification-machine";
import { checkCompany, refusedCompany } from "@/lib/companies/check";
import { diffReviewedFields, recordPendingChanges } from "./profile-changes";
import type { ReviewedField } from "./reviewed-fields";

export function slugify(text: string): string {
  const base = text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40);
  return `${base || "expert"}-${randomBytes(3).toString("hex")}`;
}

/** Creates the expert's (empty, draft) profile unless it exists; called when the role is chosen. */
export async function createExpertProfile(executor: Executor, user: { id: string; name: string | null; email: string }) {
  await executor
    .insert(expertProfiles)
    .values({ userId: user.id, slug: slugify(user.name ?? user.email.split("@")[0] ?? ""), displayName: user.name ?? "" })
    .onConflictDoNothing({ target: expertProfiles.userId });
}

/** The acting expert's profile row, locked for update when inside a transaction. */
export async function lockOwnProfile(executor: Executor, actor: Actor | null): Promise<ExpertProfile> {
  const expert = requireRole(actor, "expert");
  const [profile] = await executor.select().from(expertProfiles).where(eq(expertProfiles.userId, expert.id)).for("update");
  if (!profile) throw new PolicyError("forbidden");
  return profile;
}

/** Recomputes the text the directory searches: name, headline, bio and skill names. */
export async function refreshSearchText(executor: Executor, profileId: string): Promise<void> {
  await executor.execute(sql`
    update expert_profiles p set search_text = concat_ws(' ', p.display_name, p.headline, p.bio,
      (select string_agg(c.name || ' ' || c.slug, ' ') from expert_skills s join catalog_software c on c.id = s.software_id where s.profile_id = p.id))
    where p.id = ${profileId}`);
}

export type UpdateProfileError = "invalid" | "locked";

/**
 * The expert saves the profile (a draft may be incomplete; submission checks completeness).
 * A verified expert's changes to reviewed fields (SIRET, legal form, VAT regime and number) wait
 * for our team in a change request: the profile stays verified and public with its approved
 * values meanwhile (see profile-changes.ts); every other field takes effect at once.
 */
export async function updateExpertProfile(
  actor: Actor | null,
  input: ExpertProfileInput,
): Promise<Result<{ status: ExpertProfile["status"]; pendingReview: ReviewedField[] }, UpdateProfileError>> {
  requireRole(actor, "expert");
  const parsed = expertProfileSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const data = parsed.data;
  // INSEE's directory is asked before the transaction; a closed or unknown business is refused.
  const refusal = data.siret ? refusedCompany(await checkCompany(data.siret)) : null;
  if (refusal) return fail("invalid", { siret: refusal });

  return db.transaction(async (tx) => {
    const profile = await lockOwnProfile(tx, actor);
    if (!isEditable(profile.status)) return fail("locked");
    if (data.skills.length > 0) {
      const known = await tx
        .select({ id: catalogSoftware.id })
        .from(catalogSoftware)
        .where(inArray(catalogSoftware.id, data.skills.map((s) => s.softwareId)));
      const unknown = data.skills.findIndex((s) => !known.some((k) => k.id === s.softwareId));
      if (unknown >= 0) return fail("invalid", { [`skills.${unknown}.softwareId`]: "required" });
    }
    const proposed = {
      legalForm: data.legalForm ?? null,
      siret: data.siret ?? null,
      vatRegime: data.vatRegime ?? null,
      vatNumber: data.vatRegime === "vat_registered" ? (data.vatNumber ?? null) : null,
    };
    const verified = profile.status === "verified";
    // A verified profile keeps its approved reviewed values until a decision on the change request.
    const reviewed = verified ? { legalForm: profile.legalForm, siret: profile.siret, vatRegime: profile.vatRegime, vatNumber: profile.vatNumber } : proposed;

    await tx
      .update(expertProfiles)
      .set({
        displayName: data.displayName,
        headline: data.headline ?? "",
        bio: data.bio ?? "",
        serviceKinds: data.serviceKinds,
        dailyRateCents: data.dailyRateEuros === undefined ? null : data.dailyRateEuros * 100,
        departments: data.departments,
        remoteOk: data.remoteOk,
        vatOnDebits: data.vatOnDebits,
        languages: data.languages,
        ...reviewed,
        ...legalMentionsColumns(data),
        insurer: data.insurer ?? null,
        insurancePolicyNumber: data.insurancePolicyNumber ?? null,
        insuranceExpiresOn: data.insuranceExpiresOn ?? null,
        links: data.links,
        publicFields: data.publicFields,
        updatedAt: new Date(),
      })
      .where(eq(expertProfiles.id, profile.id));

    await tx.delete(expertSkills).where(eq(expertSkills.profileId, profile.id));
    if (data.skills.length > 0) {
      await tx.insert(expertSkills).values(data.skills.map((s) => ({ profileId: profile.id, ...s })));
    }
    await tx.delete(expertReferences).where(eq(expertReferences.profileId, profile.id));
    if (data.references.length > 0) {
      await tx.insert(expertReferences).values(data.references.map((r, position) => ({ profileId: profile.id, position, ...r })));
    }
    await refreshSearchText(tx, profile.id);

    const pendingReview = verified ? await recordPendingChanges(tx, profile, diffReviewedFields(profile, proposed)) : [];
    return ok({ status: profile.status, pendingReview });
  });
}
