import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { evidenceFiles, expertProfiles, expertSkills, sessions, users, verificationRequests, type ExpertProfile } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import type { ExpertDecision } from "@/emails/ExpertDecisionEmail";
import { missingForSubmission, type MissingItem } from "./completeness";
import { lockOwnProfile } from "./profile";
import { applyProfileChanges, openChangeRequest } from "./profile-changes";
import { decisionSchema, type DecisionInput } from "./schemas";
import { nextVerificationStatus, type VerificationEvent } from "./verification-machine";
import { appUrl } from "@/lib/http/app-url";
import { recordStatement } from "@/lib/moderation/statements";
import type { RestrictionGround } from "@/db/schema";

export type SubmitError = "incomplete" | "illegal_transition";

/** The expert submits the complete profile for verification; a new verification request opens. */
export async function submitProfile(
  actor: Actor | null,
): Promise<Result<void, SubmitError> & { missing?: MissingItem[] }> {
  return db.transaction(async (tx) => {
    const profile = await lockOwnProfile(tx, actor);
    const next = nextVerificationStatus(profile.status, "submit");
    if (!next) return fail("illegal_transition");
    const [skills, evidence] = await Promise.all([
      tx.select({ id: expertSkills.softwareId }).from(expertSkills).where(eq(expertSkills.profileId, profile.id)),
      tx.select().from(evidenceFiles).where(eq(evidenceFiles.profileId, profile.id)),
    ]);
    const missing = missingForSubmission(profile, skills.length, evidence);
    if (missing.length > 0) return { ...fail("incomplete"), missing };
    await tx
      .update(expertProfiles)
      .set({ status: next, submittedAt: new Date(), statusReason: null, updatedAt: new Date() })
      .where(eq(expertProfiles.id, profile.id));
    await tx.insert(verificationRequests).values({ profileId: profile.id });
    await recordAudit(tx, {
      actorId: profile.userId,
      action: "expert.submitted",
      subjectType: "expert_profile",
      subjectId: profile.id,
      fromStatus: profile.status,
      toStatus: next,
    });
    return ok(undefined);
  });
}

async function lockProfile(tx: Transaction, profileId: string) {
  const [row] = await tx
    .select({ profile: expertProfiles, email: users.email, locale: users.locale })
    .from(expertProfiles)
    .innerJoin(users, eq(users.id, expertProfiles.userId))
    .where(eq(expertProfiles.id, profileId))
    .for("update", { of: expertProfiles });
  return row ?? null;
}

/** Moves the profile, writes the audit row and emails the expert in their language, in one go. */
async function applyDecision(
  tx: Transaction,
  admin: Actor,
  target: { profile: ExpertProfile; email: string; locale: "fr" | "en" },
  event: VerificationEvent,
  reason: string | null,
  ground: RestrictionGround = event === "suspend" ? "terms_conduct" : "terms_vetting",
): Promise<Result<void, "illegal_transition">> {
  const { profile } = target;
  const next = nextVerificationStatus(profile.status, event);
  if (!next) return fail("illegal_transition");
  const now = new Date();
  await tx
    .update(expertProfiles)
    .set({
      status: next,
      statusReason: reason,
      updatedAt: now,
      ...(event === "approve" ? { verifiedAt: now } : {}),
    })
    .where(eq(expertProfiles.id, profile.id));
  await recordAudit(tx, {
    actor: admin,
    action: `expert.${event}`,
    subjectType: "expert_profile",
    subjectId: profile.id,
    fromStatus: profile.status,
    toStatus: next,
    reason,
  });
  if (event === "reject" || event === "suspend") {
    const restriction = event === "reject" ? "profile_refused" : "profile_suspended";
    await recordStatement(tx, admin, { userId: profile.userId, restriction, subjectType: "expert_profile", subjectId: profile.id, facts: reason ?? "", ground });
  }
  const decision: ExpertDecision = event === "reinstate" ? "reinstated" : (next as ExpertDecision);
  await sendEmail(tx, {
    template: "expert-decision",
    to: target.email,
    idempotencyKey: `expert-decision:${profile.id}:${event}:${now.getTime()}`,
    props: { locale: target.locale, decision, reason, url: appUrl("/expert/profile") },
  });
  return ok(undefined);
}

