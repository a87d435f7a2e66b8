import "server-only";
import { and, eq, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { transfers } from "@/db/schema";
import { fieldErrors } from "@/lib/actions/field-errors";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { groundSchema } from "@/lib/moderation/schemas";
import { liftStatements, recordStatement } from "@/lib/moderation/statements";
import { fail, ok, type Result } from "@/lib/result";
import { lockMovement } from "./context";
import { queueTransfer } from "./release";

const reasoned = z.string({ error: "required" }).trim().min(10, { error: "decisionReason" }).max(4000, { error: "tooLong" });

export const withholdSchema = z.object({
  transferId: z.uuid({ error: "required" }),
  reason: reasoned,
  /** The clause of the terms or the law relied on, named in the statement of reasons. */
  ground: groundSchema,
});

export const releaseWithheldSchema = z.object({ transferId: z.uuid({ error: "required" }), reason: reasoned });

export type WithholdError = "invalid" | "not_found" | "already_withheld" | "not_withholdable";
export type ReleaseWithheldError = "invalid" | "not_found" | "not_withheld";

/**
 * An admin withholds a payout not yet asked of the provider (DSA art. 17 lists the withholding of
 * payments): the worker sends nothing while it is withheld; the expert gets a statement of reasons
 * (facts, ground, how to contest) in the app and by email. The money stays where the release put
 * it (owed to the expert, held on the platform): no ledger posting until it is sent. A transfer the
 * provider was already asked for may exist at the provider, so it can no longer be withheld.
 */
export async function withholdPayout(actor: Actor | null, input: Record<string, string | undefined>): Promise<Result<{ statementId: string }, WithholdError>> {
  const admin = requireRole(actor, "admin");
  const parsed = withholdSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { transferId, reason, ground } = parsed.data;
  return db.transaction(async (tx) => {
    const locked = await lockMovement(tx, transfers, transferId);
    if (!locked) return fail("not_found");
    const transfer = locked.row;
    if (transfer.withheldAt) return fail("already_withheld");
    if (transfer.status === "sent" || transfer.requestedAt) return fail("not_withholdable");
    const now = new Date();
    await tx.update(transfers).set({ withheldAt: now, withheldById: admin.id, updatedAt: now }).where(eq(transfers.id, transfer.id));
    await recordAudit(tx, { actor: admin, action: "transfer.withheld", subjectType: "transfer", subjectId: transfer.id, reason, data: { ground, amountCents: transfer.amountCents } });
    const statementId = await recordStatement(tx, admin, {
      userId: transfer.expertUserId,
      restriction: "payout_withheld",
      subjectType: "transfer",
      subjectId: transfer.id,
      facts: reason,
      ground,
    });
    return ok({ statementId });
  });
}

/**
 * Ends a withholding in the caller's transaction (the transfer row locked by the caller or not):
 * the transfer is queued again, with the same idempotency key as ever. False when it was not withheld.
 */
export async function liftWithholding(tx: Transaction, transferId: string): Promise<boolean> {
  const lifted = await tx
    .update(transfers)
    .set({ withheldAt: null, withheldById: null, updatedAt: new Date() })
    .where(and(eq(transfers.id, transferId), isNotNull(transfers.withheldAt)))
    .returning({ id: transfers.id });
  if (!lifted[0]) return false;
  await queueTransfer(tx, transferId);
  return true;
}

/**
 * An admin releases a withheld payout: the transfer goes out (worker, same idempotency key), the
 * statement of reasons is marked lifted (`reinstated`) and the expert is told.
 */
export async function releaseWithheldPayout(actor: Actor | null, input: Record<string, string | undefined>): Promise<Result<void, ReleaseWithheldError>> {
  const admin = requireRole(actor, "admin");
  const parsed = releaseWithheldSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { transferId, reason } = parsed.data;
  return db.transaction(async (tx) => {
    const locked = await lockMovement(tx, transfers, transferId);
    if (!locked) return fail("not_found");
    if (!locked.row.withheldAt) return fail("not_withheld");
    await liftWithholding(tx, transferId);
    await recordAudit(tx, { actor: admin, action: "transfer.withholding_released", subjectType: "transfer", subjectId: transferId, fromStatus: "withheld", toStatus: locked.row.status, reason });
    await liftStatements(tx, admin, { restriction: "payout_withheld", subjectId: transferId, reason });
    return ok(undefined);
  });
}
