import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, contracts, emailOutbox, invoices, payments, retainerMonths, retainers, stripeEvents, transfers } from "@/db/schema";
import { processProviderEvent } from "@/lib/payments/events/process";
import { runRetainerBilling } from "@/lib/retainers/billing";
import { chargeRetainerMonth } from "@/lib/retainers/charge";
import { makeRetainerContract, saveTestPaymentMethod } from "../../helpers/retainers";

/** Processes every recorded provider event not processed yet (what the worker's process_stripe_event does). */
async function processEvents(): Promise<string[]> {
  const pending = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(isNull(stripeEvents.processedAt)).orderBy(asc(stripeEvents.receivedAt));
  const outcomes: string[] = [];
  for (const { id } of pending) outcomes.push(await processProviderEvent(id));
  return outcomes;
}

const at = (iso: string) => new Date(iso);
const monthsOf = (contractId: string) => db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contractId)).orderBy(asc(retainerMonths.periodStart));

async function retainerWithMethod(kind: "sepa_debit" | "card" = "sepa_debit") {
  const made = await makeRetainerContract({ activate: true });
  await saveTestPaymentMethod(made.owner, made.contractId, kind);
  return made;
}

describe("monthly billing", () => {
  it("charges the month off-session, holds it, and at month end transfers it to the expert net of commission with the invoices", async () => {
    const { contractId } = await retainerWithMethod();
    // Before the first day nothing is charged.
    await runRetainerBilling(at("2027-01-14T10:00:00Z"));
    expect((await monthsOf(contractId)).map((m) => m.status)).toEqual(["scheduled"]);

    await runRetainerBilling(at("2027-01-15T10:00:00Z"));
    expect(await processEvents()).toContain("retainer month held (funded)");
    let [first] = await monthsOf(contractId);
    expect(first).toMatchObject({ status: "held", attempts: 1 });
    const [payment] = await db.select().from(payments).where(eq(payments.id, first!.paymentId!));
    // 450 € excluding VAT, the expert is VAT-registered: 540 € charged.
    expect(payment).toMatchObject({ status: "succeeded", amountCents: 54_000, paymentMethod: "sepa_debit" });
    const [milestone] = await db.select().from(contractMilestones).where(eq(contractMilestones.id, first!.milestoneId!));
    expect(milestone?.status).toBe("funded");
    const charged = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "retainer-event"));
    expect(charged.some((e) => e.subject.includes("Maintenir notre Nextcloud"))).toBe(true);

    // A second run the same day changes nothing.
    await runRetainerBilling(at("2027-01-15T11:00:00Z"));
    expect(await processEvents()).toEqual([]);
    expect(await db.select().from(payments).where(eq(payments.contractId, contractId))).toHaveLength(1);

    // The month ends on 14 February; on the 15th it is closed and the second month opens and is charged.
    await runRetainerBilling(at("2027-02-15T10:00:00Z"));
    await processEvents();
    [first] = await monthsOf(contractId);
    expect(first?.status).toBe("released");
    const [transfer] = await db.select().from(transfers).where(eq(transfers.milestoneId, first!.milestoneId!));
    expect(transfer).toMatchObject({ grossCents: 54_000, grossExVatCents: 45_000 });
    expect(transfer!.amountCents).toBe(54_000 - transfer!.commissionCents);
    const issued = await db.select().from(invoices).where(eq(invoices.milestoneId, first!.milestoneId!));
    expect(issued.map((i) => i.role).sort()).toEqual(["commission", "service"]);
    const months = await monthsOf(contractId);
    expect(months.map((m) => [m.periodStart, m.periodEnd, m.status])).toEqual([
      ["2027-01-15", "2027-02-14", "released"],
      ["2027-02-15", "2027-03-14", "held"],
    ]);
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    expect(contract?.status).toBe("active");
  });

  it("charges nothing without a payment method or before the contract documents are accepted", async () => {
    const { contractId } = await makeRetainerContract({ activate: true });
    const [month] = await monthsOf(contractId);
    expect(await chargeRetainerMonth(month!.id, { now: at("2027-01-15T10:00:00Z") })).toBe("skipped: no payment method");
    const pending = await makeRetainerContract();
    const [pendingMonth] = await monthsOf(pending.contractId);
    expect(await chargeRetainerMonth(pendingMonth!.id, { now: at("2027-01-15T10:00:00Z") })).toBe("skipped: retainer active, contract awaiting_documents");
  });

  it("retries a refused debit three days later, then suspends the retainer and tells both sides", async () => {
    const { contractId } = await retainerWithMethod();
    await db.update(retainers).set({ paymentMethodId: "pm_test_local_sepa_debit_fail" }).where(eq(retainers.contractId, contractId));
    const [first] = await monthsOf(contractId);
    expect(await chargeRetainerMonth(first!.id, { now: at("2027-01-15T10:00:00Z") })).toBe("requires_payment_method");
    expect(await processEvents()).toContain("retainer charge failed, retry scheduled");
    let [month] = await monthsOf(contractId);
    expect(month).toMatchObject({ status: "failed", attempts: 1, failureCode: "insufficient_funds", nextAttemptAt: at("2027-01-18T10:00:00Z") });
    // Not before the retry is due.
    expect(await chargeRetainerMonth(first!.id, { now: at("2027-01-18T09:00:00Z") })).toBe("skipped: month failed");
    await runRetainerBilling(at("2027-01-18T10:00:00Z"));
    expect(await processEvents()).toContain("retainer charge failed, retry scheduled");
    [month] = await monthsOf(contractId);
    expect(month).toMatchObject({ attempts: 2, nextAttemptAt: at("2027-01-21T10:00:00Z") });
    await runRetainerBilling(at("2027-01-21T10:00:00Z"));
    expect(await processEvents()).toContain("retainer suspended");
    const [retainer] = await db.select().from(retainers).where(eq(retainers.contractId, contractId));
    expect(retainer?.status).toBe("suspended");
    [month] = await monthsOf(contractId);
    expect(month).toMatchObject({ status: "failed", attempts: 3, nextAttemptAt: null });
    // A suspended retainer opens and charges nothing more.
    await runRetainerBilling(at("2027-03-20T10:00:00Z"));
    expect(await monthsOf(contractId)).toHaveLength(1);
    const emails = await db.select({ subject: emailOutbox.subject }).from(emailOutbox).where(eq(emailOutbox.template, "retainer-event"));
    expect(emails.filter((e) => e.subject.includes("suspendu") || e.subject.includes("suspended")).length).toBeGreaterThanOrEqual(2);
    const failed = await db.select().from(payments).where(and(eq(payments.contractId, contractId), eq(payments.status, "failed")));
    expect(failed).toHaveLength(3);
  });
});
