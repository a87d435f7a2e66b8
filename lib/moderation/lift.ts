import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { statementsOfReasons } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/result";
import { reverseRestriction } from "./reverse";
import { liftStatements } from "./statements";

export const liftSchema = z.object({
  statementId: z.uuid({ error: "required" }),
  reason: z.string({ error: "required" }).trim().min(10, { error: "decisionReason" }).max(4000, { error: "tooLong" }),
});

/**
 * An admin lifts a restriction by hand from its statement of reasons, whatever its kind: the
 * content is published again, the account or the expert profile reinstated, a refused profile
 * goes back to review, a withheld payout is sent. The statement is marked reversed
 * (`reinstated`), the person told, the audit log and the transparency report record it.
 */
export async function liftRestriction(actor: Actor | null, input: Record<string, string | undefined>): Promise<Result<void, "invalid" | "not_found" | "reversed">> {
  const admin = requireRole(actor, "admin");
  const parsed = liftSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { statementId, reason } = parsed.data;
  return db.transaction(async (tx) => {
    const [statement] = await tx.select().from(statementsOfReasons).where(eq(statementsOfReasons.id, statementId)).for("update");
    if (!statement) return fail("not_found");
    if (statement.reversedAt) return fail("reversed");
    await reverseRestriction(tx, admin, statement, reason);
    await liftStatements(tx, admin, { restriction: statement.restriction, subjectId: statement.subjectId, reason });
    return ok(undefined);
  });
}
