import "server-only";
import { and, eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { organizationMembers, organizations, type MemberRole } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireOrgOwner, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fail, ok, type Result } from "@/lib/result";
import { fieldErrors } from "@/lib/actions/field-errors";

export const setMemberRoleSchema = z.object({
  organizationId: z.uuid({ error: "required" }),
  userId: z.uuid({ error: "required" }),
  role: z.enum(["owner", "member"], { error: "required" }),
});

export type SetMemberRoleInput = z.input<typeof setMemberRoleSchema>;
export type SetMemberRoleError = "invalid" | "not_member" | "last_owner";

/**
 * An owner of an organisation changes a member's role: promotes a member to owner, or demotes
 * an owner (another one, or themselves) to member. The organisation always keeps at least one
 * owner. The organisation row is locked first, so two owners demoting each other at the same
 * time cannot both succeed, and the actor's own ownership is read after that lock.
 */
export async function setMemberRole(
  actor: Actor | null,
  input: SetMemberRoleInput,
): Promise<Result<{ role: MemberRole; changed: boolean }, SetMemberRoleError>> {
  requireRole(actor, "client");
  const parsed = setMemberRoleSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { organizationId, userId, role } = parsed.data;

  return db.transaction(async (tx) => {
    await tx.select({ id: organizations.id }).from(organizations).where(eq(organizations.id, organizationId)).for("no key update");
    const { actor: owner } = await requireOrgOwner(tx, actor, organizationId);
    const members = await tx
      .select({ userId: organizationMembers.userId, role: organizationMembers.role })
      .from(organizationMembers)
      .where(eq(organizationMembers.organizationId, organizationId));
    const target = members.find((m) => m.userId === userId);
    if (!target) return fail("not_member");
    if (target.role === role) return ok({ role, changed: false });
    if (role === "member" && members.filter((m) => m.role === "owner").length <= 1) return fail("last_owner");

    await tx
      .update(organizationMembers)
      .set({ role })
      .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, userId)));
    await recordAudit(tx, {
      actorId: owner.id,
      action: role === "owner" ? "organization.owner_granted" : "organization.owner_revoked",
      subjectType: "organization",
      subjectId: organizationId,
      fromStatus: target.role,
      toStatus: role,
      data: { userId, self: userId === owner.id },
    });
    return ok({ role, changed: true });
  });
}
