import { eq, like } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, emailOutbox, transfers } from "@/db/schema";
import { markDelivered, runMilestoneDeadlines } from "@/lib/payments/delivery";
import { openDispute } from "@/lib/payments/disputes";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";

const DAY = 86_400_000;
const milestone = async (id: string) => (await db.select().from(contractMilestones).where(eq(contractMilestones.id, id)))[0]!;

async function deliveredMilestone() {
  // A support job: an installation's last milestone also waits for its handover pack (tests/integration/handover/auto-approval.test.ts).
  const contract = await makeActiveContract({ job: { kind: "support_one_off" }, bid: { total: "800", milestones: [{ title: "Tout", amount: "800", dueOn: "2027-01-30" }] } });
  const [milestoneId] = contract.milestoneIds as [string];
  await fundMilestone(contract.owner, milestoneId);
  const delivered = await markDelivered(contract.expert, { milestoneId, note: "Livré avec la documentation." });
  if (!delivered.ok) throw new Error(JSON.stringify(delivered));
  return { ...contract, milestoneId, autoApproveAt: delivered.value.autoApproveAt };
}

describe("automatic approval", () => {
  it("is due 14 days after delivery, with reminders 7 and 2 days before, each sent once", async () => {
    const { owner, milestoneId, autoApproveAt } = await deliveredMilestone();
    const delivered = await milestone(milestoneId);
    expect(autoApproveAt.getTime() - delivered.deliveredAt!.getTime()).toBe(14 * DAY);
    const reminders = () => db.select().from(emailOutbox).where(like(emailOutbox.idempotencyKey, `approvalReminder:${milestoneId}:%`));

    await runMilestoneDeadlines(new Date(autoApproveAt.getTime() - 10 * DAY));
    expect(await reminders()).toHaveLength(0);
    await runMilestoneDeadlines(new Date(autoApproveAt.getTime() - 6 * DAY));
    await runMilestoneDeadlines(new Date(autoApproveAt.getTime() - 5 * DAY));
    expect((await reminders()).map((m) => m.toAddress)).toEqual([owner.email]);
    await runMilestoneDeadlines(new Date(autoApproveAt.getTime() - 1 * DAY));
    expect(await reminders()).toHaveLength(2);
    expect((await milestone(milestoneId)).status).toBe("delivered");

    const run = await runMilestoneDeadlines(new Date(autoApproveAt.getTime() + 1000));
    expect(run.approved).toBeGreaterThanOrEqual(1);
    expect((await milestone(milestoneId)).status).toBe("released");
    expect(await db.select().from(transfers).where(eq(transfers.milestoneId, milestoneId))).toHaveLength(1);
    await runMilestoneDeadlines(new Date(autoApproveAt.getTime() + 2000));
    expect(await db.select().from(transfers).where(eq(transfers.milestoneId, milestoneId))).toHaveLength(1);
  });

  it("a disputed milestone is never approved automatically", async () => {
    const { owner, milestoneId, autoApproveAt } = await deliveredMilestone();
    expect((await openDispute(owner, { milestoneId, reason: "quality", text: "La formation n’a pas eu lieu comme prévu au devis." })).ok).toBe(true);
    await runMilestoneDeadlines(new Date(autoApproveAt.getTime() + DAY));
    expect((await milestone(milestoneId)).status).toBe("disputed");
    expect(await db.select().from(transfers).where(eq(transfers.milestoneId, milestoneId))).toHaveLength(0);
  });
});
