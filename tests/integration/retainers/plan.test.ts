import { asc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, emailOutbox, retainerMonths, retainerPlanChanges, retainers, stripeEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { processProviderEvent } from "@/lib/payments/events/process";
import { runRetainerBilling } from "@/lib/retainers/billing";
import { giveRetainerNotice } from "@/lib/retainers/lifecycle";
import { acceptPlanChange, declinePlanChange, proposePlanChange } from "@/lib/retainers/plan";
import { getRetainerPlan } from "@/lib/retainers/plan-queries";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeRetainerContract, saveTestPaymentMethod } from "../../helpers/retainers";

let admin: Actor;
let otherClient: Actor;
let otherExpert: Actor;

beforeAll(async () => {
  admin = await makeUser("admin");
  otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  ({ expert: otherExpert } = await makeRetainerContract({ activate: true }));
});

const at = (iso: string) => new Date(iso);
const plan = (contractId: string, overrides: Record<string, string | number> = {}) => ({ contractId, monthlyFee: "600", hoursIncluded: 10, extraHour: "85,50", ...overrides });

async function processEvents() {
  const pending = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(isNull(stripeEvents.processedAt)).orderBy(asc(stripeEvents.receivedAt));
  for (const { id } of pending) await processProviderEvent(id);
}

describe("changing a retainer's plan", () => {
  it("is proposed by one side and accepted by the other: it applies from the next month not opened, recorded, audited, both told", async () => {
    const { owner, expert, contractId } = await makeRetainerContract({ activate: true });
    await saveTestPaymentMethod(owner, contractId);
    await runRetainerBilling(at("2027-01-15T10:00:00Z"));
    await processEvents();
    const proposed = await proposePlanChange(owner, plan(contractId), at("2027-01-20T09:00:00Z"));
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    const { changeId } = proposed.value;
    expect(await proposePlanChange(expert, plan(contractId, { monthlyFee: "700" }))).toEqual({ ok: false, error: "pending_exists" });
    const view = await getRetainerPlan(expert, contractId);
    expect(view?.pending).toMatchObject({ id: changeId, proposedBySide: "client", monthlyFeeCents: 60_000, hoursIncluded: 10, extraHourCents: 8_550 });
    const toExpert = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, expert.email));
    expect(toExpert.some((e) => e.template === "retainer-event" && e.subject.includes("proposition"))).toBe(true);

    // The proposer cannot accept it, nor can anyone but the expert.
    for (const actor of [owner, admin, otherClient, otherExpert, null]) {
      await expect(acceptPlanChange(actor, { contractId, changeId })).rejects.toBeInstanceOf(PolicyError);
      await expect(declinePlanChange(actor, { contractId, changeId })).rejects.toBeInstanceOf(PolicyError);
    }
    // Month 1 (from 15 January) is open: the plan applies from 15 February.
    expect(await acceptPlanChange(expert, { contractId, changeId }, at("2027-01-21T09:00:00Z"))).toEqual({ ok: true, value: { effectiveFrom: "2027-02-15" } });
    expect(await acceptPlanChange(expert, { contractId, changeId })).toEqual({ ok: false, error: "not_pending" });
    let [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contractId));
    expect(retainer).toMatchObject({ monthlyFeeCents: 45_000, nextTermsFrom: "2027-02-15", nextTerms: expect.objectContaining({ monthlyFeeCents: 60_000, hoursIncluded: 10, extraHourCents: 8_550, noticeDays: 30 }) });
    const audits = await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.subjectId, contractId));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(["retainer.plan_proposed", "retainer.plan_accepted"]));
    const changed = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "retainer-event"));
    for (const person of [owner, expert]) expect(changed.some((e) => e.toAddress === person.email && (e.subject.includes("nouveau forfait") || e.subject.includes("new fee")))).toBe(true);

    await runRetainerBilling(at("2027-02-15T10:00:00Z"));
    const months = await db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contractId)).orderBy(asc(retainerMonths.periodStart));
    expect(months.map((m) => [m.periodStart, m.feeCents, m.hoursIncluded, m.extraHourCents])).toEqual([
      ["2027-01-15", 45_000, 6, 9_000],
      ["2027-02-15", 60_000, 10, 8_550],
    ]);
    [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contractId));
    expect(retainer).toMatchObject({ monthlyFeeCents: 60_000, nextTerms: null, nextTermsFrom: null });
    expect((await getRetainerPlan(owner, contractId))?.history.map((c) => [c.effectiveFrom, c.monthlyFeeCents])).toEqual([["2027-02-15", 60_000]]);
  });

  it("is declined by the other side: nothing changes, the proposer is told", async () => {
    const { owner, expert, contractId } = await makeRetainerContract({ activate: true });
    const proposed = await proposePlanChange(expert, plan(contractId));
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    await expect(declinePlanChange(expert, { contractId, changeId: proposed.value.changeId })).rejects.toBeInstanceOf(PolicyError);
    expect(await declinePlanChange(owner, { contractId, changeId: proposed.value.changeId })).toEqual({ ok: true, value: { effectiveFrom: null } });
    const [change] = await db.select().from(retainerPlanChanges).where(eq(retainerPlanChanges.id, proposed.value.changeId));
    expect(change).toMatchObject({ status: "declined", decidedById: owner.id, effectiveFrom: null });
    const [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contractId));
    expect(retainer).toMatchObject({ monthlyFeeCents: 45_000, nextTerms: null });
    const toExpert = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, expert.email));
    expect(toExpert.some((e) => e.subject.includes("refusé"))).toBe(true);
    // A new proposal may follow.
    expect((await proposePlanChange(owner, plan(contractId, { monthlyFee: "500" }))).ok).toBe(true);
  });

  it("is proposed by the contract's parties only, with valid terms, while a next month remains", async () => {
    const { owner, expert, contractId } = await makeRetainerContract({ activate: true, terms: { minimumTermMonths: 1, noticeDays: 0 } });
    for (const actor of [admin, otherClient, otherExpert, null]) {
      await expect(proposePlanChange(actor, plan(contractId))).rejects.toBeInstanceOf(PolicyError);
      if (actor !== admin) await expect(getRetainerPlan(actor, contractId)).rejects.toBeInstanceOf(PolicyError);
    }
    // Admins read it, and act on nothing.
    expect((await getRetainerPlan(admin, contractId))?.side).toBe("admin");
    expect(await proposePlanChange(owner, plan(contractId, { monthlyFee: "0", extraHour: "abc" }))).toEqual({ ok: false, error: "invalid", fields: { monthlyFee: "amount", extraHour: "amount" } });
    expect(await proposePlanChange(owner, plan(contractId, { hoursIncluded: "x" }))).toEqual({ ok: false, error: "invalid", fields: { hoursIncluded: "retainerHoursIncluded" } });
    expect(await proposePlanChange(owner, plan(contractId, { monthlyFee: "450", hoursIncluded: 6, extraHour: "90" }))).toEqual({ ok: false, error: "unchanged" });
    // Terminated at the end of its first month: no month left to change.
    expect((await giveRetainerNotice(expert, { contractId }, at("2027-01-20T09:00:00Z"))).ok).toBe(true);
    expect(await proposePlanChange(owner, plan(contractId))).toEqual({ ok: false, error: "no_next_month" });
  });
});
