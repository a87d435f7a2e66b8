import "server-only";
import { and, count, desc, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { db } from "@/db/client";
import { auditLog, contracts, expertProfiles, organizationMembers, organizations, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { isUuidLike } from "@/lib/ids";

export const ADMIN_USERS_PAGE_SIZE = 50;
/** Longer searches are no email or name anyone typed: cut. */
const MAX_QUERY_CHARS = 200;

/** `%` and `_` typed by the admin match themselves, not any text. */
const likePattern = (q: string) => `%${q.replace(/[%_\\]/g, "\\$&")}%`;

/**
 * Accounts for admins, newest first, optionally those whose email or name contains `q`
 * (case-insensitive), one page at a time.
 */
export async function listUsersForAdmin(actor: Actor | null, input: { q?: string | null; page?: number } = {}) {
  requireRole(actor, "admin");
  const q = (input.q ?? "").trim().slice(0, MAX_QUERY_CHARS);
  const where: SQL | undefined = q ? or(ilike(users.email, likePattern(q)), ilike(users.name, likePattern(q))) : undefined;
  const [total] = await db.select({ value: count() }).from(users).where(where);
  const totalCount = total?.value ?? 0;
  const pages = Math.max(1, Math.ceil(totalCount / ADMIN_USERS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(input.page ?? 1) || 1), pages);
  const rows = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, suspendedAt: users.suspendedAt, createdAt: users.createdAt })
    .from(users)
    .where(where)
    .orderBy(desc(users.createdAt), desc(users.id))
    .limit(ADMIN_USERS_PAGE_SIZE)
    .offset((page - 1) * ADMIN_USERS_PAGE_SIZE);
  return { q, page, pages, totalCount, users: rows };
}

/**
 * One account for admins: who it is, its organisations, its expert profile, the contracts it
 * takes part in (as the expert or through its organisation) and what happened to it (audit rows
 * about the account, newest first). Null when there is no such account.
 */
export async function getUserForAdmin(actor: Actor | null, userId: string) {
  requireRole(actor, "admin");
  if (!isUuidLike(userId)) return null;
  const [user] = await db
    .select({ id: users.id, email: users.email, name: users.name, role: users.role, locale: users.locale, suspendedAt: users.suspendedAt, createdAt: users.createdAt })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return null;
  const [memberships, [profile], history] = await Promise.all([
    db
      .select({ id: organizations.id, name: organizations.legalName, siren: organizations.siren, role: organizationMembers.role })
      .from(organizationMembers)
      .innerJoin(organizations, eq(organizations.id, organizationMembers.organizationId))
      .where(eq(organizationMembers.userId, userId)),
    db.select({ id: expertProfiles.id, slug: expertProfiles.slug, status: expertProfiles.status, displayName: expertProfiles.displayName }).from(expertProfiles).where(eq(expertProfiles.userId, userId)),
    db
      .select({ id: auditLog.id, action: auditLog.action, fromStatus: auditLog.fromStatus, toStatus: auditLog.toStatus, reason: auditLog.reason, createdAt: auditLog.createdAt, actorEmail: users.email })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(and(eq(auditLog.subjectType, "user"), eq(auditLog.subjectId, userId)))
      .orderBy(desc(auditLog.createdAt))
      .limit(100),
  ]);
  const organizationIds = memberships.map((m) => m.id);
  const contractRows = await db
    .select({ id: contracts.id, status: contracts.status, totalCents: contracts.totalCents, createdAt: contracts.createdAt, facts: contracts.facts, expertUserId: contracts.expertUserId })
    .from(contracts)
    .where(organizationIds.length > 0 ? or(eq(contracts.expertUserId, userId), inArray(contracts.organizationId, organizationIds)) : eq(contracts.expertUserId, userId))
    .orderBy(desc(contracts.createdAt))
    .limit(100);
  return {
    user,
    organizations: memberships,
    expertProfile: profile ?? null,
    contracts: contractRows.map(({ facts, expertUserId, ...row }) => ({
      ...row,
      jobTitle: facts.job.title,
      side: expertUserId === userId ? ("expert" as const) : ("client" as const),
      otherParty: expertUserId === userId ? facts.client.legalName : facts.expert.name,
    })),
    history,
  };
}

export type AdminUserDetail = NonNullable<Awaited<ReturnType<typeof getUserForAdmin>>>;
