import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { adminTotpFactors } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdminAccount, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { checkTotp, limitedAttempt, lockFactor, replaceRecoveryCodes, type AttemptFailure } from "./attempts";
import { openSecret, sealSecret, tryOpenSecret } from "./secret-box";
import { markSessionSecondFactor } from "./session";
import { newTotpSecret, totpUri } from "./totp";

export const codeSchema = z.object({ code: z.string({ error: "codeRequired" }).trim().min(1, { error: "codeRequired" }).max(40, { error: "codeInvalid" }) });

export interface PendingTotp {
  secret: string;
  uri: string;
}

/**
 * The new secret shown on the enrolment page, kept until a code from it is entered (reloading the
 * page shows the same one). An admin who already has a factor must have passed it to get one.
 */
export async function pendingTotpSecret(actor: Actor | null): Promise<PendingTotp> {
  const admin = requireAdminAccount(actor);
  const [existing] = await db.select().from(adminTotpFactors).where(eq(adminTotpFactors.userId, admin.id));
  if (existing?.secret) requireRole(actor, "admin");
  // A pending secret sealed under a former AUTH_SECRET is replaced.
  const kept = existing?.pendingSecret && tryOpenSecret(existing.pendingSecret) !== null ? existing.pendingSecret : null;
  const [row] = await db
    .insert(adminTotpFactors)
    .values({ userId: admin.id, pendingSecret: sealSecret(newTotpSecret()) })
    .onConflictDoUpdate({
      target: adminTotpFactors.userId,
      set: { pendingSecret: kept === null ? sql`excluded.pending_secret` : sql`coalesce(${adminTotpFactors.pendingSecret}, excluded.pending_secret)` },
    })
    .returning({ pendingSecret: adminTotpFactors.pendingSecret });
  const secret = openSecret(row?.pendingSecret ?? "");
  return { secret, uri: totpUri(secret, admin.email) };
}

export type EnrolmentError = "invalid" | "already_enrolled" | "not_started" | AttemptFailure;

/**
 * First enrolment: a code from the pending secret makes it the admin's factor, passes the second
 * factor for this session and returns ten recovery codes, shown once.
 */
export async function confirmTotpEnrolment(actor: Actor | null, input: { code: string }): Promise<Result<{ recoveryCodes: string[] }, EnrolmentError>> {
  const admin = requireAdminAccount(actor);
  const parsed = codeSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", { code: "codeRequired" });
  return db.transaction(async (tx) => {
    const factor = await lockFactor(tx, admin.id);
    if (factor?.secret) return fail("already_enrolled");
    if (!factor?.pendingSecret) return fail("not_started");
    const pending = factor.pendingSecret;
    const checked = await limitedAttempt(tx, admin.id, () => checkTotp(pending, parsed.data.code, null));
    if (!checked.ok) return checked;
    await tx
      .update(adminTotpFactors)
      .set({ secret: pending, pendingSecret: null, enrolledAt: new Date(), lastUsedStep: checked.value })
      .where(eq(adminTotpFactors.userId, admin.id));
    const recoveryCodes = await replaceRecoveryCodes(tx, admin.id);
    await markSessionSecondFactor(tx, admin, "totp");
    await recordAudit(tx, { actorId: admin.id, action: "admin.second_factor_enrolled", subjectType: "user", subjectId: admin.id, data: { method: "totp" } });
    return ok({ recoveryCodes });
  });
}
