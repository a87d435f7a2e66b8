import "server-only";
import { count, desc, isNotNull } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";

/** Admin overview: the latest accounts and counts per role. */
export async function getAdminOverview(actor: Actor | null, limit = 50) {
  requireRole(actor, "admin");
  const [latest, byRole, [suspended]] = await Promise.all([
    db
      .select({ id: users.id, email: users.email, name: users.name, role: users.role, suspendedAt: users.suspendedAt, createdAt: users.createdAt })
      .from(users)
      .orderBy(desc(users.createdAt))
      .limit(limit),
    db.select({ role: users.role, total: count() }).from(users).groupBy(users.role),
    db.select({ total: count() }).from(users).where(isNotNull(users.suspendedAt)),
  ]);
  return { latest, byRole, suspended: suspended?.total ?? 0 };
}
