import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { sessions, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";

export const suspendUserSchema = z.object({
  userId: z.uuid(),
  reason: z.string().trim().min(5, { error: "reasonRequired" }).max(2000, { error: "tooLong" }),
});

export type SuspensionError = "invalid" | "not_found" | "self" | "already";

/** An admin suspends an account: every session ends now, so access stops at the next request. */
export async function suspendUser(
  actor: Actor | null,
  input: z.input<typeof suspendUserSchema>,
): Promise<Result<void, SuspensionError>> {
  const admin = requireRole(actor, "admin");
  const parsed = suspendUserSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", { reason: "reasonRequired" });
  const { userId, reason } = parsed.data;
  if (userId === admin.id) return fail("self");
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) return fail("not_found");
    if (target.suspendedAt) return fail("already");
    await tx.update(users).set({ suspendedAt: new Date() }).where(eq(users.id, userId));
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    await recordAudit(tx, {
      actorId: admin.id,
      action: "user.suspended",
      subjectType: "user",
      subjectId: userId,
      fromStatus: "active",
      toStatus: "suspended",
      reason,
    });
    return ok(undefined);
  });
}

export async function reinstateUser(
  actor: Actor | null,
  input: z.input<typeof suspendUserSchema>,
): Promise<Result<void, SuspensionError>> {
  const admin = requireRole(actor, "admin");
  const parsed = suspendUserSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", { reason: "reasonRequired" });
  const { userId, reason } = parsed.data;
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!target) return fail("not_found");
    if (!target.suspendedAt) return fail("already");
    await tx.update(users).set({ suspendedAt: null }).where(eq(users.id, userId));
    await recordAudit(tx, {
      actorId: admin.id,
      action: "user.reinstated",
      subjectType: "user",
      subjectId: userId,
      fromStatus: "suspended",
      toStatus: "active",
      reason,
    });
    return ok(undefined);
  });
}
