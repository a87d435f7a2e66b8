import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contractMilestones, disputes, emailOutbox, refunds, testModeObjects, transfers } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { ledgerBalances } from "@/lib/payments/ledger";

import { makeOrganization, makeUser } from "../../helpers/factories";
import { enablePayouts, fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { runQueuedJobs } from "../../helpers/worker";
import { endResponseWindow } from "../../helpers/disputes";

const EMPTY = { platform_cash: 0, client_funds_held: 0, expert_payable: 0, expert_vat_collected: 0, commission_revenue: 0, commission_vat_collected: 0 };

const statusOf = async (id: string) => (await db.select().from(contractMilestones).where(eq(contractMilestones.id, id)))[0]?.status;
const text = "Le serveur n’est pas accessible depuis la deuxième boutique malgré trois relances.";

async function disputedMilestone(options: { deliver?: boolean; amount?: string } = {}) {
  const amount = options.amount ?? "1000";
  const contract = await makeActiveContract({ bid: { total: amount, milestones: [{ title: "Tout", amount, dueOn: "2027-01-30" }] } });
  const [milestoneId] = contract.milestoneIds as [string];
  await enablePayouts(contract.expert);
  await fundMilestone(contract.owner, milestoneId);
  if (options.deliver !== false) await markDelivered(contract.expert, { milestoneId, note: "Installation livrée." });
  const opened = await openDispute(contract.owner, { milestoneId, reason: "not_as_agreed", text });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  // These tests are about what a settlement does; when it may happen is tested in disputes/thread.test.ts.
  await endResponseWindow(opened.value.disputeId);
  return { ...contract, milestoneId, disputeId: opened.value.disputeId };
}

describe("disputes", () => {
  it("a dispute freezes the milestone: no approval, no delivery; everyone is told", async () => {
    const { owner, expert, milestoneId } = await disputedMilestone({ deliver: false });
    expect(await statusOf(milestoneId)).toBe("disputed");
    expect(await approveMilestone(owner, { milestoneId })).toEqual({ ok: false, error: "illegal_transition" });
    expect(await markDelivered(expert, { milestoneId, note: "Je livre quand même." })).toEqual({ ok: false, error: "illegal_transition" });
    expect(await openDispute(owner, { milestoneId, reason: "quality", text })).toEqual({ ok: false, error: "illegal_transition" });
    const told = await db.select().from(emailOutbox).where(and(eq(emailOutbox.template, "payment-event")));
    expect(told.filter((m) => m.subject.includes("Litige ouvert")).map((m) => m.toAddress)).toEqual(expect.arrayContaining([owner.email, expert.email]));
  });

  it("refuses bad input and a pending milestone", async () => {
    const { owner, milestoneIds } = await makeActiveContract();
    expect(await openDispute(owner, { milestoneId: milestoneIds[0]!, reason: "nope", text: "court" })).toMatchObject({ ok: false, error: "invalid", fields: { reason: "required", text: "disputeTextShort" } });
    expect(await openDispute(owner, { milestoneId: milestoneIds[0]!, reason: "quality", text })).toEqual({ ok: false, error: "illegal_transition" });
  });

  it("a partial refund: the client gets part back, the expert the rest net of commission, the ledger balances", async () => {
    const { owner, expert, contractId, milestoneId, disputeId } = await disputedMilestone({ amount: "1000" });
    const admin = await makeUser("admin");
    // Paid 1 200,00 € incl. VAT; refund 300,01 €, release 899,99 € (749,99 € excluding VAT → commission 75,00 €).
    expect(await settleDispute(admin, { disputeId, outcome: "split", refund: "1200", note: "Accord trouvé avec les deux parties." })).toMatchObject({ ok: false, fields: { refund: "splitAmount" } });
    // Issue 13: 123,45 € is the total of no exact credit note at 20 % (102,87 € + 20,57 € = 123,44 €).
    expect(await settleDispute(admin, { disputeId, outcome: "split", refund: "123,45", note: "Accord trouvé avec les deux parties." })).toMatchObject({ ok: false, fields: { refund: "splitAmountVat" } });
    expect(await db.select().from(refunds).where(eq(refunds.milestoneId, milestoneId))).toHaveLength(0);
    expect(await settleDispute(admin, { disputeId, outcome: "split", refund: "300,01", note: "Une boutique sur deux fonctionne : partage." })).toEqual({ ok: true, value: undefined });
    expect(await statusOf(milestoneId)).toBe("split");
    expect(await settleDispute(admin, { disputeId, outcome: "refund", note: "Une seconde décision ne passe pas." })).toEqual({ ok: false, error: "illegal_transition" });
    await runQueuedJobs(["send_transfer", "send_refund"]);

    const [refund] = await db.select().from(refunds).where(eq(refunds.milestoneId, milestoneId));
    expect(refund).toMatchObject({ amountCents: 30_001, status: "succeeded", stripeRefundId: expect.stringMatching(/^re_test_local_/) });
    const [transfer] = await db.select().from(transfers).where(eq(transfers.milestoneId, milestoneId));
    expect(transfer).toMatchObject({ grossCents: 89_999, grossExVatCents: 74_999, commissionCents: 7_500, amountCents: 82_499, status: "sent" });
    expect(await ledgerBalances(db, contractId)).toEqual({ ...EMPTY, platform_cash: 7_500, commission_revenue: -6_250, commission_vat_collected: -1_250 });
    const [dispute] = await db.select().from(disputes).where(eq(disputes.id, disputeId));
    expect(dispute).toMatchObject({ status: "settled", outcome: "split", refundCents: 30_001, releaseCents: 89_999, settledById: admin.id });
    const audit = await db.select().from(auditLog).where(eq(auditLog.subjectId, disputeId));
    expect(audit.map((a) => a.action)).toEqual(["dispute.settled"]);
    const settledMail = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `disputeSettled:${disputeId}:${expert.id}`));
    expect(settledMail).toHaveLength(1);
    const refundMail = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `refundSent:${refund!.id}:${owner.id}`));
    expect(refundMail[0]?.subject).toContain("300,01");
  });

  it("a full refund and a full release", async () => {
    const admin = await makeUser("admin");
    const refunded = await disputedMilestone({ amount: "500" });
    expect((await settleDispute(admin, { disputeId: refunded.disputeId, outcome: "refund", note: "Rien n’a été livré." })).ok).toBe(true);
    await runQueuedJobs(["send_transfer", "send_refund"]);
    expect(await statusOf(refunded.milestoneId)).toBe("refunded");
    expect(await db.select().from(transfers).where(eq(transfers.milestoneId, refunded.milestoneId))).toHaveLength(0);
    expect(await ledgerBalances(db, refunded.contractId)).toEqual(EMPTY);
    const intentRefunds = await db.select().from(testModeObjects).where(eq(testModeObjects.type, "refund"));
    expect(intentRefunds.some((r) => (r.data as { amount?: number }).amount === 60_000)).toBe(true);

    const released = await disputedMilestone({ amount: "500" });
    expect((await settleDispute(admin, { disputeId: released.disputeId, outcome: "release", note: "Le travail est conforme au devis." })).ok).toBe(true);
    await runQueuedJobs(["send_transfer", "send_refund"]);
    expect(await statusOf(released.milestoneId)).toBe("released");
    expect(await ledgerBalances(db, released.contractId)).toEqual({ ...EMPTY, platform_cash: 5_000, commission_revenue: -4_167, commission_vat_collected: -833 });
  });

  it("only the contract's client opens a dispute; only admins settle", async () => {
    const { owner, expert, milestoneIds } = await makeActiveContract();
    const [milestoneId] = milestoneIds as [string];
    await fundMilestone(owner, milestoneId);
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    for (const actor of [null, expert, stranger, await makeUser("admin")]) {
      await expect(openDispute(actor, { milestoneId, reason: "quality", text })).rejects.toBeInstanceOf(PolicyError);
    }
    const { disputeId } = await disputedMilestone();
    for (const actor of [null, owner, expert, stranger]) {
      await expect(settleDispute(actor, { disputeId, outcome: "refund", note: "Je décide tout seul." })).rejects.toBeInstanceOf(PolicyError);
    }
  });
});
