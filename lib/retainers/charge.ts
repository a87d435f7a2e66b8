import "server-only";
import { and, eq, inArray, isNull, lt, lte, or } from "drizzle-orm";
import { db } from "@/db/client";
import { contractMilestones, contracts, payments, retainerMonths, retainers, type Contract, type ContractMilestone, type Payment, type Retainer } from "@/db/schema";
import { recordAudit } from "@/lib/audit/record";
import { parisDay } from "@/lib/dates";
import { milestoneCharge } from "@/lib/payments/amounts";
import { paymentProvider } from "@/lib/payments/provider";
import type { OffSessionChargeInput, PaymentProvider } from "@/lib/payments/provider/types";

/** A charge asked for but never answered (a crash between the commit and the provider's reply) is asked again, with the same key, after this. */
const UNANSWERED_MS = 10 * 60_000;

type Prepared = { payment: Payment; request: OffSessionChargeInput } | { skipped: string };

type SavedMethod = Pick<Retainer, "stripeCustomerId" | "paymentMethodId" | "paymentMethodKind">;

/** The provider request of a month's payment: the same every time it is sent, so its key always matches it. */
function chargeRequest(payment: Payment, method: SavedMethod, milestone: Pick<ContractMilestone, "title">, contract: Pick<Contract, "id" | "facts">, monthId: string): OffSessionChargeInput | null {
  if (!method.stripeCustomerId || !method.paymentMethodId || !method.paymentMethodKind) return null;
  return {
    amountCents: payment.amountCents,
    customerId: method.stripeCustomerId,
    paymentMethodId: method.paymentMethodId,
    paymentMethodKind: method.paymentMethodKind,
    contractId: contract.id,
    description: `${milestone.title} — ${contract.facts.job.title}`,
    metadata: { paymentId: payment.id, retainerMonthId: monthId, contractId: contract.id },
    idempotencyKey: `retainer-charge:${payment.id}`,
  };
}

/**
 * Step 1, in one transaction under the month's lock: checks that the month may be charged now
 * (scheduled, or failed with its retry due; the retainer running; a payment method saved),
 * records the payment (processing) and marks the month charging. No provider call here.
 */
async function prepareCharge(monthId: string, now: Date): Promise<Prepared> {
  return db.transaction(async (tx) => {
    const [month] = await tx.select().from(retainerMonths).where(eq(retainerMonths.id, monthId)).for("update");
    if (!month?.milestoneId) return { skipped: "no month" };
    const due = month.status === "scheduled" || (month.status === "failed" && month.nextAttemptAt !== null && month.nextAttemptAt <= now);
    if (!due) return { skipped: `month ${month.status}` };
    if (month.periodStart > parisDay(now)) return { skipped: "not started" };
    const [retainer] = await tx.select().from(retainers).where(eq(retainers.contractId, month.contractId));
    const [contract] = await tx.select().from(contracts).where(eq(contracts.id, month.contractId));
    const [milestone] = await tx.select().from(contractMilestones).where(eq(contractMilestones.id, month.milestoneId));
    if (!retainer || !contract || !milestone) return { skipped: "no retainer" };
    // Extra hours billed alone come after the last month: the retainer may have ended by then.
    const running = retainer.status === "active" || (month.kind === "extra_hours" && retainer.status === "ended");
    if (!running || contract.status !== "active") return { skipped: `retainer ${retainer.status}, contract ${contract.status}` };
    if (!retainer.paymentMethodId) return { skipped: "no payment method" };
    const { chargeCents } = milestoneCharge(milestone, contract);
    const [payment] = await tx
      .insert(payments)
      .values({ milestoneId: milestone.id, contractId: contract.id, amountCents: chargeCents, status: "processing", paymentMethod: retainer.paymentMethodKind })
      .returning();
    if (!payment) throw new Error("Payment insert returned nothing");
    await tx.update(retainerMonths).set({ status: "charging", paymentId: payment.id, attempts: month.attempts + 1, nextAttemptAt: null, updatedAt: now }).where(eq(retainerMonths.id, month.id));
    await recordAudit(tx, { actorId: null, action: "retainer.month_charging", subjectType: "contract", subjectId: contract.id, fromStatus: month.status, toStatus: "charging", data: { monthId: month.id, paymentId: payment.id, attempt: month.attempts + 1 } });
    const request = chargeRequest(payment, retainer, milestone, contract, month.id);
    if (!request) throw new Error(`Retainer ${contract.id}: payment method incomplete`);
    return { payment, request };
  });
}

/** Step 2, after the commit: asks the provider, then records the intent's id. The outcome comes as a payment_intent.* event. */
async function sendCharge(provider: PaymentProvider, payment: Pick<Payment, "id">, request: OffSessionChargeInput): Promise<string> {
  try {
    const intent = await provider.chargeOffSession(request);
    await db.update(payments).set({ paymentIntentId: intent.id, updatedAt: new Date() }).where(and(eq(payments.id, payment.id), isNull(payments.paymentIntentId)));
    return intent.status;
  } catch (error) {
    console.error(`[retainers] off-session charge for payment ${payment.id} failed; asked again later with the same key`, error);
    return "unanswered";
  }
}

/** Charges one month if it is due (see prepareCharge). Returns what happened, for the logs. */
export async function chargeRetainerMonth(monthId: string, options: { now?: Date; provider?: PaymentProvider } = {}): Promise<string> {
  const prepared = await prepareCharge(monthId, options.now ?? new Date());
  if ("skipped" in prepared) return `skipped: ${prepared.skipped}`;
  return sendCharge(options.provider ?? paymentProvider(), prepared.payment, prepared.request);
}

/**
 * Charges every due month (scheduled and started, or failed with the retry due), then asks
 * again for the charges left unanswered by a crash, under their first key.
 */
export async function chargeDueMonths(now: Date, provider: PaymentProvider = paymentProvider()): Promise<number> {
  const due = await db
    .select({ id: retainerMonths.id })
    .from(retainerMonths)
    .where(
      and(
        lte(retainerMonths.periodStart, parisDay(now)),
        or(eq(retainerMonths.status, "scheduled"), and(eq(retainerMonths.status, "failed"), lte(retainerMonths.nextAttemptAt, now))),
      ),
    );
  let charged = 0;
  for (const { id } of due) if (!(await chargeRetainerMonth(id, { now, provider })).startsWith("skipped")) charged++;
  const unanswered = await db
    .select({ payment: payments, retainer: retainers, month: retainerMonths, milestone: contractMilestones, contract: contracts })
    .from(retainerMonths)
    .innerJoin(payments, eq(payments.id, retainerMonths.paymentId))
    .innerJoin(retainers, eq(retainers.contractId, retainerMonths.contractId))
    .innerJoin(contractMilestones, eq(contractMilestones.id, payments.milestoneId))
    .innerJoin(contracts, eq(contracts.id, retainerMonths.contractId))
    .where(and(eq(retainerMonths.status, "charging"), isNull(payments.paymentIntentId), inArray(payments.status, ["processing"]), lt(payments.updatedAt, new Date(now.getTime() - UNANSWERED_MS))));
  for (const { payment, retainer, month, milestone, contract } of unanswered) {
    const request = chargeRequest(payment, retainer, milestone, contract, month.id);
    if (request) await sendCharge(provider, payment, request);
  }
  return charged;
}
