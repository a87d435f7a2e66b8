import "server-only";
import { and, asc, eq, lte } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/db/client";
import { billingMandates, contractMilestones } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { recordAudit } from "@/lib/audit/record";
import { env } from "@/lib/env";
import { fieldErrors } from "@/lib/actions/field-errors";
import { checkAttachment, insertAttachment, withStoredFile, type StoredFile, type UploadedFile } from "@/lib/attachments/store";
import { awaitsHandoverPack } from "@/lib/handover/gate";
import { fail, ok, type Result } from "@/lib/result";
import { milestoneCharge } from "./amounts";
import { lockMilestone, lockMilestoneFor } from "./context";
import { nextMilestoneStatus } from "./milestone-machine";
import { notifyMilestone } from "./notify";
import { completeContractIfDone, releaseToExpert } from "./release";

/** Reminders before the automatic approval, in days before it. */
export const APPROVAL_REMINDER_DAYS = [7, 2] as const;
const DAY_MS = 86_400_000;

export const deliverySchema = z.object({
  milestoneId: z.string().max(40),
  note: z.string().trim().min(10, { error: "deliveryNoteShort" }).max(5000, { error: "tooLong" }),
});

/**
 * The expert marks a funded milestone delivered, with a note and an optional file (stored before
 * the transaction); the client has N days to approve or dispute.
 */
export async function markDelivered(
  actor: Actor | null,
  input: { milestoneId: string; note: string; file?: UploadedFile | null },
): Promise<Result<{ autoApproveAt: Date }, "invalid" | "illegal_transition" | "mandate_required">> {
  const parsed = deliverySchema.safeParse(input);
  const checked = checkAttachment(input.file);
  const fields = parsed.success ? {} : fieldErrors(parsed.error);
  if (!checked.ok) fields.file = checked.error;
  if (!parsed.success || !checked.ok) return fail("invalid", fields);
  // The policy before the file is written: a stranger's upload never reaches storage.
  if (checked.file) await db.transaction((tx) => lockMilestoneFor(tx, actor, parsed.data.milestoneId, "expert"));
  return withStoredFile(checked.file, (stored) => deliver(actor, parsed.data, stored));
}

async function deliver(actor: Actor | null, input: { milestoneId: string; note: string }, stored: StoredFile | null): Promise<Result<{ autoApproveAt: Date }, "illegal_transition" | "mandate_required">> {
  return db.transaction(async (tx) => {
    const context = await lockMilestoneFor(tx, actor, input.milestoneId, "expert");
    const next = nextMilestoneStatus(context.milestone.status, "deliver");
    if (!next) return fail("illegal_transition");
    // Approval issues the expert's invoice: its identity (billing mandate) must be known by then.
    const [mandate] = await tx.select({ userId: billingMandates.userId }).from(billingMandates).where(eq(billingMandates.userId, context.contract.expertUserId));
    if (!mandate) return fail("mandate_required");
    const days = env().MILESTONE_AUTO_APPROVE_DAYS;
    const now = new Date();
    const autoApproveAt = new Date(now.getTime() + days * DAY_MS);
    await tx
      .update(contractMilestones)
      .set({ status: next, deliveryNote: input.note, deliveredAt: now, autoApproveAt, remindersSent: [], updatedAt: now })
      .where(eq(contractMilestones.id, context.milestone.id));
    await insertAttachment(tx, stored, { deliveryMilestoneId: context.milestone.id }, context.contract.expertUserId);
    await notifyMilestone(tx, { ...context, event: "milestoneDelivered", audiences: ["client"], amountCents: milestoneCharge(context.milestone, context.contract).chargeCents, key: `${context.milestone.id}:${now.getTime()}`, days, note: input.note });
    await recordAudit(tx, { actorId: actor?.id ?? null, action: "milestone.delivered", subjectType: "milestone", subjectId: context.milestone.id, fromStatus: context.milestone.status, toStatus: next });
    return ok({ autoApproveAt });
  });
}

/** The client approves a delivered milestone: the expert is paid the amount minus the commission. */
export async function approveMilestone(actor: Actor | null, input: { milestoneId: string }): Promise<Result<{ transferId: string }, "illegal_transition">> {
  return db.transaction(async (tx) => {
    const context = await lockMilestoneFor(tx, actor, input.milestoneId, "client");
    const next = nextMilestoneStatus(context.milestone.status, "approve");
    if (!next) return fail("illegal_transition");
    const { chargeCents, exVatCents } = milestoneCharge(context.milestone, context.contract);
    const { transferId } = await releaseToExpert(tx, context, { grossCents: chargeCents, grossExVatCents: exVatCents, nextStatus: next, actor, action: "milestone.approved" });
    await completeContractIfDone(tx, context.contract.id);
    return ok({ transferId });
  });
}

/**
 * Worker (hourly): approves delivered milestones whose delay ran out, and sends the reminders
 * due before that; an installation's last milestone waits for its handover pack (deliverHandoverPack
 * gives the client the whole delay again). Each milestone in its own transaction, re-checked under its lock.
 */
export async function runMilestoneDeadlines(now = new Date()): Promise<{ approved: number; reminded: number }> {
  const horizon = new Date(now.getTime() + Math.max(...APPROVAL_REMINDER_DAYS) * DAY_MS);
  const due = await db
    .select({ id: contractMilestones.id })
    .from(contractMilestones)
    .where(and(eq(contractMilestones.status, "delivered"), lte(contractMilestones.autoApproveAt, horizon)))
    .orderBy(asc(contractMilestones.autoApproveAt));
  let approved = 0;
  let reminded = 0;
  for (const { id } of due) {
    await db.transaction(async (tx) => {
      const context = await lockMilestone(tx, id);
      const at = context?.milestone.autoApproveAt;
      if (!context || context.milestone.status !== "delivered" || !at) return;
      // An installation's last milestone waits for the handover pack (no approval, no reminder of one).
      if (await awaitsHandoverPack(tx, context.contract, context.milestone)) return;
      if (at <= now) {
        const { chargeCents, exVatCents } = milestoneCharge(context.milestone, context.contract);
        await releaseToExpert(tx, context, { grossCents: chargeCents, grossExVatCents: exVatCents, nextStatus: "released", actor: null, action: "milestone.auto_approved" });
        await completeContractIfDone(tx, context.contract.id);
        approved++;
        return;
      }
      const daysLeft = Math.ceil((at.getTime() - now.getTime()) / DAY_MS);
      const reminder = APPROVAL_REMINDER_DAYS.find((d) => daysLeft <= d && !context.milestone.remindersSent.includes(d) && !APPROVAL_REMINDER_DAYS.some((s) => s < d && daysLeft <= s));
      if (reminder === undefined) return;
      await tx
        .update(contractMilestones)
        .set({ remindersSent: [...context.milestone.remindersSent, reminder] })
        .where(eq(contractMilestones.id, id));
      await notifyMilestone(tx, { ...context, event: "approvalReminder", audiences: ["client"], amountCents: milestoneCharge(context.milestone, context.contract).chargeCents, key: `${id}:${at.getTime()}:${reminder}`, days: daysLeft });
      reminded++;
    });
  }
  return { approved, reminded };
}
