import { and, eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, contractMilestones, contracts, emailOutbox, jobs, payments, refunds, transfers, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { listContractsForAdmin } from "@/lib/contracts/admin-queries";
import { cancelContract } from "@/lib/contracts/cancel";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { openDispute, settleDispute } from "@/lib/payments/disputes";
import { startMilestoneFunding } from "@/lib/payments/funding";
import { enablePayouts, fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { endResponseWindow } from "../../helpers/disputes";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { runQueuedJobs } from "../../helpers/worker";

const reason = "Le client et l’expert ont convenu d’arrêter la mission avant de commencer.";
const disputeText = "Le serveur n’est pas accessible depuis la deuxième boutique.";

const contractStatusOf = async (id: string) => (await db.select().from(contracts).where(eq(contracts.id, id)))[0]?.status;
const jobOf = async (id: string) => (await db.select().from(jobs).where(eq(jobs.id, id)))[0];

async function cancelledMail(contractId: string) {
  return db.select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, `contractCancelled:${contractId}:%`));
}

describe("cancelContract", () => {
  it("an admin cancels an active contract: cancelled, milestones left pending and unfundable, job closed, audited, both sides told", async () => {
    const { owner, member, expert, contractId, jobId, milestoneIds } = await makeActiveContract({ withMember: true });
    await db.update(users).set({ locale: "en" }).where(eq(users.id, expert.id));
    const admin = await makeUser("admin");

    expect(await cancelContract(admin, { contractId, reason: `  ${reason}  ` })).toEqual({ ok: true, value: { jobClosed: true } });
    expect(await contractStatusOf(contractId)).toBe("cancelled");
    const milestones = await db.select().from(contractMilestones).where(eq(contractMilestones.contractId, contractId));
    expect(milestones.map((m) => m.status)).toEqual(["pending", "pending"]);
    expect(await startMilestoneFunding(owner, { milestoneId: milestoneIds[0]! })).toEqual({ ok: false, error: "contract_not_active" });
    expect(await jobOf(jobId)).toMatchObject({ status: "closed", closedAt: expect.any(Date) });

    const audit = await db.select().from(auditLog).where(eq(auditLog.actorId, admin.id));
    expect(audit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ action: "contract.cancel", subjectId: contractId, fromStatus: "active", toStatus: "cancelled", reason }),
        expect.objectContaining({ action: "job.close", subjectId: jobId, fromStatus: "in_progress", toStatus: "closed" }),
      ]),
    );

    const mail = await cancelledMail(contractId);
    expect(mail.map((m) => m.toAddress).sort()).toEqual([owner.email, member!.email, expert.email].sort());
    expect(mail.every((m) => m.template === "contract-event" && m.text.includes(reason))).toBe(true);
    const toExpert = mail.find((m) => m.toAddress === expert.email);
    const toOwner = mail.find((m) => m.toAddress === owner.email);
    expect(toExpert?.locale).toBe("en");
    expect(toOwner?.locale).toBe("fr");
    expect(toExpert?.subject).toContain("cancelled");
    expect(toOwner?.subject).toContain("annulé");
    // Each side is told who the other party is.
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, contractId));
    expect(toOwner?.text).toContain(contract!.facts.expert.name);
    expect(toExpert?.text).toContain(contract!.facts.client.legalName);
  });

  it("a contract still awaiting its documents can be cancelled too", async () => {
    const { contractId, jobId } = await makeActiveContract({ activate: false });
    expect(await contractStatusOf(contractId)).toBe("awaiting_documents");
    expect((await cancelContract(await makeUser("admin"), { contractId, reason })).ok).toBe(true);
    expect(await contractStatusOf(contractId)).toBe("cancelled");
    expect((await jobOf(jobId))?.status).toBe("closed");
  });

  it("refuses anyone but an admin, and changes nothing", async () => {
    const { owner, expert, contractId } = await makeActiveContract();
    const stranger = await makeUser("client");
    await makeOrganization(stranger);
    const otherExpert = await makeUser("expert");
    for (const actor of [null, owner, expert, stranger, otherExpert] as (Actor | null)[]) {
      await expect(cancelContract(actor, { contractId, reason })).rejects.toBeInstanceOf(PolicyError);
    }
    await expect(cancelContract(null, { contractId, reason })).rejects.toMatchObject({ code: "unauthenticated" });
    await expect(cancelContract(owner, { contractId, reason })).rejects.toMatchObject({ code: "forbidden" });
    expect(await contractStatusOf(contractId)).toBe("active");
    expect(await cancelledMail(contractId)).toHaveLength(0);
  });

  it("requires a reason of 10 to 2000 characters, and a real contract", async () => {
    const { contractId } = await makeActiveContract();
    const admin = await makeUser("admin");
    expect(await cancelContract(admin, { contractId, reason: "   court  " })).toEqual({ ok: false, error: "invalid", fields: { reason: "settlementNoteShort" } });
    expect(await cancelContract(admin, { contractId, reason: "x".repeat(2001) })).toEqual({ ok: false, error: "invalid", fields: { reason: "tooLong" } });
    expect((await cancelContract(admin, { contractId, reason: "x".repeat(2000) })).ok).toBe(true);
    expect(await cancelContract(admin, { contractId: "00000000-0000-0000-0000-000000000000", reason })).toEqual({ ok: false, error: "not_found" });
    expect(await cancelContract(admin, { contractId: "nope", reason })).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses while a payment is open or processing", async () => {
    const admin = await makeUser("admin");
    const open = await makeActiveContract();
    expect((await startMilestoneFunding(open.owner, { milestoneId: open.milestoneIds[0]! })).ok).toBe(true);
    expect((await db.select().from(payments).where(eq(payments.contractId, open.contractId)))[0]?.status).toBe("open");
    expect(await cancelContract(admin, { contractId: open.contractId, reason })).toEqual({ ok: false, error: "money_in_flight" });

    const sepa = await makeActiveContract();
    await fundMilestone(sepa.owner, sepa.milestoneIds[0]!, { method: "sepa_debit" });
    const [processing] = await db.select().from(payments).where(eq(payments.contractId, sepa.contractId));
    expect(processing?.status).toBe("processing");
    expect(await cancelContract(admin, { contractId: sepa.contractId, reason })).toEqual({ ok: false, error: "money_in_flight" });
    expect(await contractStatusOf(open.contractId)).toBe("active");
    expect(await contractStatusOf(sepa.contractId)).toBe("active");
  });

  it("refuses while a milestone is funded, delivered or disputed", async () => {
    const admin = await makeUser("admin");
    const { owner, expert, contractId, milestoneIds } = await makeActiveContract();
    const [first] = milestoneIds as [string];
    await fundMilestone(owner, first);
    expect(await cancelContract(admin, { contractId, reason })).toEqual({ ok: false, error: "money_in_flight" });
    expect((await markDelivered(expert, { milestoneId: first, note: "Installation livrée et testée." })).ok).toBe(true);
    expect(await cancelContract(admin, { contractId, reason })).toEqual({ ok: false, error: "money_in_flight" });
    expect((await openDispute(owner, { milestoneId: first, reason: "quality", text: disputeText })).ok).toBe(true);
    expect(await cancelContract(admin, { contractId, reason })).toEqual({ ok: false, error: "money_in_flight" });
    expect(await contractStatusOf(contractId)).toBe("active");
  });

  it("refuses while a transfer to the expert is not sent, then allows once it is", async () => {
    const admin = await makeUser("admin");
    const { owner, expert, contractId, milestoneIds } = await makeActiveContract();
    const [first] = milestoneIds as [string];
    await fundMilestone(owner, first);
    await markDelivered(expert, { milestoneId: first, note: "Installation livrée et testée." });
    expect((await approveMilestone(owner, { milestoneId: first })).ok).toBe(true);
    expect((await db.select().from(transfers).where(eq(transfers.contractId, contractId)))[0]?.status).toBe("pending");
    expect(await cancelContract(admin, { contractId, reason })).toEqual({ ok: false, error: "money_in_flight" });

    await runQueuedJobs(["send_transfer"]);
    expect((await db.select().from(transfers).where(eq(transfers.contractId, contractId)))[0]?.status).toBe("awaiting_payouts");
    expect(await cancelContract(admin, { contractId, reason })).toEqual({ ok: false, error: "money_in_flight" });

    await enablePayouts(expert);
    await runQueuedJobs(["send_transfer", "process_stripe_event"]);
    expect((await db.select().from(transfers).where(eq(transfers.contractId, contractId)))[0]?.status).toBe("sent");
    expect((await cancelContract(admin, { contractId, reason })).ok).toBe(true);
    const milestones = await db.select().from(contractMilestones).where(eq(contractMilestones.contractId, contractId));
    expect(milestones.map((m) => m.status).sort()).toEqual(["pending", "released"]);
  });

  it("refuses while a refund to the client is pending, then allows once it went through", async () => {
    const admin = await makeUser("admin");
    const { owner, contractId, milestoneIds } = await makeActiveContract();
    const [first] = milestoneIds as [string];
    await fundMilestone(owner, first);
    const opened = await openDispute(owner, { milestoneId: first, reason: "not_delivered", text: disputeText });
    if (!opened.ok) throw new Error(JSON.stringify(opened));
    await endResponseWindow(opened.value.disputeId);
    expect((await settleDispute(admin, { disputeId: opened.value.disputeId, outcome: "refund", note: "Rien n’a été livré." })).ok).toBe(true);
    expect((await db.select().from(refunds).where(eq(refunds.milestoneId, first)))[0]?.status).toBe("pending");
    expect(await cancelContract(admin, { contractId, reason })).toEqual({ ok: false, error: "money_in_flight" });

    await runQueuedJobs(["send_refund"]);
    expect((await db.select().from(refunds).where(eq(refunds.milestoneId, first)))[0]?.status).toBe("succeeded");
    expect((await cancelContract(admin, { contractId, reason })).ok).toBe(true);
  });

  it("refuses an illegal move: a completed contract, or one already cancelled", async () => {
    const admin = await makeUser("admin");
    const done = await makeActiveContract({ bid: { total: "500", milestones: [{ title: "Tout", amount: "500", dueOn: "2027-01-30" }] } });
    const [only] = done.milestoneIds as [string];
    await enablePayouts(done.expert);
    await fundMilestone(done.owner, only);
    await markDelivered(done.expert, { milestoneId: only, note: "Tout est livré et documenté." });
    await approveMilestone(done.owner, { milestoneId: only });
    await runQueuedJobs(["send_transfer"]);
    expect(await contractStatusOf(done.contractId)).toBe("completed");
    expect(await cancelContract(admin, { contractId: done.contractId, reason })).toEqual({ ok: false, error: "illegal_transition" });
    expect(await contractStatusOf(done.contractId)).toBe("completed");

    const { contractId } = await makeActiveContract();
    expect((await cancelContract(admin, { contractId, reason })).ok).toBe(true);
    expect(await cancelContract(admin, { contractId, reason })).toEqual({ ok: false, error: "illegal_transition" });
    const audits = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, contractId), eq(auditLog.action, "contract.cancel")));
    expect(audits).toHaveLength(1);
  });
});

