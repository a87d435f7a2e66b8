import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { bids, emailOutbox, expertProfiles } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { declineBid, getMyBidForJob, shortlistBid } from "@/lib/bids/client-bids";
import { compareBidsForJob } from "@/lib/bids/comparison";
import { submitBid, updateBid, withdrawBid } from "@/lib/bids/expert-bids";
import type { BidInput } from "@/lib/bids/schemas";
import { resetEnvCache } from "@/lib/env";
import type { Actor } from "@/lib/auth/actor";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

const method = "Je commence par un audit de l’existant, puis j’installe Nextcloud sur un VPS français, je configure les sauvegardes chiffrées et je forme vos équipes.";

function fixedBid(jobId: string, overrides: Partial<BidInput> = {}): BidInput {
  return {
    jobId,
    pricing: "fixed",
    total: "2 400,50",
    durationDays: 20,
    startOn: "2027-01-15",
    method,
    milestones: [
      { title: "Installation", amount: "1 200", dueOn: "2027-01-25" },
      { title: "Formation", amount: "1 200,50", dueOn: "2027-02-05" },
    ],
    ...overrides,
  };
}

async function verifiedExpert(): Promise<Actor> {
  const { actor, profileId } = await makeCompleteExpert();
  await db.update(expertProfiles).set({ status: "verified" }).where(eq(expertProfiles.id, profileId));
  return actor;
}

let owner: Actor;
let member: Actor;
let jobId: string;
beforeAll(async () => {
  owner = await makeUser("client");
  member = await makeUser("client");
  await makeOrganization(owner, [{ actor: member, role: "member" }]);
  jobId = await makeJob(owner);
});

