import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { billingMandates, contractMilestones, disputes, payments, refunds, type Dispute } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError, requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { isUuidLike } from "@/lib/ids";
import { issueCreditNote } from "@/lib/invoicing/issue";
import { eurosToCents } from "@/lib/money/commission";
import { fieldErrors } from "@/lib/actions/field-errors";
import { checkAttachment, withStoredFile, type StoredFile, type UploadedFile } from "@/lib/attachments/store";
import { insertDisputeMessage, disputePath } from "@/lib/disputes/thread";
import { mayDecideNow, newResponseDueAt } from "@/lib/disputes/window";
import { env } from "@/lib/env";
import { fail, ok, type Result } from "@/lib/result";
import { milestoneCharge, refundSplit } from "./amounts";
import { lockMilestone, lockMilestoneFor, type MilestoneContext } from "./context";
import { nextMilestoneStatus } from "./milestone-machine";
import { notifyMilestone } from "./notify";
import { completeContractIfDone, releaseToExpert } from "./release";
import { EventNotReady } from "./events/not-ready";
import { queueRefund } from "./refunds";

export const openDisputeSchema = z.object({
  milestoneId: z.string().max(40),
  reason: z.enum(["not_delivered", "not_as_agreed", "quality", "other"], { error: "required" }),
  text: z.string().trim().min(20, { error: "disputeTextShort" }).max(5000, { error: "tooLong" }),
});

/**
 * Freezes a locked milestone under a new dispute and tells everyone involved: the parties (each
 * in their language) with the expert's response window, the admins with their dispute page.
 * The client's statement (and file) opens the dispute's thread.
 */
async function freeze(
  tx: Transaction,
  context: MilestoneContext,
  input: { openedById: string | null; reason: Dispute["reason"]; text: string; stripeDisputeId?: string; stored?: StoredFile | null },
): Promise<string | null> {
  const next = nextMilestoneStatus(context.milestone.status, "dispute");
  if (!next) return null;
  const now = new Date();
  const [dispute] = await tx
    .insert(disputes)
    .values({
      milestoneId: context.milestone.id,
      contractId: context.contract.id,
      openedById: input.openedById,
      reason: input.reason,
      text: input.text,
      frozenFrom: context.milestone.status,
      stripeDisputeId: input.stripeDisputeId ?? null,
      responseDueAt: newResponseDueAt(now),
      createdAt: now,
    })
    .returning({ id: disputes.id });
  if (!dispute) throw new Error("Dispute insert returned nothing");
  if (input.openedById) await insertDisputeMessage(tx, { disputeId: dispute.id, authorId: input.openedById, side: "client", body: input.text, stored: input.stored ?? null });
  await tx.update(contractMilestones).set({ status: next, updatedAt: now }).where(eq(contractMilestones.id, context.milestone.id));
  const told = { ...context, event: "disputeOpened" as const, amountCents: milestoneCharge(context.milestone, context.contract).chargeCents, key: dispute.id, note: input.text, days: env().DISPUTE_RESPONSE_DAYS };
  await notifyMilestone(tx, { ...told, audiences: ["expert", "client"], path: disputePath(context.contract.id, dispute.id) });
  await notifyMilestone(tx, { ...told, audiences: ["admins"], path: `/admin/disputes/${dispute.id}` });
  await recordAudit(tx, { actorId: input.openedById, action: "milestone.disputed", subjectType: "milestone", subjectId: context.milestone.id, fromStatus: context.milestone.status, toStatus: next, reason: input.reason, data: { disputeId: dispute.id } });
  return dispute.id;
}

/**
 * The client disputes a funded or delivered milestone (reason, text, optional file): it freezes
 * until an admin settles, after the expert's response window or once both sides are ready.
 */
export async function openDispute(
  actor: Actor | null,
  input: { milestoneId: string; reason: string; text: string; file?: UploadedFile | null },
): Promise<Result<{ disputeId: string }, "invalid" | "illegal_transition">> {
  const parsed = openDisputeSchema.safeParse(input);
  const checked = checkAttachment(input.file);
  const fields = parsed.success ? {} : fieldErrors(parsed.error);
  if (!checked.ok) fields.file = checked.error;
  if (!parsed.success || !checked.ok) return fail("invalid", fields);
  // The policy before the file is written: a stranger's upload never reaches storage.
  if (checked.file) await db.transaction((tx) => lockMilestoneFor(tx, actor, parsed.data.milestoneId, "client"));
  return withStoredFile(checked.file, (stored) =>
    db.transaction(async (tx) => {
      const context = await lockMilestoneFor(tx, actor, parsed.data.milestoneId, "client");
      const disputeId = await freeze(tx, context, { openedById: actor?.id ?? null, reason: parsed.data.reason, text: parsed.data.text, stored });
      return disputeId ? ok({ disputeId }) : fail("illegal_transition");
    }),
  );
}

