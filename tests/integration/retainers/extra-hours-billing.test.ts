import { and, asc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, invoices, payments, retainerExtraHours, retainerMonths, stripeEvents, type InvoiceDocument } from "@/db/schema";
import { processProviderEvent } from "@/lib/payments/events/process";
import { runRetainerBilling } from "@/lib/retainers/billing";
import { closeDueMonths } from "@/lib/retainers/close";
import { giveRetainerNotice } from "@/lib/retainers/lifecycle";
import { billApprovedExtraHours } from "@/lib/retainers/extra-hours-billing";
import { openDueMonths } from "@/lib/retainers/months";
import { approveExtraHours, submitExtraHours } from "@/lib/tickets/extra-hours";
import { getMonthReport } from "@/lib/tickets/queries";
import { logTicketTime } from "@/lib/tickets/time";
import { openTicket } from "@/lib/tickets/tickets";
import { makeRetainerContract, saveTestPaymentMethod } from "../../helpers/retainers";

const at = (iso: string) => new Date(iso);
const monthsOf = (contractId: string) => db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contractId)).orderBy(asc(retainerMonths.periodStart));

async function processEvents(): Promise<string[]> {
  const pending = await db.select({ id: stripeEvents.id }).from(stripeEvents).where(isNull(stripeEvents.processedAt)).orderBy(asc(stripeEvents.receivedAt));
  const outcomes: string[] = [];
  for (const { id } of pending) outcomes.push(await processProviderEvent(id));
  return outcomes;
}

async function billing(iso: string) {
  const result = await runRetainerBilling(at(iso));
  await processEvents();
  return result;
}

/**
 * A retainer (450 € a month, 6 h included, 90 € an extra hour; months from the 15th) with its
 * first month worked 7 h: the expert submits 1 h of extra hours on 16 February, the client
 * approves them on the 17th. Month 2 (15 February) was charged already.
 */
async function retainerWithApprovedExtraHours(options: { lastMonthOnly?: boolean } = {}) {
  const made = await makeRetainerContract({ activate: true, ...(options.lastMonthOnly ? { terms: { minimumTermMonths: 1, noticeDays: 0 } } : {}) });
  // Terminated in its first month: service ends on 14 February.
  if (options.lastMonthOnly) expect(await giveRetainerNotice(made.expert, { contractId: made.contractId }, at("2027-01-20T09:00:00Z"))).toEqual({ ok: true, value: { endsOn: "2027-02-14" } });
  await saveTestPaymentMethod(made.owner, made.contractId);
  const ticket = await openTicket(made.owner, { contractId: made.contractId, title: "Mise à jour", severity: "normal", software: "Nextcloud", description: "Passer en version 30." }, at("2027-01-18T09:00:00Z"));
  if (!ticket.ok) throw new Error("no ticket");
  await logTicketTime(made.expert, { ticketId: ticket.value.ticketId, minutes: 420, note: "Mise à jour majeure" }, at("2027-01-18T10:00:00Z"));
  await billing("2027-01-15T10:00:00Z");
  await billing("2027-02-15T10:00:00Z");
  expect((await submitExtraHours(made.expert, { contractId: made.contractId, periodStart: "2027-01-15", minutes: 60, note: "" }, at("2027-02-16T09:00:00Z"))).ok).toBe(true);
  expect((await approveExtraHours(made.owner, { contractId: made.contractId, periodStart: "2027-01-15" }, at("2027-02-17T09:00:00Z"))).ok).toBe(true);
  return made;
}

const milestoneAmount = async (milestoneId: string | null) => (await db.select().from(contractMilestones).where(eq(contractMilestones.id, milestoneId!)))[0]?.amountCents;