describe("bids", () => {
  it("a verified expert bids: exact cents, commission of the day, the client's members are emailed", async () => {
    const expert = await verifiedExpert();
    const result = await submitBid(expert, fixedBid(jobId));
    expect(result.ok).toBe(true);
    const mine = await getMyBidForJob(expert, jobId);
    expect(mine).toMatchObject({ status: "submitted", totalCents: 240_050, commissionBps: 1000, commissionCents: 24_005, netCents: 216_045 });
    expect(mine?.milestones.map((m) => m.amountCents)).toEqual([120_000, 120_050]);
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.template, "bid-event"));
    expect(mails.map((m) => m.toAddress).sort()).toEqual(expect.arrayContaining([owner.email, member.email]));
    expect(await submitBid(expert, fixedBid(jobId))).toEqual({ ok: false, error: "already_bid" });
  });

  it("a daily-rate bid is rate × days, and its milestones must add up exactly", async () => {
    const expert = await verifiedExpert();
    const daily = { pricing: "daily" as const, total: undefined, dailyRate: "450", days: "3" };
    expect(await submitBid(expert, fixedBid(jobId, { ...daily, milestones: [{ title: "Tout", amount: "1349,99", dueOn: "2027-01-20" }] }))).toMatchObject({
      ok: false,
      fields: { milestones: "milestoneSum" },
    });
    expect((await submitBid(expert, fixedBid(jobId, { ...daily, milestones: [{ title: "Tout", amount: "1350", dueOn: "2027-01-20" }] }))).ok).toBe(true);
    expect((await getMyBidForJob(expert, jobId))?.totalCents).toBe(135_000);
  });

  it("refuses bad input field by field", async () => {
    const expert = await verifiedExpert();
    const result = await submitBid(expert, fixedBid(jobId, { method: "trop court", total: "12,345", durationDays: 0, milestones: [] }));
    expect(result).toMatchObject({ ok: false, error: "invalid" });
    if (result.ok) return;
    expect(result.fields).toMatchObject({ method: "bidMethod", durationDays: "bidDuration", milestones: "milestonesRequired" });
    const early = await submitBid(expert, fixedBid(jobId, { milestones: [{ title: "Avant", amount: "2400,50", dueOn: "2027-01-01" }] }));
    expect(early).toMatchObject({ fields: { "milestones.0.dueOn": "milestoneBeforeStart" } });
  });

  it("refuses the 20,000,000 € bid that formed a contract: over the contract ceiling and one charge per milestone; nothing stored", async () => {
    const expert = await verifiedExpert();
    const huge = await submitBid(expert, fixedBid(jobId, { total: "20 000 000", milestones: [{ title: "Tout", amount: "20 000 000", dueOn: "2027-02-01" }] }));
    expect(huge).toMatchObject({ ok: false, error: "invalid", fields: { total: "amountOverContractLimit", "milestones.0.amount": "amountOverMilestoneLimit" } });
    const daily = await submitBid(expert, fixedBid(jobId, { pricing: "daily", total: undefined, dailyRate: "5883,73", days: "365", milestones: [{ title: "Tout", amount: "2147561,45", dueOn: "2027-02-01" }] }));
    expect(daily).toMatchObject({ ok: false, fields: { dailyRate: "amountOverContractLimit" } });
    expect(await db.select().from(bids).where(eq(bids.expertUserId, expert.id))).toHaveLength(0);
    const atCeiling = await submitBid(expert, fixedBid(jobId, { total: "833 333,32", milestones: [{ title: "Tout", amount: "833 333,32", dueOn: "2027-02-01" }] }));
    expect(atCeiling.ok).toBe(true);
  });

  it("only verified experts bid, on open jobs, within the monthly quota", async () => {
    const { actor: unverified } = await makeCompleteExpert();
    expect(await submitBid(unverified, fixedBid(jobId))).toEqual({ ok: false, error: "not_verified" });
    await expect(submitBid(owner, fixedBid(jobId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(submitBid(null, fixedBid(jobId))).rejects.toThrow(new PolicyError("unauthenticated"));
    const draft = await makeJob(owner, {}, false);
    const expert = await verifiedExpert();
    expect(await submitBid(expert, fixedBid(draft))).toEqual({ ok: false, error: "job_closed" });

    process.env.BID_MONTHLY_QUOTA = "1";
    resetEnvCache();
    try {
      const other = await makeJob(owner);
      expect((await submitBid(expert, fixedBid(other))).ok).toBe(true);
      expect(await submitBid(expert, fixedBid(jobId))).toEqual({ ok: false, error: "quota_reached" });
    } finally {
      delete process.env.BID_MONTHLY_QUOTA;
      resetEnvCache();
    }
  });

  it("two concurrent submissions by one expert make one bid", async () => {
    const expert = await verifiedExpert();
    const results = await Promise.all([submitBid(expert, fixedBid(jobId)), submitBid(expert, fixedBid(jobId))]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.select().from(bids).where(eq(bids.expertUserId, expert.id))).toHaveLength(1);
  });

  it("the expert edits or withdraws until the client acts; then it is locked", async () => {
    const expert = await verifiedExpert();
    const submitted = await submitBid(expert, fixedBid(jobId));
    if (!submitted.ok) throw new Error("not submitted");
    const { bidId } = submitted.value;
    expect(await updateBid(expert, bidId, fixedBid(jobId, { durationDays: 25 }))).toEqual({ ok: true, value: undefined });
    await expect(updateBid(await verifiedExpert(), bidId, fixedBid(jobId))).rejects.toThrow(new PolicyError("forbidden"));
    expect((await shortlistBid(owner, { bidId })).ok).toBe(true);
    expect(await updateBid(expert, bidId, fixedBid(jobId))).toEqual({ ok: false, error: "locked" });
    expect(await withdrawBid(expert, bidId)).toEqual({ ok: false, error: "illegal_transition" });

    const second = await verifiedExpert();
    const other = await submitBid(second, fixedBid(jobId));
    if (!other.ok) throw new Error("not submitted");
    expect(await withdrawBid(second, other.value.bidId)).toEqual({ ok: true, value: undefined });
    expect((await submitBid(second, fixedBid(jobId))).ok).toBe(true); // a withdrawn bid frees the slot
  });

  it("the client sees all bids side by side; an expert sees only its own; others see nothing", async () => {
    const list = await compareBidsForJob(member, jobId);
    expect(list.length).toBeGreaterThan(2);
    expect(list.every((b) => b.status !== "withdrawn")).toBe(true);
    expect(list.map((b) => b.totalCents)).toEqual([...list.map((b) => b.totalCents)].sort((a, b) => a - b));
    const outsider = await makeUser("client");
    await makeOrganization(outsider);
    await expect(compareBidsForJob(outsider, jobId)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(compareBidsForJob(await verifiedExpert(), jobId)).rejects.toThrow(new PolicyError("forbidden"));
    expect(await getMyBidForJob(await verifiedExpert(), jobId)).toBeNull();
  });

  it("declining tells the expert, with the reason; another organisation cannot decline", async () => {
    const expert = await verifiedExpert();
    const submitted = await submitBid(expert, fixedBid(jobId));
    if (!submitted.ok) throw new Error("not submitted");
    const outsider = await makeUser("client");
    await makeOrganization(outsider);
    await expect(declineBid(outsider, { bidId: submitted.value.bidId })).rejects.toThrow(new PolicyError("forbidden"));
    expect(await declineBid(owner, { bidId: submitted.value.bidId, reason: "Budget trop élevé pour nous." })).toEqual({ ok: true, value: undefined });
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, expert.email));
    expect(mail?.subject).toContain("n’a pas été retenue");
    expect(mail?.text).toContain("Budget trop élevé pour nous.");
    expect(await declineBid(owner, { bidId: submitted.value.bidId })).toEqual({ ok: false, error: "illegal_transition" });
  });
});

describe("closing or cancelling a job", () => {
  it("declines its active bids and tells their experts; withdrawn bids stay as they are", async () => {
    const { closeJob, cancelJob } = await import("@/lib/jobs/manage-jobs");
    for (const [move, subject] of [
      [closeJob, "est clôturé"],
      [cancelJob, "est annulé"],
    ] as const) {
      const job = await makeJob(owner);
      const active = await verifiedExpert();
      const gone = await verifiedExpert();
      await submitBid(active, fixedBid(job));
      const withdrawn = await submitBid(gone, fixedBid(job));
      if (!withdrawn.ok) throw new Error("not submitted");
      await withdrawBid(gone, withdrawn.value.bidId);
      expect((await move(owner, { jobId: job })).ok).toBe(true);
      expect((await getMyBidForJob(active, job))?.status).toBe("declined");
      expect((await getMyBidForJob(gone, job))?.status).toBe("withdrawn");
      const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, active.email));
      expect(mails.map((m) => m.subject)).toEqual([expect.stringContaining(subject)]);
      expect(await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, gone.email))).toHaveLength(0);
    }
  });
});
