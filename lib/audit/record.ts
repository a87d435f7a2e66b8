import "server-only";
import type { Executor } from "@/db/client";
import { auditLog } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";

/** Who acted: an actor (an admin's second factor is recorded with it), or a user id / null (the system). */
type AuditWho = { actor: Actor | null; actorId?: undefined } | { actorId: string | null; actor?: undefined };

export type AuditEntry = AuditWho & {
  action: string;
  subjectType: string;
  subjectId: string;
  fromStatus?: string | null;
  toStatus?: string | null;
  reason?: string | null;
  data?: Record<string, unknown>;
};

/** Writes one audit row; call it inside the transaction of the change it records. */
export async function recordAudit(executor: Executor, entry: AuditEntry): Promise<void> {
  await executor.insert(auditLog).values({
    actorId: entry.actor ? entry.actor.id : (entry.actorId ?? null),
    secondFactor: entry.actor?.secondFactor ?? null,
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId,
    fromStatus: entry.fromStatus ?? null,
    toStatus: entry.toStatus ?? null,
    reason: entry.reason ?? null,
    data: entry.data ?? null,
  });
}
