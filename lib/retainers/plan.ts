import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { retainerPlanChanges, retainers, type Retainer, type RetainerTerms } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { lockRetainer } from "./lifecycle";
import { notifyRetainer } from "./notify";
import { periodAfterLast } from "./months";
import { periodIndexOn, retainerPeriod } from "./periods";
import { planChangeSchema, type PlanChangeInput } from "./schemas";

export type ProposePlanError = "invalid" | "not_retainer" | "not_serving" | "pending_exists" | "unchanged" | "no_next_month";
export type DecidePlanError = "not_retainer" | "not_pending" | "not_serving" | "no_next_month";

export const planPath = (contractId: string) => `/contracts/${contractId}/plan`;

const otherSide = (side: "client" | "expert") => (side === "client" ? "expert" : "client");

/** The first month not opened yet (a Paris day): where an accepted plan starts; null when the retainer ends before it. */
async function nextUnopenedMonth(tx: Transaction, retainer: Retainer): Promise<{ periodStart: string; periodEnd: string } | null> {
  const next = await periodAfterLast(tx, retainer);
  return retainer.endsOn && next.periodStart > retainer.endsOn ? null : next;
}

/** The service level a retainer holds now. */
function termsOf(r: Retainer): RetainerTerms {
  const { monthlyFeeCents, hoursIncluded, extraHourCents, responseHours, coveredSoftware, coveredHosts, workingHours, minimumTermMonths, noticeDays } = r;
  return { monthlyFeeCents, hoursIncluded, extraHourCents, responseHours, coveredSoftware, coveredHosts, workingHours, minimumTermMonths, noticeDays };
}

/** A retainer still running: not ended, on an active contract. */
const serving = (retainer: Retainer, contractStatus: string) => retainer.status !== "ended" && contractStatus === "active";

/**
 * Either party proposes a new plan (monthly fee, hours included, extra hour price); the other
 * side accepts or declines it. One proposal waits at a time; none once the last month has opened.
 */
export async function proposePlanChange(actor: Actor | null, input: PlanChangeInput, now = new Date()): Promise<Result<{ changeId: string }, ProposePlanError>> {
  if (!isUuidLike(input.contractId)) throw new PolicyError("forbidden");
  const parsed = planChangeSchema.safeParse(input);
  return db.transaction(async (tx) => {
    const locked = await lockRetainer(tx, actor, input.contractId, ["client", "expert"]);
    if (!locked || !actor) return fail("not_retainer");
    const { contract, retainer, side } = locked;
    if (!parsed.success) return fail("invalid", fieldErrors(parsed.error));
    if (!serving(retainer, contract.status)) return fail("not_serving");
    const next = await nextUnopenedMonth(tx, retainer);
    if (!next) return fail("no_next_month");
    const { plan } = parsed.data;
    const base = retainer.nextTerms ?? retainer;
    if (plan.monthlyFeeCents === base.monthlyFeeCents && plan.hoursIncluded === base.hoursIncluded && plan.extraHourCents === base.extraHourCents) return fail("unchanged");
    const [pending] = await tx.select({ id: retainerPlanChanges.id }).from(retainerPlanChanges).where(and(eq(retainerPlanChanges.contractId, contract.id), eq(retainerPlanChanges.status, "proposed")));
    if (pending) return fail("pending_exists");
    const [change] = await tx
      .insert(retainerPlanChanges)
      .values({ contractId: contract.id, proposedBySide: side, proposedById: actor.id, ...plan, createdAt: now })
      .returning({ id: retainerPlanChanges.id });
    if (!change) throw new Error("Plan change insert returned nothing");
    await recordAudit(tx, { actorId: actor.id, action: "retainer.plan_proposed", subjectType: "contract", subjectId: contract.id, data: { changeId: change.id, side, ...plan } });
    await notifyRetainer(tx, contract, {
      event: "planProposed",
      audiences: [otherSide(side)],
      period: { start: next.periodStart, end: next.periodEnd },
      amountCents: plan.monthlyFeeCents,
      date: next.periodStart,
      key: change.id,
      path: planPath(contract.id),
    });
    return ok({ changeId: change.id });
  });
}