/** charge.dispute.created: a card chargeback freezes the milestone its payment funded. */
export async function freezeForChargeback(tx: Transaction, stripe: { disputeId: string; paymentIntentId: string | null; chargeId: string | null; reason: string }): Promise<string> {
  const match = stripe.paymentIntentId ? eq(payments.paymentIntentId, stripe.paymentIntentId) : stripe.chargeId ? eq(payments.chargeId, stripe.chargeId) : null;
  if (!match) return "ignored: no payment reference";
  const [payment] = await tx.select({ milestoneId: payments.milestoneId }).from(payments).where(and(match, eq(payments.status, "succeeded")));
  // The payment's own event may not have been processed yet (events come in any order): retry later.
  if (!payment) throw new EventNotReady(`no funded payment for ${stripe.paymentIntentId ?? stripe.chargeId} yet`);
  const context = await lockMilestone(tx, payment.milestoneId);
  if (!context) return "ignored: unknown milestone";
  const [known] = await tx.select({ id: disputes.id }).from(disputes).where(eq(disputes.stripeDisputeId, stripe.disputeId));
  if (known) return "ignored: dispute already recorded";
  const disputeId = await freeze(tx, context, { openedById: null, reason: "chargeback", text: `Stripe: ${stripe.reason}`, stripeDisputeId: stripe.disputeId });
  if (disputeId) return "frozen";
  // Too late to freeze (already paid out or refunded): the admins must follow it up at Stripe.
  await notifyMilestone(tx, { ...context, event: "disputeOpened", audiences: ["admins"], amountCents: milestoneCharge(context.milestone, context.contract).chargeCents, key: stripe.disputeId, note: `Stripe chargeback ${stripe.disputeId} (${stripe.reason}) on a ${context.milestone.status} milestone` });
  await recordAudit(tx, { actorId: null, action: "payment.chargeback_after_release", subjectType: "milestone", subjectId: context.milestone.id, data: stripe });
  return `chargeback on a ${context.milestone.status} milestone: admins told`;
}

export const settleDisputeSchema = z
  .object({
    disputeId: z.string().max(40),
    outcome: z.enum(["release", "refund", "split"], { error: "required" }),
    refund: z.string().max(30, { error: "amount" }).optional(),
    note: z.string().trim().min(10, { error: "settlementNoteShort" }).max(5000, { error: "tooLong" }),
  });

export type SettleError = "invalid" | "illegal_transition" | "no_payment" | "mandate_missing" | "response_window";

/**
 * An admin settles an open dispute, once both sides were heard (see mayDecideNow): release
 * everything to the expert, refund the client in full, or split (refund part, release the rest, commission on the released part only).
 */
export async function settleDispute(
  actor: Actor | null,
  input: { disputeId: string; outcome: string; refund?: string; note: string },
): Promise<Result<void, SettleError>> {
  const admin = requireRole(actor, "admin");
  const parsed = settleDisputeSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  if (!isUuidLike(parsed.data.disputeId)) throw new PolicyError("forbidden");
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ milestoneId: disputes.milestoneId }).from(disputes).where(eq(disputes.id, parsed.data.disputeId));
    if (!found) throw new PolicyError("forbidden");
    const context = await lockMilestone(tx, found.milestoneId);
    const [dispute] = await tx.select().from(disputes).where(eq(disputes.id, parsed.data.disputeId)).for("update");
    if (!context || !dispute || dispute.status !== "open") return fail("illegal_transition");
    // Both sides are heard first: the expert's response window, unless both said they are ready.
    if (!mayDecideNow(dispute)) return fail("response_window");
    const { chargeCents: amount, exVatCents } = milestoneCharge(context.milestone, context.contract);
    const { outcome } = parsed.data;
    const refundCents = outcome === "release" ? 0 : outcome === "refund" ? amount : eurosToCents(parsed.data.refund ?? "");
    if (refundCents === null || (outcome === "split" && (refundCents <= 0 || refundCents >= amount))) return fail("invalid", { refund: "splitAmount" });
    const next = nextMilestoneStatus(context.milestone.status, `settle_${outcome}`);
    if (!next) return fail("illegal_transition");
    const [payment] = await tx.select().from(payments).where(and(eq(payments.milestoneId, context.milestone.id), inArray(payments.status, ["succeeded"])));
    if (!payment) return fail("no_payment");

    // The credit note must be exact on its own: the refund is basis + round(basis × rate) for some basis.
    const split = refundSplit(exVatCents, context.contract.vatRateBps, refundCents);
    if (!split) return fail("invalid", { refund: "splitAmountVat" });
    const releaseCents = split.release.inclVatCents;
    if (releaseCents > 0) {
      const [mandate] = await tx.select({ userId: billingMandates.userId }).from(billingMandates).where(eq(billingMandates.userId, context.contract.expertUserId));
      if (!mandate) return fail("mandate_missing");
      const grossExVatCents = split.release.exVatCents;
      // A split bills the whole milestone, then credits the refunded part (a credit note referencing the invoice).
      const { serviceInvoiceId } = await releaseToExpert(tx, context, {
        grossCents: releaseCents,
        grossExVatCents,
        nextStatus: next,
        actor: admin,
        action: `dispute.settled_${outcome}`,
        invoiced: { grossCents: amount, exVatCents },
      });
      if (refundCents > 0) await issueCreditNote(tx, context, { correctsInvoiceId: serviceInvoiceId, refundCents, refundExVatCents: split.refund.exVatCents });
    } else {
      await tx.update(contractMilestones).set({ status: next, updatedAt: new Date() }).where(eq(contractMilestones.id, context.milestone.id));
    }
    if (refundCents > 0) {
      const [refund] = await tx.insert(refunds).values({ paymentId: payment.id, milestoneId: context.milestone.id, amountCents: refundCents }).returning({ id: refunds.id });
      if (!refund) throw new Error("Refund insert returned nothing");
      await queueRefund(tx, refund.id);
    }
    await tx
      .update(disputes)
      .set({ status: "settled", outcome, refundCents, releaseCents, resolutionNote: parsed.data.note, settledById: admin.id, settledAt: new Date() })
      .where(eq(disputes.id, dispute.id));
    await notifyMilestone(tx, { ...context, event: "disputeSettled", audiences: ["expert", "client"], amountCents: amount, key: dispute.id, note: parsed.data.note });
    await recordAudit(tx, { actor: admin, action: "dispute.settled", subjectType: "dispute", subjectId: dispute.id, fromStatus: "open", toStatus: "settled", reason: parsed.data.note, data: { outcome, refundCents, releaseCents } });
    await completeContractIfDone(tx, context.contract.id);
    return ok(undefined);
  });
}
