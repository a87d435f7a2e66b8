import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { adminTotpFactors } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdminAccount, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { checkTotp, consumeFactor, limitedAttempt, lockFactor, replaceRecoveryCodes, type AttemptFailure } from "./attempts";
import { codeSchema } from "./enrolment";
import { recoveryCodesLeft } from "./verification";

const reenrolSchema = z.object({
  currentCode: z.string({ error: "codeRequired" }).trim().min(1, { error: "codeRequired" }).max(40, { error: "codeInvalid" }),
  newCode: z.string({ error: "codeRequired" }).trim().min(1, { error: "codeRequired" }).max(40, { error: "codeInvalid" }),
});

export type ManagementError = "invalid" | "not_enrolled" | "not_started" | AttemptFailure;

/**
 * A verified admin moves to a new authenticator: a current code (or a recovery code) proves the
 * old factor, a code from the new secret proves the new one. Recovery codes are renewed.
 */
export async function reenrolTotp(
  actor: Actor | null,
  input: { currentCode: string; newCode: string },
): Promise<Result<{ recoveryCodes: string[] }, ManagementError>> {
  const admin = requireRole(actor, "admin");
  const parsed = reenrolSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  return db.transaction(async (tx) => {
    const factor = await lockFactor(tx, admin.id);
    if (!factor?.secret) return fail("not_enrolled");
    if (!factor.pendingSecret) return fail("not_started");
    const pending = factor.pendingSecret;
    // The new code first (it writes nothing), so that a mistyped one uses up no old code.
    const confirmed = await limitedAttempt(tx, admin.id, () => checkTotp(pending, parsed.data.newCode, null));
    if (!confirmed.ok) return fail(confirmed.error, confirmed.error === "rate_limited" ? undefined : { newCode: "codeWrong" });
    const proven = await limitedAttempt(tx, admin.id, () => consumeFactor(tx, factor, parsed.data.currentCode));
    if (!proven.ok) return fail(proven.error, proven.error === "rate_limited" ? undefined : { currentCode: "codeWrong" });
    await tx
      .update(adminTotpFactors)
      .set({ secret: pending, pendingSecret: null, enrolledAt: new Date(), lastUsedStep: confirmed.value })
      .where(eq(adminTotpFactors.userId, admin.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, admin.id);
    await recordAudit(tx, {
      actorId: admin.id,
      action: "admin.second_factor_reenrolled",
      subjectType: "user",
      subjectId: admin.id,
      data: { method: "totp", provenWith: proven.value },
    });
    return ok({ recoveryCodes });
  });
}

/** A verified admin replaces all recovery codes, proving the factor once more. */
export async function regenerateRecoveryCodes(actor: Actor | null, input: { code: string }): Promise<Result<{ recoveryCodes: string[] }, ManagementError>> {
  const admin = requireRole(actor, "admin");
  const parsed = codeSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", { code: "codeRequired" });
  return db.transaction(async (tx) => {
    const factor = await lockFactor(tx, admin.id);
    if (!factor?.secret) return fail("not_enrolled");
    const proven = await limitedAttempt(tx, admin.id, () => consumeFactor(tx, factor, parsed.data.code));
    if (!proven.ok) return proven;
    const left = await recoveryCodesLeft(tx, admin.id);
    const recoveryCodes = await replaceRecoveryCodes(tx, admin.id);
    await recordAudit(tx, {
      actorId: admin.id,
      action: "admin.recovery_codes_regenerated",
      subjectType: "user",
      subjectId: admin.id,
      data: { provenWith: proven.value, unusedCodesReplaced: left },
    });
    return ok({ recoveryCodes });
  });
}

/** What the security page shows: enrolled since when, and how many recovery codes are left. */
export async function getSecondFactorOverview(actor: Actor | null): Promise<{ enrolledAt: Date | null; recoveryCodesLeft: number }> {
  const admin = requireRole(actor, "admin");
  return db.transaction(async (tx) => {
    const [factor] = await tx.select({ enrolledAt: adminTotpFactors.enrolledAt }).from(adminTotpFactors).where(eq(adminTotpFactors.userId, admin.id));
    return { enrolledAt: factor?.enrolledAt ?? null, recoveryCodesLeft: await recoveryCodesLeft(tx, admin.id) };
  });
}

/** Whether an admin account has a factor yet (verification page) or not (enrolment page). */
export async function hasSecondFactor(actor: Actor | null): Promise<boolean> {
  const admin = requireAdminAccount(actor);
  const [factor] = await db.select({ secret: adminTotpFactors.secret }).from(adminTotpFactors).where(eq(adminTotpFactors.userId, admin.id));
  return !!factor?.secret;
}
