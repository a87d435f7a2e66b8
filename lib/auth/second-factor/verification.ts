import "server-only";
import { and, count, eq, isNull } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { adminRecoveryCodes, type SecondFactorMethod } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireAdminAccount } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { consumeFactor, limitedAttempt, lockFactor, type AttemptFailure } from "./attempts";
import { codeSchema } from "./enrolment";
import { markSessionSecondFactor } from "./session";

export type VerificationError = "invalid" | "not_enrolled" | AttemptFailure;

export async function recoveryCodesLeft(tx: Transaction, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(adminRecoveryCodes)
    .where(and(eq(adminRecoveryCodes.userId, userId), isNull(adminRecoveryCodes.usedAt)));
  return row?.n ?? 0;
}

/**
 * An admin passes the second factor for this session with an authenticator code (once per time
 * step) or a recovery code (once ever). Other sessions of the same admin are not affected.
 */
export async function verifySecondFactor(actor: Actor | null, input: { code: string }): Promise<Result<{ method: SecondFactorMethod }, VerificationError>> {
  const admin = requireAdminAccount(actor);
  const parsed = codeSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", { code: "codeRequired" });
  return db.transaction(async (tx) => {
    const factor = await lockFactor(tx, admin.id);
    if (!factor?.secret) return fail("not_enrolled");
    const checked = await limitedAttempt(tx, admin.id, () => consumeFactor(tx, factor, parsed.data.code));
    if (!checked.ok) return checked;
    const method = checked.value;
    await markSessionSecondFactor(tx, admin, method);
    await recordAudit(tx, {
      actorId: admin.id,
      action: method === "totp" ? "admin.second_factor_verified" : "admin.recovery_code_used",
      subjectType: "user",
      subjectId: admin.id,
      data: method === "totp" ? { method } : { method, recoveryCodesLeft: await recoveryCodesLeft(tx, admin.id) },
    });
    return ok({ method });
  });
}