export type DecideError = "invalid" | "not_found" | "illegal_transition";

/**
 * An admin decides on a verified profile's change request: approval applies the new values
 * (they become the public and contractual ones), a refusal discards them with the reason; the
 * profile stays verified either way. The expert is emailed in their language.
 */
async function decideChanges(
  tx: Transaction,
  admin: Actor,
  target: { profile: ExpertProfile; email: string; locale: "fr" | "en" },
  request: NonNullable<Awaited<ReturnType<typeof openChangeRequest>>>,
  input: { decision: "approve" | "request_changes" | "reject"; reason: string | null; checklist: Record<string, boolean> },
): Promise<Result<void, DecideError>> {
  const approved = input.decision === "approve";
  const now = new Date();
  if (approved) await applyProfileChanges(tx, target.profile.id, request.changes);
  await tx
    .update(verificationRequests)
    .set({
      decidedAt: now,
      decidedById: admin.id,
      decision: approved ? "verified" : nextVerificationStatus("submitted", input.decision),
      reason: input.reason,
      checklist: input.checklist,
      decidedSiret: approved && request.changes.siret ? request.changes.siret.to : target.profile.siret,
    })
    .where(eq(verificationRequests.id, request.id));
  await recordAudit(tx, {
    actor: admin,
    action: approved ? "expert.changes_approved" : "expert.changes_refused",
    subjectType: "expert_profile",
    subjectId: target.profile.id,
    reason: input.reason,
    data: { changes: request.changes },
  });
  await sendEmail(tx, {
    template: "expert-decision",
    to: target.email,
    idempotencyKey: `expert-changes:${request.id}`,
    props: { locale: target.locale, decision: approved ? "changes_approved" : "changes_refused", reason: input.reason, url: appUrl("/expert/profile") },
  });
  return ok(undefined);
}

/**
 * An admin decides on a submitted profile: approve, ask for changes or reject (with a reason);
 * on a verified profile, the decision is about its change request waiting (see decideChanges).
 */
export async function decideVerification(actor: Actor | null, input: DecisionInput): Promise<Result<void, DecideError>> {
  const admin = requireRole(actor, "admin");
  const parsed = decisionSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { profileId, decision, reason, checklist } = parsed.data;
  return db.transaction(async (tx) => {
    const target = await lockProfile(tx, profileId);
    if (!target) return fail("not_found");
    if (target.profile.status === "verified") {
      const request = await openChangeRequest(tx, profileId);
      if (!request) return fail("illegal_transition");
      return decideChanges(tx, admin, target, request, { decision, reason: reason || null, checklist });
    }
    const result = await applyDecision(tx, admin, target, decision, reason || null);
    if (!result.ok) return result;
    const [open] = await tx
      .select({ id: verificationRequests.id })
      .from(verificationRequests)
      .where(and(eq(verificationRequests.profileId, profileId), isNull(verificationRequests.decidedAt)))
      .orderBy(desc(verificationRequests.submittedAt))
      .limit(1);
    if (open) {
      await tx
        .update(verificationRequests)
        .set({
          decidedAt: new Date(),
          decidedById: admin.id,
          decision: nextVerificationStatus("submitted", decision),
          reason: reason || null,
          checklist,
          decidedSiret: target.profile.siret,
        })
        .where(eq(verificationRequests.id, open.id));
    }
    return ok(undefined);
  });
}

/** An admin suspends a verified expert (hidden from the directory, sessions ended) or reinstates one. */
export async function setExpertSuspension(
  actor: Actor | null,
  input: { profileId: string; reason: string; suspend: boolean; ground?: RestrictionGround },
): Promise<Result<void, DecideError>> {
  const admin = requireRole(actor, "admin");
  const reason = input.reason.trim();
  if (reason.length < 10) return fail("invalid", { reason: "decisionReason" });
  return db.transaction(async (tx) => {
    const target = await lockProfile(tx, input.profileId);
    if (!target) return fail("not_found");
    const result = await applyDecision(tx, admin, target, input.suspend ? "suspend" : "reinstate", reason, input.ground);
    if (!result.ok) return result;
    if (input.suspend) await tx.delete(sessions).where(eq(sessions.userId, target.profile.userId));
    return ok(undefined);
  });
}
