import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { organizationMembers, type MemberRole, type OrganizationMember, type UserRole } from "@/db/schema";
import type { Actor } from "./actor";

export type PolicyFailure = "unauthenticated" | "forbidden";

/** Thrown when an actor may not do something; actions map it to a 401/403-like state. */
export class PolicyError extends Error {
  constructor(readonly code: PolicyFailure) {
    super(code);
    this.name = "PolicyError";
  }
}

export function requireUser(actor: Actor | null): Actor {
  if (!actor) throw new PolicyError("unauthenticated");
  return actor;
}

export function requireRole(actor: Actor | null, ...roles: UserRole[]): Actor {
  const user = requireUser(actor);
  if (!user.role || !roles.includes(user.role)) throw new PolicyError("forbidden");
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