describe("listContractsForAdmin", () => {
  it("lists contracts newest first with job, parties, status and total, filtered by status; admins only", async () => {
    const admin = await makeUser("admin");
    const older = await makeActiveContract();
    const newer = await makeActiveContract({ activate: false });
    await cancelContract(admin, { contractId: older.contractId, reason });

    const all = await listContractsForAdmin(admin);
    const ids = all.contracts.map((c) => c.id);
    expect(ids.indexOf(newer.contractId)).toBeLessThan(ids.indexOf(older.contractId));
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, newer.contractId));
    expect(all.contracts.find((c) => c.id === newer.contractId)).toMatchObject({
      status: "awaiting_documents",
      jobTitle: contract!.facts.job.title,
      clientName: contract!.facts.client.legalName,
      expertName: contract!.facts.expert.name,
      totalCents: contract!.totalCents,
    });

    const cancelled = await listContractsForAdmin(admin, { status: "cancelled" });
    expect(cancelled.status).toBe("cancelled");
    expect(cancelled.contracts.every((c) => c.status === "cancelled")).toBe(true);
    expect(cancelled.contracts.map((c) => c.id)).toContain(older.contractId);
    expect(cancelled.contracts.map((c) => c.id)).not.toContain(newer.contractId);
    // An unknown status shows everything.
    expect((await listContractsForAdmin(admin, { status: "bogus" })).status).toBeNull();

    for (const actor of [null, older.owner, older.expert] as (Actor | null)[]) {
      await expect(listContractsForAdmin(actor)).rejects.toBeInstanceOf(PolicyError);
    }
  });
});
