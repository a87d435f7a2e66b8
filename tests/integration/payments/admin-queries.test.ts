import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, contracts, disputes, refunds, transfers, type Transfer } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { commissionParts, vatOn } from "@/lib/money/commission";
import { milestoneCharge } from "@/lib/payments/amounts";
import { shiftMonth } from "@/lib/dates";
import { getDisputeDetail, getPaymentTotals, listOpenDisputes, parseMonth } from "@/lib/payments/admin-queries";
import { getContractMoney } from "@/lib/payments/contract-money";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { sendRefund } from "@/lib/payments/refunds";
import { sendTransfer } from "@/lib/payments/transfers";
import { enablePayouts, fundMilestone, makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { endResponseWindow } from "../../helpers/disputes";

const note = "Serveur installé, sauvegardes testées, accès remis.";
const complaint = "La formation prévue n’a duré qu’une heure au lieu d’une journée.";

let admin: Actor;
let flow: ActiveContract;
let splitDisputeId: string;
let paymentIds: string[];
/** The amounts of the flow, from the contract (whatever VAT and commission it was formed with). */
const REFUND = 50_050;
let amounts: { first: number; second: number; release1: Transfer; release2: Transfer };

/**
 * One contract through every money move: milestone 1 funded, delivered, approved and its net
 * transferred; milestone 2 funded, disputed and split (500,50 € refunded, the rest released).
 */
beforeAll(async () => {
  admin = await makeUser("admin", { name: "Alice Admin" });
  flow = await makeActiveContract({ withMember: true });
  const [first = "", second = ""] = flow.milestoneIds;
  paymentIds = [await fundMilestone(flow.owner, first)];
  expect((await markDelivered(flow.expert, { milestoneId: first, note })).ok).toBe(true);
  const approved = await approveMilestone(flow.owner, { milestoneId: first });
  if (!approved.ok) throw new Error(JSON.stringify(approved));
  await enablePayouts(flow.expert);
  expect(await sendTransfer(approved.value.transferId)).toBe("sent");

  paymentIds.push(await fundMilestone(flow.owner, second));
  const opened = await openDispute(flow.member ?? flow.owner, { milestoneId: second, reason: "not_as_agreed", text: complaint });
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  splitDisputeId = opened.value.disputeId;
  await endResponseWindow(splitDisputeId);
  const settled = await settleDispute(admin, { disputeId: splitDisputeId, outcome: "split", refund: "500,50", note: "Formation écourtée : la moitié environ est remboursée." });
  expect(settled).toEqual({ ok: true, value: undefined });
  const [refund] = await db.select().from(refunds).where(eq(refunds.milestoneId, second));
  expect(await sendRefund(refund?.id ?? "")).toBe("refunded");

  const [contract] = await db.select().from(contracts).where(eq(contracts.id, flow.contractId));
  const rows = await db.select().from(contractMilestones).where(eq(contractMilestones.contractId, flow.contractId));
  const chargeOf = (id: string) => milestoneCharge(rows.find((m) => m.id === id) ?? { amountCents: 0 }, contract ?? { vatRateBps: 0, commissionBps: 0 }).chargeCents;
  const transferOf = async (id: string) => (await db.select().from(transfers).where(eq(transfers.milestoneId, id)))[0];
  const [release1, release2] = [await transferOf(first), await transferOf(second)];
  if (!release1 || !release2) throw new Error("transfers missing");
  amounts = { first: chargeOf(first), second: chargeOf(second), release1, release2 };
  expect(release1.commissionCents).toBeGreaterThan(0);
  expect(release2.grossCents).toBe(amounts.second - REFUND);
});

describe("admin payment totals", () => {
  it("add up the month's ledger by kind: funded, released, commission, refunded, transferred; and what is held or owed now", async () => {
    const totals = await getPaymentTotals(admin, {});
    const { first, second, release1, release2 } = amounts;
    expect(totals).toMatchObject({
      month: parseMonth(undefined),
      fundedCents: first + second,
      releasedCents: first + second - REFUND,
      commissionCents: release1.commissionCents + release2.commissionCents,
      refundedCents: REFUND,
      transferredCents: release1.amountCents,
      heldNowCents: 0,
      owedToExpertsNowCents: release2.amountCents,
    });
    // The commission's basis and its VAT are posted apart (issue 13).
    const parts = [release1, release2].map((r) => commissionParts(r.commissionCents));
    expect(totals.commissionExVatCents).toBe(parts[0]!.exVatCents + parts[1]!.exVatCents);
    expect(totals.commissionVatCents).toBe(parts[0]!.vatCents + parts[1]!.vatCents);
    expect(totals.commissionVatCents).toBe(vatOn(parts[0]!.exVatCents, 2000) + vatOn(parts[1]!.exVatCents, 2000));
    // The second milestone's net goes out too: nothing is owed any more.
    const [secondTransfer] = await db.select().from(transfers).where(eq(transfers.milestoneId, flow.milestoneIds[1] ?? ""));
    expect(await sendTransfer(secondTransfer?.id ?? "")).toBe("sent");
    expect(await getPaymentTotals(admin, { month: totals.month })).toMatchObject({ transferredCents: release1.amountCents + release2.amountCents, owedToExpertsNowCents: 0 });
  });

  it("are empty for another month, and the period comes from a checked YYYY-MM parameter", async () => {
    const previous = shiftMonth(parseMonth(undefined), -1);
    expect(await getPaymentTotals(admin, { month: previous })).toMatchObject({ month: previous, fundedCents: 0, releasedCents: 0, commissionCents: 0, refundedCents: 0, transferredCents: 0 });
    expect(parseMonth("2026-13")).toBe(parseMonth(undefined));
    expect(parseMonth("'; drop table users; --")).toBe(parseMonth(undefined));
    expect(parseMonth(null, new Date("2025-12-31T23:30:00Z"))).toBe("2026-01"); // already January in Paris
    expect(shiftMonth("2026-01", -1)).toBe("2025-12");
    expect(shiftMonth("2025-12", 1)).toBe("2026-01");
  });

  it("are for admins only", async () => {
    await expect(getPaymentTotals(null)).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const actor of [flow.owner, flow.expert]) await expect(getPaymentTotals(actor)).rejects.toThrow(new PolicyError("forbidden"));
  });
});