/**
 * The other side than the proposer accepts (the plan applies from the first month not opened
 * yet, written as the retainer's next terms that opening the month applies) or declines the
 * waiting proposal. The proposer, admins and strangers are refused.
 */
async function decidePlanChange(actor: Actor | null, input: { contractId: string; changeId: string }, accept: boolean, now: Date): Promise<Result<{ effectiveFrom: string | null }, DecidePlanError>> {
  if (!isUuidLike(input.contractId) || !isUuidLike(input.changeId)) throw new PolicyError("forbidden");
  return db.transaction(async (tx) => {
    const locked = await lockRetainer(tx, actor, input.contractId, ["client", "expert"]);
    if (!locked || !actor) return fail("not_retainer");
    const { contract, retainer, side } = locked;
    const [change] = await tx
      .select()
      .from(retainerPlanChanges)
      .where(and(eq(retainerPlanChanges.id, input.changeId), eq(retainerPlanChanges.contractId, contract.id)))
      .for("update");
    if (!change) throw new PolicyError("forbidden");
    if (change.proposedBySide === side) throw new PolicyError("forbidden");
    if (change.status !== "proposed") return fail("not_pending");
    const plan = { monthlyFeeCents: change.monthlyFeeCents, hoursIncluded: change.hoursIncluded, extraHourCents: change.extraHourCents };
    const next = await nextUnopenedMonth(tx, retainer);
    if (!accept) {
      await tx.update(retainerPlanChanges).set({ status: "declined", decidedById: actor.id, decidedAt: now }).where(eq(retainerPlanChanges.id, change.id));
      await recordAudit(tx, { actorId: actor.id, action: "retainer.plan_declined", subjectType: "contract", subjectId: contract.id, fromStatus: "proposed", toStatus: "declined", data: { changeId: change.id } });
      const period = next ?? retainerPeriod(retainer.startsOn, Math.max(0, periodIndexOn(retainer.startsOn, retainer.endsOn ?? retainer.startsOn)));
      await notifyRetainer(tx, contract, { event: "planDeclined", audiences: [change.proposedBySide], period: { start: period.periodStart, end: period.periodEnd }, amountCents: plan.monthlyFeeCents, key: change.id, path: planPath(contract.id) });
      return ok({ effectiveFrom: null });
    }
    if (!serving(retainer, contract.status)) return fail("not_serving");
    if (!next) return fail("no_next_month");
    const base = retainer.nextTerms ?? termsOf(retainer);
    await tx.update(retainers).set({ nextTerms: { ...base, ...plan }, nextTermsFrom: next.periodStart, updatedAt: now }).where(eq(retainers.contractId, contract.id));
    await tx.update(retainerPlanChanges).set({ status: "accepted", effectiveFrom: next.periodStart, decidedById: actor.id, decidedAt: now }).where(eq(retainerPlanChanges.id, change.id));
    await recordAudit(tx, { actorId: actor.id, action: "retainer.plan_accepted", subjectType: "contract", subjectId: contract.id, fromStatus: "proposed", toStatus: "accepted", data: { changeId: change.id, effectiveFrom: next.periodStart, ...plan } });
    await notifyRetainer(tx, contract, {
      event: "planChanged",
      audiences: ["client", "expert"],
      period: { start: next.periodStart, end: next.periodEnd },
      amountCents: plan.monthlyFeeCents,
      date: next.periodStart,
      key: change.id,
      path: planPath(contract.id),
    });
    return ok({ effectiveFrom: next.periodStart });
  });
}

export async function acceptPlanChange(actor: Actor | null, input: { contractId: string; changeId: string }, now = new Date()) {
  return decidePlanChange(actor, input, true, now);
}

export async function declinePlanChange(actor: Actor | null, input: { contractId: string; changeId: string }, now = new Date()) {
  return decidePlanChange(actor, input, false, now);
}
