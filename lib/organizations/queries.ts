import "server-only";
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import { db } from "@/db/client";
import { organizationInvitations, organizationMembers, organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";

/** The client's organisation with its members and pending invitations (null before onboarding). */
export async function getMyOrganization(actor: Actor | null) {
  const user = requireRole(actor, "client");
  const [membership] = await db
    .select({ organization: organizations, role: organizationMembers.role })
    .from(organizationMembers)
    .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
    .where(eq(organizationMembers.userId, user.id))
    .limit(1);
  if (!membership) return null;
  const organizationId = membership.organization.id;
  const [members, invitations] = await Promise.all([
    db
      .select({ userId: users.id, email: users.email, name: users.name, role: organizationMembers.role, since: organizationMembers.createdAt })
      .from(organizationMembers)
      .innerJoin(users, eq(users.id, organizationMembers.userId))
      .where(eq(organizationMembers.organizationId, organizationId))
      .orderBy(asc(organizationMembers.createdAt)),
    membership.role === "owner"
      ? db
          .select({ id: organizationInvitations.id, email: organizationInvitations.email, role: organizationInvitations.role, expiresAt: organizationInvitations.expiresAt })
          .from(organizationInvitations)
          .where(
            and(
              eq(organizationInvitations.organizationId, organizationId),
              isNull(organizationInvitations.acceptedAt),
              isNull(organizationInvitations.revokedAt),
              gt(organizationInvitations.expiresAt, new Date()),
            ),
          )
          .orderBy(asc(organizationInvitations.createdAt))
      : Promise.resolve([]),
  ]);
  return { organization: membership.organization, myRole: membership.role, members, invitations };
}
