import "server-only";
import { and, eq, lte, sum } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { retainerExtraHours, retainerMonths } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { parisDay } from "@/lib/dates";
import { fail, ok, type Result } from "@/lib/result";
import { loadRetainerFor } from "./access";
import { notifyTicket } from "./notify";
import { nextExtraHoursStatus } from "./extra-hours-machine";
import type { RefuseExtraHoursInput, SubmitExtraHoursInput } from "./schemas";
import { minutesLogged } from "./usage";

const AUTO_APPROVE_DAYS = 7;

export const extraHoursAmount = (minutes: number, extraHourCents: number) => Math.round((minutes * extraHourCents) / 60);

export const monthReportPath = (contractId: string, periodStart: string) => `/contracts/${contractId}/tickets/months/${periodStart}`;

export type SubmitExtraHoursError = "no_month" | "not_ended" | "already_submitted" | "too_many";

/**
 * At month end the expert submits the hours worked beyond the included ones (at most the logged
 * time beyond them). The client approves them, or they are approved 7 days later.
 */
export async function submitExtraHours(actor: Actor | null, input: SubmitExtraHoursInput, now = new Date()): Promise<Result<void, SubmitExtraHoursError>> {
  return db.transaction(async (tx) => {
    const { contract, side } = await loadRetainerFor(tx, actor, input.contractId, { lock: true });
    if (side !== "expert" || !actor) throw new PolicyError("forbidden");
    const [month] = await tx.select().from(retainerMonths).where(and(eq(retainerMonths.contractId, contract.id), eq(retainerMonths.periodStart, input.periodStart)));
    if (month?.kind !== "month") return fail("no_month");
    if (parisDay(now) <= month.periodEnd) return fail("not_ended");
    const [existing] = await tx.select({ id: retainerExtraHours.id }).from(retainerExtraHours).where(eq(retainerExtraHours.retainerMonthId, month.id));
    if (existing) return fail("already_submitted");
    const beyond = (await minutesLogged(tx, contract.id, month.periodStart, month.periodEnd)) - month.hoursIncluded * 60;
    if (input.minutes > beyond) return fail("too_many", { minutes: "ticketTooManyExtra" });
    await tx.insert(retainerExtraHours).values({
      contractId: contract.id,
      retainerMonthId: month.id,
      periodStart: month.periodStart,
      minutes: input.minutes,
      extraHourCents: month.extraHourCents,
      amountCents: extraHoursAmount(input.minutes, month.extraHourCents),
      note: input.note,
      submittedAt: now,
      autoApproveAt: new Date(now.getTime() + AUTO_APPROVE_DAYS * 86_400_000),
    });
    await recordAudit(tx, { actorId: actor.id, action: "retainer.extra_hours_submitted", subjectType: "contract", subjectId: contract.id, data: { periodStart: month.periodStart, minutes: input.minutes } });
    await notifyTicket(tx, contract, { event: "extraHoursSubmitted", audiences: ["client"], ticketTitle: month.periodStart, path: monthReportPath(contract.id, month.periodStart), key: month.id });
    return ok(undefined);
  });
}

export type DecideExtraHoursError = "not_submitted" | "already_decided" | "deadline_passed";

/**
 * A client member decides on the extra hours submitted for a month, under the contract's lock:
 * approved (billed with a later month's charge) or refused with a reason (never billed; the
 * expert is told and may dispute the month). Either decision is final.
 */
async function decideExtraHours(
  actor: Actor | null,
  input: { contractId: string; periodStart: string },
  decision: { move: "approve" } | { move: "refuse"; reason: string },
  now: Date,
): Promise<Result<void, DecideExtraHoursError>> {
  return db.transaction(async (tx) => {
    const { contract, side } = await loadRetainerFor(tx, actor, input.contractId, { lock: true });
    if (side !== "client" || !actor) throw new PolicyError("forbidden");
    const [row] = await tx
      .select()
      .from(retainerExtraHours)
      .where(and(eq(retainerExtraHours.contractId, contract.id), eq(retainerExtraHours.periodStart, input.periodStart)))
      .for("update");
    if (!row) return fail("not_submitted");
    const status = nextExtraHoursStatus(row.status, decision.move);
    if (!status) return fail("already_decided");
    // Past the 7 days they count as approved (the hourly task only writes it down): too late to refuse.
    if (decision.move === "refuse" && now >= row.autoApproveAt) return fail("deadline_passed");
    const refusalReason = decision.move === "refuse" ? decision.reason : null;
    await tx.update(retainerExtraHours).set({ status, decidedAt: now, decidedById: actor.id, refusalReason }).where(eq(retainerExtraHours.id, row.id));
    await recordAudit(tx, {
      actorId: actor.id,
      action: decision.move === "refuse" ? "retainer.extra_hours_refused" : "retainer.extra_hours_approved",
      subjectType: "contract",
      subjectId: contract.id,
      fromStatus: row.status,
      toStatus: status,
      data: { periodStart: row.periodStart, amountCents: row.amountCents, ...(refusalReason ? { reason: refusalReason } : {}) },
    });
    if (decision.move === "refuse") {
      await notifyTicket(tx, contract, { event: "extraHoursRefused", audiences: ["expert"], ticketTitle: row.periodStart, path: monthReportPath(contract.id, row.periodStart), key: row.id });
    }
    return ok(undefined);
  });
}

/** A client member approves the extra hours submitted for a month. */
export async function approveExtraHours(actor: Actor | null, input: { contractId: string; periodStart: string }, now = new Date()): Promise<Result<void, DecideExtraHoursError>> {
  return decideExtraHours(actor, input, { move: "approve" }, now);
}

/** A client member refuses the extra hours submitted for a month, with a reason, before they are approved automatically. */
export async function refuseExtraHours(actor: Actor | null, input: RefuseExtraHoursInput, now = new Date()): Promise<Result<void, DecideExtraHoursError>> {
  return decideExtraHours(actor, input, { move: "refuse", reason: input.reason }, now);
}

/** Approves the submitted extra hours whose 7 days have passed (only submitted ones: refused hours stay refused); returns how many. */
export async function autoApproveExtraHours(now = new Date()): Promise<number> {
  const approved = nextExtraHoursStatus("submitted", "autoApprove");
  if (!approved) throw new Error("Extra hours cannot be approved automatically");
  const rows = await db
    .update(retainerExtraHours)
    .set({ status: approved, decidedAt: now })
    .where(and(eq(retainerExtraHours.status, "submitted"), lte(retainerExtraHours.autoApproveAt, now)))
    .returning({ id: retainerExtraHours.id, contractId: retainerExtraHours.contractId });
  return rows.length;
}

/**
 * The approved extra hours of the retainer month that began on `periodStart`, in cents
 * (minutes × the month's extra hour price): billing adds it to the charge of the month after.
 */
export async function approvedExtraHoursFor(tx: Executor, contractId: string, periodStart: string): Promise<number> {
  const [row] = await tx
    .select({ total: sum(retainerExtraHours.amountCents).mapWith(Number) })
    .from(retainerExtraHours)
    .where(and(eq(retainerExtraHours.contractId, contractId), eq(retainerExtraHours.periodStart, periodStart), eq(retainerExtraHours.status, "approved")));
  return row?.total ?? 0;
}