describe("admin disputes", () => {
  it("lists open disputes oldest first with how long each has waited", async () => {
    const older = await makeActiveContract();
    const newer = await makeActiveContract();
    for (const c of [older, newer]) {
      await fundMilestone(c.owner, c.milestoneIds[0] ?? "");
      const opened = await openDispute(c.owner, { milestoneId: c.milestoneIds[0] ?? "", reason: "not_delivered", text: complaint });
      if (!opened.ok) throw new Error(JSON.stringify(opened));
    }
    await db.update(disputes).set({ createdAt: new Date(Date.now() - 50 * 3_600_000) }).where(eq(disputes.contractId, older.contractId));
    const list = await listOpenDisputes(admin);
    expect(list.map((d) => d.contractId)).toEqual([older.contractId, newer.contractId]);
    expect(list[0]).toMatchObject({ reason: "not_delivered", chargeCents: amounts.first, milestoneTitle: "Installation", waitingHours: 50 });
    expect(list.some((d) => d.id === splitDisputeId)).toBe(false);
  });

  it("shows a dispute's parties, milestone, payment, text, settlement and history", async () => {
    const detail = await getDisputeDetail(admin, splitDisputeId);
    expect(detail).not.toBeNull();
    const { second, release2 } = amounts;
    expect(detail?.dispute).toMatchObject({ status: "settled", outcome: "split", refundCents: REFUND, releaseCents: second - REFUND, reason: "not_as_agreed", text: complaint, frozenFrom: "funded" });
    expect(detail?.openedBy?.email).toBe(flow.member?.email);
    expect(detail?.settledBy?.email).toBe(admin.email);
    expect(detail?.milestone).toMatchObject({ title: "Formation", status: "split" });
    expect(detail?.charge.chargeCents).toBe(second);
    expect(detail?.payment).toMatchObject({ id: paymentIds[1], status: "succeeded", amountCents: second });
    expect(detail?.refund).toMatchObject({ amountCents: REFUND, status: "succeeded" });
    expect(detail?.transfer).toMatchObject({ id: release2.id, grossCents: second - REFUND });
    expect(detail?.contract.client.legalName).toBeTruthy();
    const actions = detail?.history.map((h) => h.action) ?? [];
    for (const action of ["milestone.funding_started", "milestone.funded", "milestone.disputed", "dispute.settled_split", "dispute.settled", "refund.sent"]) {
      expect(actions).toContain(action);
    }
  });

  it("are for admins only; an unknown or malformed id is not found", async () => {
    expect(await getDisputeDetail(admin, "not-a-uuid")).toBeNull();
    expect(await getDisputeDetail(admin, "00000000-0000-4000-8000-000000000000")).toBeNull();
    await expect(listOpenDisputes(null)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(getDisputeDetail(null, splitDisputeId)).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const actor of [flow.owner, flow.member, flow.expert]) {
      await expect(listOpenDisputes(actor ?? null)).rejects.toThrow(new PolicyError("forbidden"));
      await expect(getDisputeDetail(actor ?? null, splitDisputeId)).rejects.toThrow(new PolicyError("forbidden"));
    }
  });
});

