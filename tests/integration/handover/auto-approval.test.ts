import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, emailOutbox, transfers } from "@/db/schema";
import { parisDay } from "@/lib/dates";
import { deliverHandoverPack } from "@/lib/handover/pack";
import { approveMilestone, markDelivered, runMilestoneDeadlines } from "@/lib/payments/delivery";
import { getContractMoney } from "@/lib/payments/contract-money";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";

const DAY = 86_400_000;
const milestone = async (id: string) => (await db.select().from(contractMilestones).where(eq(contractMilestones.id, id)))[0]!;

/** An installation in two milestones, both funded and delivered: the first is not the last, the second is. */
async function deliveredInstallation() {
  const contract = await makeActiveContract({ job: { kind: "installation" } });
  const delivered: Date[] = [];
  for (const milestoneId of contract.milestoneIds) {
    await fundMilestone(contract.owner, milestoneId);
    const done = await markDelivered(contract.expert, { milestoneId, note: "Livré avec la documentation." });
    if (!done.ok) throw new Error(JSON.stringify(done));
    delivered.push(done.value.autoApproveAt);
  }
  const [first, last] = contract.milestoneIds as [string, string];
  return { ...contract, first, last, autoApproveAt: delivered[1]! };
}

const pack = (contractId: string) => ({
  contractId,
  architecture: "srv1 (Debian 12, VPS) : Nextcloud 29, PostgreSQL 15.",
  backups: "BorgBackup chaque nuit vers un second VPS.",
  restoreProcedure: "borg extract de la dernière archive, puis pg_restore.",
  lastRestoreTestOn: parisDay(),
  adminAccounts: "Compte admin Nextcloud remis à Claire Martin.",
  updateProcedure: "apt upgrade chaque mois, puis occ upgrade.",
  revokeAccessIds: [],
});

describe("automatic approval of an installation's last milestone", () => {
  it("waits for the handover pack (no reminder meanwhile) while the other milestones approve as usual; once the pack is delivered, it comes after a full delay", async () => {
    const c = await deliveredInstallation();
    const late = new Date(c.autoApproveAt.getTime() + DAY);
    await runMilestoneDeadlines(late);
    expect((await milestone(c.first)).status).toBe("released");
    expect((await milestone(c.last)).status).toBe("delivered");
    expect(await db.select().from(transfers).where(eq(transfers.milestoneId, c.last))).toHaveLength(0);
    expect(await db.select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, `approvalReminder:${c.last}:%`))).toHaveLength(0);
    const money = await getContractMoney(c.owner, c.contractId);
    expect([money.byMilestone[c.first]?.awaitsHandoverPack, money.byMilestone[c.last]?.awaitsHandoverPack]).toEqual([false, true]);

    const before = Date.now();
    expect((await deliverHandoverPack(c.expert, pack(c.contractId))).ok).toBe(true);
    const due = (await milestone(c.last)).autoApproveAt!;
    expect(due.getTime() - before).toBeGreaterThanOrEqual(14 * DAY);
    expect((await getContractMoney(c.owner, c.contractId)).byMilestone[c.last]?.awaitsHandoverPack).toBe(false);

    await runMilestoneDeadlines(new Date(due.getTime() - DAY));
    expect((await milestone(c.last)).status).toBe("delivered");
    await runMilestoneDeadlines(new Date(due.getTime() + 1000));
    expect((await milestone(c.last)).status).toBe("released");
    expect(await db.select().from(transfers).where(eq(transfers.milestoneId, c.last))).toHaveLength(1);
  });

  it("the client can still approve it by hand before the pack", async () => {
    const c = await deliveredInstallation();
    expect((await approveMilestone(c.owner, { milestoneId: c.first })).ok).toBe(true);
    expect((await approveMilestone(c.owner, { milestoneId: c.last })).ok).toBe(true);
    expect((await milestone(c.last)).status).toBe("released");
  });

  it("a contract that is not an installation approves its last milestone on time, pack or not", async () => {
    const c = await makeActiveContract({ job: { kind: "support_one_off" }, bid: { total: "800", milestones: [{ title: "Tout", amount: "800", dueOn: "2027-01-30" }] } });
    const [only] = c.milestoneIds as [string];
    await fundMilestone(c.owner, only);
    const done = await markDelivered(c.expert, { milestoneId: only, note: "Intervention terminée et documentée." });
    if (!done.ok) throw new Error(JSON.stringify(done));
    await runMilestoneDeadlines(new Date(done.value.autoApproveAt.getTime() + 1000));
    expect((await milestone(only)).status).toBe("released");
  });
});
