import "server-only";
import { and, asc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { db, type Transaction } from "@/db/client";
import { contractMilestones, contracts, jobs, payments, refunds, transfers, type Contract, type ContractMilestone } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { sendEmail } from "@/lib/email/send-email";
import { isUuidLike } from "@/lib/ids";
import { nextJobStatus } from "@/lib/jobs/job-machine";
import { fieldErrors } from "@/lib/actions/field-errors";
import { contractRecipients } from "@/lib/contracts/access";
import { fail, ok, type Result } from "@/lib/result";
import { nextContractStatus } from "./contract-machine";
import { appUrl } from "@/lib/http/app-url";

export const cancelContractSchema = z.object({
  contractId: z.string().max(40),
  reason: z
    .string({ error: "required" })
    .trim()
    .min(10, { error: "settlementNoteShort" })
    .max(2000, { error: "tooLong" }),
});

export type CancelContractInput = z.input<typeof cancelContractSchema>;
export type CancelContractError = "invalid" | "not_found" | "illegal_transition" | "money_in_flight";

/**
 * Whether any money of the contract is still moving: a milestone funded, delivered or disputed
 * (escrow holds it), a payment being created, open or processing, a transfer to the expert not
 * sent yet, or a refund to the client not yet through. A contract is cancelled only when none is.
 */
async function moneyInFlight(tx: Transaction, contract: Contract, milestones: ContractMilestone[]): Promise<boolean> {
  if (milestones.some((m) => m.status === "funded" || m.status === "delivered" || m.status === "disputed")) return true;
  const [payment] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(and(eq(payments.contractId, contract.id), inArray(payments.status, ["creating", "open", "processing"])))
    .limit(1);
  if (payment) return true;
  const [transfer] = await tx
    .select({ id: transfers.id })
    .from(transfers)
    .where(and(eq(transfers.contractId, contract.id), ne(transfers.status, "sent")))
    .limit(1);
  if (transfer) return true;
  if (milestones.length === 0) return false;
  const [refund] = await tx
    .select({ id: refunds.id })
    .from(refunds)
    .where(
      and(
        inArray(
          refunds.milestoneId,
          milestones.map((m) => m.id),
        ),
        ne(refunds.status, "succeeded"),
      ),
    )
    .limit(1);
  return !!refund;
}

/** Both sides hear of the cancellation, each in their language, with the admin's reason. */
async function tellBothSides(tx: Transaction, contract: Contract, reason: string): Promise<void> {
  const url = appUrl(`/contracts/${contract.id}`);
  for (const side of ["client", "expert"] as const) {
    const party = side === "expert" ? contract.facts.client.legalName : contract.facts.expert.name;
    for (const recipient of await contractRecipients(tx, contract, side)) {
      await sendEmail(tx, {
        template: "contract-event",
        to: recipient.email,
        idempotencyKey: `contractCancelled:${contract.id}:${recipient.id}`,
        props: { locale: recipient.locale, event: "contractCancelled", jobTitle: contract.facts.job.title, party, withDpa: contract.personalData, reason, url },
      });
    }
  }
}

/**
 * An admin cancels a contract that is awaiting its documents or active, with a reason both
 * sides receive. Refused while any of its money is in flight. In one transaction: the contract
 * is cancelled, its pending milestones stay pending (funding requires an active contract, so
 * they are never funded), its job is closed, and both sides are told.
 *
 * Lock order: the contract's milestones, then the contract, as the money paths do (a milestone,
 * then its contract), so a funding or an approval running at the same time waits for us, or we
 * for it, and the checks below see what it did.
 */
export async function cancelContract(
  actor: Actor | null,
  input: CancelContractInput,
): Promise<Result<{ jobClosed: boolean }, CancelContractError>> {
  const admin = requireRole(actor, "admin");
  const parsed = cancelContractSchema.safeParse(input);
  if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
  const { contractId, reason } = parsed.data;
  if (!isUuidLike(contractId)) return fail("not_found");

  return db.transaction(async (tx) => {
    const milestones = await tx
      .select()
      .from(contractMilestones)
      .where(eq(contractMilestones.contractId, contractId))
      .orderBy(asc(contractMilestones.position))
      .for("update");
    const [contract] = await tx.select().from(contracts).where(eq(contracts.id, contractId)).for("no key update");
    if (!contract) return fail("not_found");
    const next = nextContractStatus(contract.status, "cancel");
    if (!next) return fail("illegal_transition");
    if (await moneyInFlight(tx, contract, milestones)) return fail("money_in_flight");

    const now = new Date();
    await tx.update(contracts).set({ status: next, updatedAt: now }).where(eq(contracts.id, contract.id));
    await recordAudit(tx, {
      actor: admin,
      action: "contract.cancel",
      subjectType: "contract",
      subjectId: contract.id,
      fromStatus: contract.status,
      toStatus: next,
      reason,
      data: { pendingMilestones: milestones.filter((m) => m.status === "pending").length },
    });

    const [job] = await tx.select({ id: jobs.id, status: jobs.status }).from(jobs).where(eq(jobs.id, contract.jobId)).for("update");
    const nextJob = job ? nextJobStatus(job.status, "close") : null;
    if (job && nextJob) {
      await tx.update(jobs).set({ status: nextJob, closedAt: now, updatedAt: now }).where(eq(jobs.id, job.id));
      await recordAudit(tx, { actor: admin, action: "job.close", subjectType: "job", subjectId: job.id, fromStatus: job.status, toStatus: nextJob, data: { contractId: contract.id, cause: "contract.cancel" } });
    }

    await tellBothSides(tx, contract, reason);
    return ok({ jobClosed: !!nextJob });
  });
}
