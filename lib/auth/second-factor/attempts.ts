import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { adminRecoveryCodes, adminTotpFactors, type AdminTotpFactor, type SecondFactorMethod } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { currentRateLimitCount, hitRateLimit } from "../rate-limit";
import { hashRecoveryCode, newRecoveryCodes } from "./recovery-codes";
import { tryOpenSecret } from "./secret-box";
import { looksLikeTotpCode, matchTotpStep } from "./totp";

/** Wrong codes allowed per admin and window; right codes are never limited. */
export const WRONG_CODE_LIMIT = 5;
export const WRONG_CODE_WINDOW_SECONDS = 15 * 60;

export type CodeFailure = "wrong_code" | "code_used";
export type AttemptFailure = CodeFailure | "rate_limited";

const limitKey = (userId: string) => `second-factor:${userId}`;

/** The admin's factor row, locked: one admin's attempts run one after the other. */
export async function lockFactor(tx: Transaction, userId: string): Promise<AdminTotpFactor | null> {
  const [row] = await tx.select().from(adminTotpFactors).where(eq(adminTotpFactors.userId, userId)).for("update");
  return row ?? null;
}

/**
 * Runs one code attempt under the limit of wrong codes (counters in PostgreSQL). A refusal is
 * counted and audited; the caller returns it (never throws) so that both are committed.
 */
export async function limitedAttempt<T>(
  tx: Transaction,
  userId: string,
  attempt: () => Promise<Result<T, CodeFailure>>,
): Promise<Result<T, AttemptFailure>> {
  if ((await currentRateLimitCount(tx, limitKey(userId), WRONG_CODE_WINDOW_SECONDS)) >= WRONG_CODE_LIMIT) {
    return fail("rate_limited");
  }
  const result = await attempt();
  if (!result.ok) {
    await hitRateLimit(tx, limitKey(userId), WRONG_CODE_LIMIT, WRONG_CODE_WINDOW_SECONDS);
    await recordAudit(tx, { actorId: userId, action: "admin.second_factor_refused", subjectType: "user", subjectId: userId, reason: result.error });
  }
  return result;
}

/** The time step of a code from `sealedSecret`, refusing steps up to `lastUsedStep` (replay). Writes nothing. */
export async function checkTotp(sealedSecret: string, code: string, lastUsedStep: number | null): Promise<Result<number, CodeFailure>> {
  const secret = tryOpenSecret(sealedSecret);
  const step = secret === null ? null : await matchTotpStep(secret, code);
  if (step === null) return fail("wrong_code");
  if (lastUsedStep !== null && step <= lastUsedStep) return fail("code_used");
  return ok(step);
}

/** The enrolled factor: six digits are an authenticator code, anything else a recovery code (used up). */
export async function consumeFactor(tx: Transaction, factor: AdminTotpFactor, code: string): Promise<Result<SecondFactorMethod, CodeFailure>> {
  if (!factor.secret) return fail("wrong_code");
  if (looksLikeTotpCode(code)) {
    const result = await checkTotp(factor.secret, code, factor.lastUsedStep);
    if (!result.ok) return result;
    await tx.update(adminTotpFactors).set({ lastUsedStep: result.value }).where(eq(adminTotpFactors.userId, factor.userId));
    return ok("totp");
  }
  const used = await tx
    .update(adminRecoveryCodes)
    .set({ usedAt: new Date() })
    .where(and(eq(adminRecoveryCodes.userId, factor.userId), eq(adminRecoveryCodes.codeHash, hashRecoveryCode(code)), isNull(adminRecoveryCodes.usedAt)))
    .returning({ id: adminRecoveryCodes.id });
  return used.length > 0 ? ok("recovery_code") : fail("wrong_code");
}

/** Replaces every recovery code of the admin; returns the new ones, to show once. */
export async function replaceRecoveryCodes(tx: Transaction, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  await tx.delete(adminRecoveryCodes).where(eq(adminRecoveryCodes.userId, userId));
  await tx.insert(adminRecoveryCodes).values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}
