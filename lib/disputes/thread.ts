import "server-only";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { contractMilestones, disputeMessages, disputes, type Contract, type Dispute } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { checkAttachment, insertAttachment, withStoredFile, type StoredFile, type UploadedFile } from "@/lib/attachments/store";
import { milestoneCharge } from "@/lib/payments/amounts";
import { notifyMilestone } from "@/lib/payments/notify";
import { fail, ok, type Result } from "@/lib/result";
import { disputeAccess, type DisputeSide } from "./access";

export const disputeMessageSchema = z.object({
  body: z.string({ error: "required" }).trim().min(2, { error: "required" }).max(5000, { error: "tooLong" }),
});

export type DisputeMessageError = "invalid" | "closed";

/** The page of a dispute for the contract's parties. */
export const disputePath = (contractId: string, disputeId: string) => `/contracts/${contractId}/disputes/${disputeId}`;

/** Writes a thread message (and its stored file), inside the caller's transaction. */
export async function insertDisputeMessage(
  tx: Transaction,
  input: { disputeId: string; authorId: string | null; side: DisputeSide; body: string; stored: StoredFile | null },
): Promise<string> {
  const [message] = await tx
    .insert(disputeMessages)
    .values({ disputeId: input.disputeId, authorId: input.authorId, side: input.side, body: input.body, createdAt: sql`clock_timestamp()` })
    .returning({ id: disputeMessages.id });
  if (!message) throw new Error("dispute message insert returned nothing");
  if (input.stored && input.authorId) await insertAttachment(tx, input.stored, { disputeMessageId: message.id }, input.authorId);
  return message.id;
}

/** Tells the people of a dispute other than the author's side (each in their language) that the thread moved. */
async function notifyThread(tx: Transaction, input: { contract: Contract; dispute: Dispute; side: DisputeSide; key: string; note: string }) {
  const [milestone] = await tx.select().from(contractMilestones).where(eq(contractMilestones.id, input.dispute.milestoneId));
  if (!milestone) return;
  const base = { contract: input.contract, milestone, event: "disputeMessage" as const, amountCents: milestoneCharge(milestone, input.contract).chargeCents, key: input.key, note: input.note };
  const parties = (["client", "expert"] as const).filter((s) => s !== input.side);
  await notifyMilestone(tx, { ...base, audiences: parties, path: disputePath(input.contract.id, input.dispute.id) });
  if (input.side !== "admin") await notifyMilestone(tx, { ...base, audiences: ["admins"], path: `/admin/disputes/${input.dispute.id}` });
}

/**
 * The client, the expert or an admin writes in an open dispute's thread, with an optional file
 * (checked, then stored before the transaction). A party's message clears the other party's
 * "ready for a decision": they get the time to answer it.
 */
export async function postDisputeMessage(
  actor: Actor | null,
  input: { disputeId: string; body: string; file?: UploadedFile | null },
): Promise<Result<{ messageId: string }, DisputeMessageError>> {
  // The policy before anything is read from the form or written to storage.
  const { side } = await disputeAccess(db, actor, input.disputeId);
  const parsed = disputeMessageSchema.safeParse({ body: input.body });
  const checked = checkAttachment(input.file);
  const fields = parsed.success ? {} : fieldErrors(parsed.error);
  if (!checked.ok) fields.file = checked.error;
  if (!parsed.success || !checked.ok) return fail("invalid", fields);
  return withStoredFile(checked.file, (stored) =>
    db.transaction(async (tx) => {
      const access = await disputeAccess(tx, actor, input.disputeId, { lock: true });
      if (access.dispute.status !== "open") return fail("closed");
      const messageId = await insertDisputeMessage(tx, { disputeId: access.dispute.id, authorId: access.actor.id, side, body: parsed.data.body, stored });
      if (side === "client") await tx.update(disputes).set({ expertReadyAt: null }).where(eq(disputes.id, access.dispute.id));
      if (side === "expert") await tx.update(disputes).set({ clientReadyAt: null }).where(eq(disputes.id, access.dispute.id));
      await notifyThread(tx, { contract: access.contract, dispute: access.dispute, side, key: messageId, note: parsed.data.body });
      return ok({ messageId });
    }),
  );
}

/**
 * A party says "we have nothing to add, an admin may decide now". Once both sides said it, the
 * admin need not wait for the end of the response window. Admins have nothing to declare.
 */
export async function declareReadyForDecision(actor: Actor | null, input: { disputeId: string }): Promise<Result<{ bothReady: boolean }, "closed" | "not_a_party">> {
  return db.transaction(async (tx) => {
    const { actor: user, dispute, contract, side } = await disputeAccess(tx, actor, input.disputeId, { lock: true });
    if (side === "admin") return fail("not_a_party");
    if (dispute.status !== "open") return fail("closed");
    const now = new Date();
    const change = side === "client" ? { clientReadyAt: dispute.clientReadyAt ?? now } : { expertReadyAt: dispute.expertReadyAt ?? now };
    await tx.update(disputes).set(change).where(eq(disputes.id, dispute.id));
    const bothReady = Boolean((change.clientReadyAt ?? dispute.clientReadyAt) && (change.expertReadyAt ?? dispute.expertReadyAt));
    await recordAudit(tx, { actor: user, action: "dispute.ready_for_decision", subjectType: "dispute", subjectId: dispute.id, data: { side, bothReady } });
    if (bothReady) {
      const [milestone] = await tx.select().from(contractMilestones).where(eq(contractMilestones.id, dispute.milestoneId));
      if (milestone) {
        await notifyMilestone(tx, { contract, milestone, event: "disputeReady", audiences: ["admins"], amountCents: milestoneCharge(milestone, contract).chargeCents, key: dispute.id, path: `/admin/disputes/${dispute.id}` });
      }
    }
    return ok({ bothReady });
  });
}
