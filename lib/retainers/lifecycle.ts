import "server-only";
import { desc, eq } from "drizzle-orm";
import { db, type Transaction } from "@/db/client";
import { retainerMonths, retainers, type Contract, type Retainer } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { loadContractFor } from "@/lib/contracts/access";
import { parisDay } from "@/lib/dates";
import { isUuidLike } from "@/lib/ids";
import { fail, ok, type Result } from "@/lib/result";
import { notifyRetainer } from "./notify";
import { addDays } from "@/lib/dates";
import { periodIndexOn, retainerPeriod } from "./periods";

export type RetainerMoveError = "not_retainer" | "illegal_transition" | "notice_given";

interface Locked {
  contract: Contract;
  retainer: Retainer;
  side: "client" | "expert";
}

/** The contract and its retainer under lock, for one of its parties (`sides`); admins and strangers are refused. */
export async function lockRetainer(tx: Transaction, actor: Actor | null, contractId: string, sides: ("client" | "expert")[]): Promise<Locked | null> {
  if (!isUuidLike(contractId)) throw new PolicyError("forbidden");
  const { contract, side } = await loadContractFor(tx, actor, contractId, { lock: true });
  if (side === "admin" || !sides.includes(side)) throw new PolicyError("forbidden");
  const [retainer] = await tx.select().from(retainers).where(eq(retainers.contractId, contract.id)).for("update");
  return retainer ? { contract, retainer, side } : null;
}

function currentPeriod(retainer: Retainer, today: string): { start: string; end: string } {
  const { periodStart, periodEnd } = retainerPeriod(retainer.startsOn, Math.max(0, periodIndexOn(retainer.startsOn, today)));
  return { start: periodStart, end: periodEnd };
}

/**
 * A client member pauses a running retainer: from the next month on, no month is opened or
 * charged until it resumes (the current month, already charged, runs to its end).
 */
export async function pauseRetainer(actor: Actor | null, input: { contractId: string }, now = new Date()): Promise<Result<void, RetainerMoveError>> {
  return db.transaction(async (tx) => {
    const locked = await lockRetainer(tx, actor, input.contractId, ["client"]);
    if (!locked) return fail("not_retainer");
    const { contract, retainer } = locked;
    if (retainer.status !== "active" || contract.status !== "active") return fail("illegal_transition");
    await tx.update(retainers).set({ status: "paused", pausedAt: now, updatedAt: now }).where(eq(retainers.contractId, contract.id));
    await notifyRetainer(tx, contract, { event: "paused", audiences: ["client", "expert"], period: currentPeriod(retainer, parisDay(now)), amountCents: retainer.monthlyFeeCents, key: `${contract.id}:${now.getTime()}` });
    await recordAudit(tx, { actorId: actor?.id ?? null, action: "retainer.paused", subjectType: "contract", subjectId: contract.id, fromStatus: "active", toStatus: "paused" });
    return ok(undefined);
  });
}

/**
 * A client member resumes a paused retainer: the months the pause covered entirely are written
 * as skipped (never charged) and billing picks up at the current month.
 */
export async function resumeRetainer(actor: Actor | null, input: { contractId: string }, now = new Date()): Promise<Result<void, RetainerMoveError>> {
  return db.transaction(async (tx) => {
    const locked = await lockRetainer(tx, actor, input.contractId, ["client"]);
    if (!locked) return fail("not_retainer");
    const { contract, retainer } = locked;
    if (retainer.status !== "paused" || contract.status !== "active") return fail("illegal_transition");
    const today = parisDay(now);
    const [last] = await tx.select({ periodStart: retainerMonths.periodStart }).from(retainerMonths).where(eq(retainerMonths.contractId, contract.id)).orderBy(desc(retainerMonths.periodStart)).limit(1);
    const current = periodIndexOn(retainer.startsOn, today);
    const skipped = [];
    for (let index = last ? periodIndexOn(retainer.startsOn, last.periodStart) + 1 : 0; index < current; index++) {
      skipped.push({ contractId: contract.id, ...retainerPeriod(retainer.startsOn, index), feeCents: retainer.monthlyFeeCents, hoursIncluded: retainer.hoursIncluded, extraHourCents: retainer.extraHourCents, status: "skipped" as const });
    }
    if (skipped.length) await tx.insert(retainerMonths).values(skipped);
    await tx.update(retainers).set({ status: "active", pausedAt: null, updatedAt: now }).where(eq(retainers.contractId, contract.id));
    await notifyRetainer(tx, contract, { event: "resumed", audiences: ["client", "expert"], period: currentPeriod(retainer, today), amountCents: retainer.monthlyFeeCents, key: `${contract.id}:${now.getTime()}` });
    await recordAudit(tx, { actorId: actor?.id ?? null, action: "retainer.resumed", subjectType: "contract", subjectId: contract.id, fromStatus: "paused", toStatus: "active", data: { skipped: skipped.length } });
    return ok(undefined);
  });
}

/**
 * The last day of service when notice is given on `today`: the notice period, but never before
 * the end of the minimum term, rounded up to the end of the month it falls in (months are billed whole).
 */
export function serviceEndsOn(retainer: Pick<Retainer, "startsOn" | "noticeDays" | "minimumTermMonths">, today: string): string {
  const afterNotice = addDays(today, retainer.noticeDays);
  const termEnd = retainerPeriod(retainer.startsOn, retainer.minimumTermMonths - 1).periodEnd;
  const earliest = afterNotice > termEnd ? afterNotice : termEnd;
  return retainerPeriod(retainer.startsOn, Math.max(0, periodIndexOn(retainer.startsOn, earliest))).periodEnd;
}

/**
 * Either party terminates the retainer: the service ends after the notice period and the
 * minimum term, at the end of that month; the months until then remain due. Once only.
 */
export async function giveRetainerNotice(actor: Actor | null, input: { contractId: string }, now = new Date()): Promise<Result<{ endsOn: string }, RetainerMoveError>> {
  return db.transaction(async (tx) => {
    const locked = await lockRetainer(tx, actor, input.contractId, ["client", "expert"]);
    if (!locked) return fail("not_retainer");
    const { contract, retainer, side } = locked;
    if (retainer.status === "ended" || contract.status === "cancelled" || contract.status === "completed") return fail("illegal_transition");
    if (retainer.noticeGivenAt) return fail("notice_given");
    const today = parisDay(now);
    const endsOn = serviceEndsOn(retainer, today < retainer.startsOn ? retainer.startsOn : today);
    await tx.update(retainers).set({ noticeGivenAt: now, noticeGivenBy: side, endsOn, updatedAt: now }).where(eq(retainers.contractId, contract.id));
    await notifyRetainer(tx, contract, { event: "noticeGiven", audiences: ["client", "expert"], period: currentPeriod(retainer, today), amountCents: retainer.monthlyFeeCents, date: endsOn, key: contract.id });
    await recordAudit(tx, { actorId: actor?.id ?? null, action: "retainer.notice_given", subjectType: "contract", subjectId: contract.id, data: { side, endsOn } });
    return ok({ endsOn });
  });
}
