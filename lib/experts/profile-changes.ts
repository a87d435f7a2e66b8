import "server-only";
import { and, desc, eq, isNotNull, isNull } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { expertProfiles, verificationRequests, type ExpertProfile, type ProfileChanges } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { reviewedFields, type ReviewedField } from "./reviewed-fields";


type ReviewedValues = Pick<ExpertProfile, ReviewedField>;

/** The reviewed fields whose proposed value differs from the approved one. */
export function diffReviewedFields(approved: ReviewedValues, proposed: ReviewedValues): ProfileChanges {
  const changes: ProfileChanges = {};
  for (const field of reviewedFields) {
    const from = approved[field] ?? null;
    const to = proposed[field] ?? null;
    if (from !== to) changes[field] = { from, to };
  }
  return changes;
}

/** The change request of a profile waiting for a decision, if any. */
export async function openChangeRequest(executor: Executor, profileId: string) {
  const [row] = await executor
    .select()
    .from(verificationRequests)
    .where(and(eq(verificationRequests.profileId, profileId), isNull(verificationRequests.decidedAt), isNotNull(verificationRequests.changes)))
    .orderBy(desc(verificationRequests.submittedAt))
    .limit(1);
  return row?.changes ? { ...row, changes: row.changes } : null;
}

/** The profile's reviewed fields as the expert last asked for them (the approved ones where nothing waits). */
export function withPendingValues<T extends ReviewedValues>(profile: T, changes: ProfileChanges | null | undefined): T {
  const values = { ...profile };
  for (const field of reviewedFields) {
    const change = changes?.[field];
    if (change) (values as ReviewedValues)[field] = change.to as never;
  }
  return values;
}

/**
 * A verified expert saved reviewed fields: the change request waiting is created, replaced, or
 * withdrawn when the expert is back to the approved values. Returns the fields now waiting.
 */
export async function recordPendingChanges(tx: Transaction, profile: ExpertProfile, changes: ProfileChanges): Promise<ReviewedField[]> {
  const open = await openChangeRequest(tx, profile.id);
  const fields = reviewedFields.filter((f) => changes[f]);
  const audit = { actorId: profile.userId, subjectType: "expert_profile", subjectId: profile.id } as const;
  if (fields.length === 0) {
    if (open) {
      await tx.delete(verificationRequests).where(eq(verificationRequests.id, open.id));
      await recordAudit(tx, { ...audit, action: "expert.changes_withdrawn" });
    }
    return [];
  }
  const same = open && reviewedFields.every((f) => open.changes[f]?.from === changes[f]?.from && open.changes[f]?.to === changes[f]?.to);
  if (same) return fields;
  if (open) {
    await tx.update(verificationRequests).set({ changes, submittedAt: new Date() }).where(eq(verificationRequests.id, open.id));
  } else {
    await tx.insert(verificationRequests).values({ profileId: profile.id, changes });
  }
  await recordAudit(tx, { ...audit, action: "expert.changes_submitted", data: { changes } });
  return fields;
}

/** The values a decision applies to the profile: the requested ones, or nothing when refused. */
export async function applyProfileChanges(tx: Transaction, profileId: string, changes: ProfileChanges): Promise<void> {
  const set: Partial<ReviewedValues> = {};
  for (const field of reviewedFields) {
    const change = changes[field];
    if (change) (set as Record<string, string | null>)[field] = change.to;
  }
  if (set.vatRegime === "franchise") set.vatNumber = null;
  await tx.update(expertProfiles).set({ ...set, updatedAt: new Date() }).where(eq(expertProfiles.id, profileId));
}