describe("contract page money (getContractMoney)", () => {
  it("gives the parties each milestone's delivery, dispute, refund and, to the expert and admins only, the transfer", async () => {
    const [first = "", second = ""] = flow.milestoneIds;
    const asClient = await getContractMoney(flow.member ?? null, flow.contractId);
    expect(asClient.side).toBe("client");
    expect(asClient.byMilestone[first]).toMatchObject({ payment: null, delivery: { note }, transfer: null });
    expect(asClient.byMilestone[second]).toMatchObject({
      dispute: { status: "settled", outcome: "split", reason: "not_as_agreed", refundCents: REFUND, releaseCents: amounts.second - REFUND },
      refund: { amountCents: REFUND, status: "succeeded" },
      transfer: null,
    });
    const asExpert = await getContractMoney(flow.expert, flow.contractId);
    expect(asExpert.byMilestone[first]?.transfer).toMatchObject({ status: "sent", grossCents: amounts.first, commissionCents: amounts.release1.commissionCents, amountCents: amounts.release1.amountCents });
    expect(asClient.byMilestone[first]?.charge.chargeCents).toBe(amounts.first);
    expect((await getContractMoney(admin, flow.contractId)).side).toBe("admin");
  });

  it("says what became of the payment the client came back with from Checkout, for this contract only", async () => {
    const other = await makeActiveContract();
    const [pending = ""] = other.milestoneIds;
    await fundMilestone(other.owner, pending, { method: "sepa_debit" });
    const money = await getContractMoney(other.owner, other.contractId);
    const live = money.byMilestone[pending]?.payment;
    expect(live).toMatchObject({ status: "processing", method: "sepa_debit" });
    expect((await getContractMoney(other.owner, other.contractId, { fundingPaymentId: live?.id })).funding).toMatchObject({ milestoneId: pending, status: "processing" });
    // A payment of another contract, or junk, names nothing.
    expect((await getContractMoney(other.owner, other.contractId, { fundingPaymentId: paymentIds[0] })).funding).toBeNull();
    expect((await getContractMoney(other.owner, other.contractId, { fundingPaymentId: "cancelled" })).funding).toBeNull();
  });

  it("is refused to anyone outside the contract", async () => {
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    const otherExpert = await makeUser("expert");
    await expect(getContractMoney(null, flow.contractId)).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const actor of [stranger, otherExpert]) await expect(getContractMoney(actor, flow.contractId)).rejects.toThrow(new PolicyError("forbidden"));
  });
});
