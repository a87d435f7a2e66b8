import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { groundSchema } from "@/lib/moderation/schemas";
import { recordStatement } from "@/lib/moderation/statements";

export const suspensionSchema = z.object({
  userId: z.uuid({ error: "required" }),
  reason: z.string().trim().min(5, { error: "reasonRequired" }).max(2000, { error: "tooLong" }),
  /** The clause of the terms or the law relied on, for the statement of reasons (DSA art. 17). */
  ground: groundSchema.optional().default("terms_conduct"),
});

export type SuspensionInput = z.input<typeof suspensionSchema>;
export type SuspensionError = "invalid" | "not_found" | "self" | "already";

/** An admin suspends an account: every session ends now, so access stops at the next request. */
export function suspendUser(actor: Actor | null, input: SuspensionInput): Promise<Result<void, SuspensionError>> {
  return changeSuspension(actor, input, true);
}

/** An admin lifts a suspension; the person signs in again with a new link. */
export function reinstateUser(actor: Actor | null, input: SuspensionInput): Promise<Result<void, SuspensionError>> {
  return changeSuspension(actor, input, false);
}

async function changeSuspension(
  actor: Actor | null,
  input: SuspensionInput,
  suspend: boolean,
): Promise<Result<void, SuspensionError>> {
  const admin = requireRole(actor, "admin");
  const parsed = suspensionSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { userId, reason, ground } = parsed.data;
  if (userId === admin.id) return fail("self");
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) return fail("not_found");
    if (!!target.suspendedAt === suspend) return fail("already");
    await tx.update(users).set({ suspendedAt: suspend ? new Date() : null }).where(eq(users.id, userId));
    if (suspend) await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, {
      actor: admin,
      action: suspend ? "user.suspended" : "user.reinstated",
      subjectType: "user",
      subjectId: userId,
      fromStatus: suspend ? "active" : "suspended",
      toStatus: suspend ? "suspended" : "active",
      reason,
    });
    if (suspend) await recordStatement(tx, admin, { userId, restriction: "account_suspended", subjectType: "user", subjectId: userId, facts: reason, ground });
    return ok(undefined);
  });
}
