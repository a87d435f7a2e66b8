import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contractMilestones, contracts, emailOutbox, ledgerEntries, payments, stripeEvents, transfers } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { ledgerBalances } from "@/lib/payments/ledger";
import { getMyPayouts } from "@/lib/payments/payouts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { enablePayouts, fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { runQueuedJobs } from "../../helpers/worker";

const statusOf = async (milestoneId: string) => (await db.select().from(contractMilestones).where(eq(contractMilestones.id, milestoneId)))[0]?.status;
const moneyTasks = ["process_stripe_event", "send_transfer", "send_refund"];

describe("a milestone from funding to payout (test mode)", () => {
  it("fund, deliver, approve: the expert is paid net of commission, VAT passed on, and the ledger balances", async () => {
    const { owner, expert, contractId, milestoneIds } = await makeActiveContract();
    const [first, second] = milestoneIds as [string, string];
    await enablePayouts(expert);

    expect(await startMilestoneFunding(owner, { milestoneId: second })).toEqual({ ok: false, error: "not_next" });
    await fundMilestone(owner, first);
    expect(await statusOf(first)).toBe("funded");
    const [payment] = await db.select().from(payments).where(eq(payments.milestoneId, first));
    // 1 200,00 € excluding VAT + 20 % VAT (the expert is VAT-registered).
    expect(payment).toMatchObject({ status: "succeeded", amountCents: 144_000 });

    expect(await approveMilestone(owner, { milestoneId: first })).toEqual({ ok: false, error: "illegal_transition" });
    expect(await markDelivered(expert, { milestoneId: first, note: "court" })).toMatchObject({ ok: false, error: "invalid", fields: { note: "deliveryNoteShort" } });
    const delivered = await markDelivered(expert, { milestoneId: first, note: "Nextcloud installé, sauvegardes testées, accès remis." });
    expect(delivered.ok).toBe(true);
    expect(await statusOf(first)).toBe("delivered");
    const approved = await approveMilestone(owner, { milestoneId: first });
    expect(approved.ok).toBe(true);
    expect(await statusOf(first)).toBe("released");

    const [transfer] = await db.select().from(transfers).where(eq(transfers.milestoneId, first));
    // Commission 10 % of 1 200,00 € excluding VAT = 120,00 €; the expert gets 1 440,00 − 120,00.
    expect(transfer).toMatchObject({ status: "pending", grossCents: 144_000, grossExVatCents: 120_000, commissionCents: 12_000, amountCents: 132_000 });
    await runQueuedJobs(moneyTasks);
    const [sent] = await db.select().from(transfers).where(eq(transfers.milestoneId, first));
    expect(sent).toMatchObject({ status: "sent", stripeTransferId: expect.stringMatching(/^tr_/) });

    expect(await ledgerBalances(db, contractId)).toEqual({ platform_cash: 12_000, client_funds_held: 0, expert_payable: 0, expert_vat_collected: 0, commission_revenue: -10_000, commission_vat_collected: -2_000 });
    const payouts = await getMyPayouts(expert);
    expect(payouts).toMatchObject({ paidCents: 132_000, waitingCents: 0, heldCents: 0, account: { payoutsEnabled: true } });
    const expertMail = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, expert.email), eq(emailOutbox.template, "payment-event")));
    expect(expertMail.map((m) => m.subject)).toEqual(expect.arrayContaining([expect.stringContaining("financé"), expect.stringContaining("validé"), expect.stringContaining("Virement envoyé")]));
    // Art. 242 bis du CGI: each payout email states the tax and social obligations, with the administrations' pages and the gross amount.
    for (const mail of expertMail.filter((m) => /validé|Virement envoyé/.test(m.subject))) {
      expect(mail.text).toContain("Vos obligations fiscales et sociales");
      expect(mail.text).toMatch(/Montant brut perçu pour ce jalon \(payé par le client, TVA comprise\) : 1\s440,00\s€, dont 120,00\s€ de commission/);
      expect(mail.html).toContain('href="https://www.impots.gouv.fr/professionnel"');
      expect(mail.html).toContain('href="https://www.urssaf.fr/accueil/independant.html"');
      expect(mail.text).toContain("article 242 bis du code général des impôts");
    }
    const funded = expertMail.find((m) => m.subject.includes("financé"));
    expect(funded?.text).not.toContain("obligations fiscales");

    // The second milestone: once settled too, the contract is completed.
    await fundMilestone(owner, second);
    await markDelivered(expert, { milestoneId: second, note: "Formation faite dans les deux boutiques." });
    await approveMilestone(owner, { milestoneId: second });
    expect((await db.select().from(contracts).where(eq(contracts.id, contractId)))[0]?.status).toBe("completed");
  });

  it("a transfer waits for the expert's payouts, then goes once account.updated says they are on", async () => {
    const { owner, expert, milestoneIds } = await makeActiveContract({ bid: { total: "500", milestones: [{ title: "Tout", amount: "500", dueOn: "2027-01-30" }] } });
    const [only] = milestoneIds as [string];
    await fundMilestone(owner, only);
    await markDelivered(expert, { milestoneId: only, note: "Tout est livré et documenté." });
    await approveMilestone(owner, { milestoneId: only });
    await runQueuedJobs(moneyTasks);
    expect((await db.select().from(transfers).where(eq(transfers.milestoneId, only)))[0]?.status).toBe("awaiting_payouts");
    expect((await getMyPayouts(expert)).waitingCents).toBe(55_000); // 600 € incl. VAT − 50 € commission
    const told = await db.select().from(emailOutbox).where(and(eq(emailOutbox.toAddress, expert.email), sql`${emailOutbox.subject} like '%activez vos virements%'`));
    expect(told).toHaveLength(1);

    await enablePayouts(expert);
    await runQueuedJobs(moneyTasks);
    expect((await db.select().from(transfers).where(eq(transfers.milestoneId, only)))[0]?.status).toBe("sent");
    expect((await getMyPayouts(expert)).paidCents).toBe(55_000);
  });

  it("two concurrent approvals make one transfer; two concurrent fund clicks make one checkout session", async () => {
    const { owner, member, expert, milestoneIds } = await makeActiveContract({ withMember: true });
    const [first] = milestoneIds as [string];
    const clicks = await Promise.all([startMilestoneFunding(owner, { milestoneId: first }), startMilestoneFunding(member!, { milestoneId: first })]);
    expect(clicks.every((c) => c.ok)).toBe(true);
    expect(new Set(clicks.map((c) => (c.ok ? c.value.url : "")))).toHaveProperty("size", 1);
    expect(await db.select().from(payments).where(eq(payments.milestoneId, first))).toHaveLength(1);

    await fundMilestone(owner, first);
    await markDelivered(expert, { milestoneId: first, note: "Installation terminée et recettée." });
    const approvals = await Promise.all([approveMilestone(owner, { milestoneId: first }), approveMilestone(member!, { milestoneId: first })]);
    expect(approvals.filter((a) => a.ok)).toHaveLength(1);
    expect(approvals.filter((a) => !a.ok)).toEqual([{ ok: false, error: "illegal_transition" }]);
    expect(await db.select().from(transfers).where(eq(transfers.milestoneId, first))).toHaveLength(1);
    const releases = await db.select().from(ledgerEntries).where(and(eq(ledgerEntries.milestoneId, first), eq(ledgerEntries.kind, "release")));
    expect(releases).toHaveLength(5); // escrow, expert, expert VAT, commission, commission VAT
  });

  it("only the contract's client funds and approves; only its expert delivers", async () => {
    const { owner, expert, milestoneIds } = await makeActiveContract();
    const [first] = milestoneIds as [string];
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    const otherExpert = (await makeActiveContract()).expert;
    const admin = await makeUser("admin");
    for (const actor of [null, stranger, expert, otherExpert, admin]) {
      await expect(startMilestoneFunding(actor, { milestoneId: first })).rejects.toBeInstanceOf(PolicyError);
      await expect(approveMilestone(actor, { milestoneId: first })).rejects.toBeInstanceOf(PolicyError);
    }
    await fundMilestone(owner, first);
    for (const actor of [null, owner, otherExpert, admin]) {
      await expect(markDelivered(actor, { milestoneId: first, note: "Une livraison qui n’est pas la mienne." })).rejects.toBeInstanceOf(PolicyError);
    }
    await expect(startMilestoneFunding(owner, { milestoneId: "junk" })).rejects.toBeInstanceOf(PolicyError);
    expect(await statusOf(first)).toBe("funded");
  });

  it("a contract still awaiting its documents cannot be funded", async () => {
    const { owner, milestoneIds } = await makeActiveContract({ activate: false });
    expect(await startMilestoneFunding(owner, { milestoneId: milestoneIds[0]! })).toEqual({ ok: false, error: "contract_not_active" });
  });

  it("the success redirect alone funds nothing: only the processed event does", async () => {
    const { owner, milestoneIds } = await makeActiveContract();
    const [first] = milestoneIds as [string];
    const eventsBefore = (await db.select().from(stripeEvents)).length;
    const started = await startMilestoneFunding(owner, { milestoneId: first });
    expect(started.ok).toBe(true);
    expect(await statusOf(first)).toBe("pending");
    expect(await db.select().from(stripeEvents)).toHaveLength(eventsBefore);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, "milestone.funding_started"), eq(auditLog.subjectId, first)));
    expect(audit).toHaveLength(1);
  });
});
