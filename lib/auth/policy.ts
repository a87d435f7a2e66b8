import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizationMembers, type MemberRole, type OrganizationMember, type UserRole } from "@/db/schema";
import type { Actor } from "./actor";

import { PolicyError } from "./policy-error";

// In a module of its own, which does not query: lib/actions/form-state.ts, which client
// components import, needs it.
export { PolicyError, type PolicyFailure } from "./policy-error";

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw new PolicyError("unauthenticated");
  return actor;
}

/** An admin whose session passed the second factor: the only kind of admin the app obeys. */
export function isAdmin(actor: Actor | null | undefined): boolean {
  return actor?.role === "admin" && !!actor.secondFactor;
}

/**
 * Whether the actor acts as an admin where admins see more than others: true for an admin who
 * passed the second factor; an admin who has not is refused (pages send them to it).
 */
export function actsAsAdmin(actor: Actor): boolean {
  if (actor.role !== "admin") return false;
  if (!actor.secondFactor) throw new PolicyError("second_factor_required");
  return true;
}

/** An admin account, second factor passed or not: only to enrol or verify that factor. */
export function requireAdminAccount(actor: Actor | null): Actor & { sessionId: string } {
  const user = requireUser(actor);
  if (user.role !== "admin" || !user.sessionId) throw new PolicyError("forbidden");
  return { ...user, sessionId: user.sessionId };
}

export function requireRole(actor: Actor | null, ...roles: UserRole[]): Actor {
  const user = requireUser(actor);
  if (!user.role || !roles.includes(user.role)) throw new PolicyError("forbidden");
  if (user.role === "admin" && !user.secondFactor) throw new PolicyError("second_factor_required");
  return user;
}

/** The actor must be a client member of the organisation (with one of `roles`, when given). */
export async function requireOrgMember(
  executor: Executor,
  actor: Actor | null,
  organizationId: string,
  roles?: MemberRole[],
): Promise<{ actor: Actor; membership: OrganizationMember }> {
  const user = requireRole(actor, "client");
  const [membership] = await executor
    .select()
    .from(organizationMembers)
    .where(and(eq(organizationMembers.organizationId, organizationId), eq(organizationMembers.userId, user.id)))
    .limit(1);
  if (!membership) throw new PolicyError("forbidden");
  if (roles && !roles.includes(membership.role)) throw new PolicyError("forbidden");
  return { actor: user, membership };
}

export function requireOrgOwner(executor: Executor, actor: Actor | null, organizationId: string) {
  return requireOrgMember(executor, actor, organizationId, ["owner"]);
}