/** Each case runs the billing task over several months: on a busy shared machine that takes more than the default 30 s. */
describe("approved extra hours", () => {
  it("are billed with the next month not charged yet, once, and invoiced on their own line", { timeout: 120_000 }, async () => {
    const { contractId, owner } = await retainerWithApprovedExtraHours();
    // Month 2 is charged already and month 3 not open: they wait.
    expect((await billing("2027-02-17T10:00:00Z")).extraHoursBilled).toBe(0);
    expect((await billing("2027-03-15T10:00:00Z")).extraHoursBilled).toBe(1);
    const months = await monthsOf(contractId);
    expect(months.map((m) => m.status)).toEqual(["released", "released", "held"]);
    const third = months[2]!;
    expect(await milestoneAmount(third.milestoneId)).toBe(54_000);
    const [charge] = await db.select().from(payments).where(eq(payments.id, third.paymentId!));
    // (450 € + 90 €) + 20 % VAT.
    expect(charge?.amountCents).toBe(64_800);
    const [extra] = await db.select().from(retainerExtraHours).where(eq(retainerExtraHours.contractId, contractId));
    expect(extra?.chargedWithMonthId).toBe(third.id);

    // Billing again changes nothing.
    expect((await billing("2027-03-15T11:00:00Z")).extraHoursBilled).toBe(0);
    expect(await milestoneAmount(third.milestoneId)).toBe(54_000);
    expect(await db.select().from(payments).where(eq(payments.milestoneId, third.milestoneId!))).toHaveLength(1);

    // The month report says which month billed them.
    expect((await getMonthReport(owner, contractId, "2027-01-15")).billedWith).toBe("2027-03-15");

    // At the end of month 3 its invoice shows the fee and the extra hours apart.
    await billing("2027-04-15T10:00:00Z");
    const [invoice] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, third.milestoneId!), eq(invoices.role, "service")));
    const document = invoice?.document as InvoiceDocument;
    expect(document.lines.map((l) => [l.description, l.quantity, l.unitPriceExVatCents, l.totalExVatCents])).toEqual([
      ["Forfait mensuel, mois du 2027-03-15", "1", 45_000, 45_000],
      ["Heures supplémentaires (1 h × 90,00\u00a0€), mois du 2027-01-15", "1", 9_000, 9_000],
    ]);
    expect(invoice).toMatchObject({ exVatCents: 54_000, inclVatCents: 64_800 });
  });

  it("are billed once when billing stops between its steps and runs again", { timeout: 120_000 }, async () => {
    const { contractId } = await retainerWithApprovedExtraHours();
    // A run that stops after adding the hours, before charging (a crash).
    await closeDueMonths(at("2027-03-15T10:00:00Z"));
    expect(await openDueMonths(at("2027-03-15T10:00:00Z"))).toBe(1);
    expect(await billApprovedExtraHours(at("2027-03-15T10:00:00Z"))).toBe(1);
    let third = (await monthsOf(contractId))[2]!;
    expect(third.status).toBe("scheduled");
    expect(await milestoneAmount(third.milestoneId)).toBe(54_000);
    // The next run adds nothing more and charges the month with them.
    expect(await billing("2027-03-15T11:00:00Z")).toMatchObject({ opened: 0, extraHoursBilled: 0, charged: 1 });
    third = (await monthsOf(contractId))[2]!;
    expect(await milestoneAmount(third.milestoneId)).toBe(54_000);
    const [charge] = await db.select().from(payments).where(eq(payments.id, third.paymentId!));
    expect(charge).toMatchObject({ amountCents: 64_800, status: "succeeded" });
  });

  it("are charged alone after the last month when no month is left to carry them, once", { timeout: 120_000 }, async () => {
    const { contractId } = await retainerWithApprovedExtraHours({ lastMonthOnly: true });
    expect((await billing("2027-02-17T10:00:00Z")).extraHoursBilled).toBe(1);
    expect((await billing("2027-02-17T11:00:00Z")).extraHoursBilled).toBe(0);
    const months = await monthsOf(contractId);
    expect(months.map((m) => [m.kind, m.status, m.periodStart, m.feeCents])).toEqual([
      ["month", "released", "2027-01-15", 45_000],
      ["extra_hours", "held", "2027-02-15", 9_000],
    ]);
    const alone = months[1]!;
    expect(await db.select({ amountCents: payments.amountCents }).from(payments).where(eq(payments.milestoneId, alone.milestoneId!))).toEqual([{ amountCents: 10_800 }]);
    // Closed at the end of its period like a month: released, invoiced with the hours' line only.
    await billing("2027-03-15T10:00:00Z");
    expect((await monthsOf(contractId)).map((m) => m.status)).toEqual(["released", "released"]);
    const [invoice] = await db.select().from(invoices).where(and(eq(invoices.milestoneId, alone.milestoneId!), eq(invoices.role, "service")));
    expect((invoice?.document as InvoiceDocument).lines.map((l) => [l.description, l.totalExVatCents])).toEqual([["Heures supplémentaires (1 h × 90,00\u00a0€), mois du 2027-01-15", 9_000]]);
  });
});
