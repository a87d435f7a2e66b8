import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { bids, catalogSoftware, contracts, jobSoftware, jobs } from "@/db/schema";
import { migrationsFolder } from "@/db/migrate";
import { submitBid, withdrawBid } from "@/lib/bids/expert-bids";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { fixedBidInput, makeBid, makeVerifiedExpert } from "@/tests/helpers/bids";
import { acceptTestMandate } from "@/tests/helpers/contracts";
import { makeOrganization, makeUser } from "@/tests/helpers/factories";
import { makeJob } from "@/tests/helpers/jobs";

/**
 * Each need's liquidity (first bid, bid count, contract, software families), kept on its row by the triggers of
 * migration 0038_custom_job_liquidity, which the admin insights read instead of the bids and
 * contracts themselves.
 */
async function liquidity(jobId: string) {
  const [row] = await db.select({ firstBidAt: jobs.firstBidAt, bidCount: jobs.bidCount, contractedAt: jobs.contractedAt }).from(jobs).where(eq(jobs.id, jobId));
  return row;
}

async function families(jobId: string) {
  const [row] = await db.select({ families: jobs.softwareFamilies }).from(jobs).where(eq(jobs.id, jobId));
  return row?.families;
}

async function bidCreatedAt(bidId: string) {
  const [row] = await db.select({ createdAt: bids.createdAt }).from(bids).where(eq(bids.id, bidId));
  return row?.createdAt;
}

async function publishedNeed(software?: string[]) {
  const owner = await makeUser("client");
  await makeOrganization(owner);
  return { owner, jobId: await makeJob(owner, { personalData: false, ...(software ? { software } : {}) }) };
}

/** The migration's backfill statement, as a fresh or an upgraded database runs it. */
const backfill = readFileSync(path.join(migrationsFolder, "0038_custom_job_liquidity.sql"), "utf8")
  .split("--> statement-breakpoint")
  .find((statement) => statement.includes("-- Backfill"));

describe("a need's liquidity columns", () => {
  it("start empty, then follow bids submitted, a withdrawal and the contract's formation", async () => {
    const { owner, jobId } = await publishedNeed();
    expect(await liquidity(jobId)).toEqual({ firstBidAt: null, bidCount: 0, contractedAt: null });

    const first = await makeBid(jobId);
    expect(await liquidity(jobId)).toEqual({ firstBidAt: await bidCreatedAt(first.bidId), bidCount: 1, contractedAt: null });
    const second = await makeBid(jobId);
    expect(await liquidity(jobId)).toEqual({ firstBidAt: await bidCreatedAt(first.bidId), bidCount: 2, contractedAt: null });

    // A withdrawn bid was still received: the count and the first bid stay (as the insights always counted them).
    expect(await withdrawBid(first.expert, first.bidId)).toEqual({ ok: true, value: undefined });
    expect(await liquidity(jobId)).toEqual({ firstBidAt: await bidCreatedAt(first.bidId), bidCount: 2, contractedAt: null });

    await acceptTestMandate(second.expert);
    const accepted = await acceptBid(owner, { acceptNotReady: true, bidId: second.bidId });
    if (!accepted.ok) throw new Error(`not accepted: ${JSON.stringify(accepted)}`);
    const [contract] = await db.select({ createdAt: contracts.createdAt }).from(contracts).where(eq(contracts.id, accepted.value.contractId));
    expect(contract?.createdAt).toBeInstanceOf(Date);
    expect(await liquidity(jobId)).toEqual({ firstBidAt: await bidCreatedAt(first.bidId), bidCount: 2, contractedAt: contract?.createdAt });
  });

  it("experts bidding on one need at the same moment are all recorded (the count's update waits its turn, no deadlock)", async () => {
    for (let round = 0; round < 3; round++) {
      const { jobId } = await publishedNeed();
      const experts = await Promise.all([1, 2, 3, 4, 5, 6].map(() => makeVerifiedExpert()));
      const results = await Promise.all(experts.map((expert) => submitBid(expert, fixedBidInput(jobId))));
      expect(results.map((r) => r.ok)).toEqual(experts.map(() => true));
      expect((await liquidity(jobId))?.bidCount).toBe(experts.length);
    }
  });

  it("a bid that goes away (an erasure) is recounted from the bids left; a deleted need takes its bids along", async () => {
    const { jobId } = await publishedNeed();
    const first = await makeBid(jobId);
    const second = await makeBid(jobId);
    await db.delete(bids).where(eq(bids.id, first.bidId));
    expect(await liquidity(jobId)).toEqual({ firstBidAt: await bidCreatedAt(second.bidId), bidCount: 1, contractedAt: null });
    await db.delete(bids).where(eq(bids.id, second.bidId));
    expect(await liquidity(jobId)).toEqual({ firstBidAt: null, bidCount: 0, contractedAt: null });

    const other = await publishedNeed();
    await makeBid(other.jobId);
    await db.delete(jobs).where(eq(jobs.id, other.jobId));
    expect(await liquidity(other.jobId)).toBeUndefined();
  });

  it("the software families follow the wizard's choice, each family once, and the catalogue's categories", async () => {
    const { jobId } = await publishedNeed(["nextcloud", "odoo", "wireguard"]);
    expect(await families(jobId)).toEqual(["collaboration", "erp_crm", "network_vpn"]);
    const draft = await publishedNeed(["nextcloud"]);
    expect(await families(draft.jobId)).toEqual(["collaboration"]);

    // The catalogue moves WireGuard to another family: the needs naming it follow.
    const [wireguard] = await db.select({ id: catalogSoftware.id, category: catalogSoftware.category }).from(catalogSoftware).where(eq(catalogSoftware.slug, "wireguard"));
    await db.update(catalogSoftware).set({ category: "collaboration" }).where(eq(catalogSoftware.id, wireguard!.id));
    expect(await families(jobId)).toEqual(["collaboration", "erp_crm"]);
    await db.update(catalogSoftware).set({ category: wireguard!.category }).where(eq(catalogSoftware.id, wireguard!.id));
    expect(await families(jobId)).toEqual(["collaboration", "erp_crm", "network_vpn"]);

    await db.delete(jobSoftware).where(eq(jobSoftware.jobId, jobId));
    expect(await families(jobId)).toEqual([]);
  });

  it("the migration's backfill computes them from the bids and contracts, and changes nothing when re-applied", async () => {
    expect(backfill).toMatch(/UPDATE jobs SET bid_count/);
    const { owner, jobId } = await publishedNeed();
    const first = await makeBid(jobId);
    const second = await makeBid(jobId);
    await acceptTestMandate(second.expert);
    const accepted = await acceptBid(owner, { acceptNotReady: true, bidId: second.bidId });
    if (!accepted.ok) throw new Error("not accepted");
    const kept = await liquidity(jobId);
    expect(kept).toMatchObject({ firstBidAt: await bidCreatedAt(first.bidId), bidCount: 2 });
    expect(kept?.contractedAt).toBeInstanceOf(Date);
    expect(await families(jobId)).toEqual(["collaboration"]);

    // A database from before the columns: every need at the columns' defaults.
    await db.execute(sql`update jobs set bid_count = 0, first_bid_at = null, contracted_at = null, software_families = '{}'`);
    expect(await liquidity(jobId)).toEqual({ firstBidAt: null, bidCount: 0, contractedAt: null });
    await db.execute(sql.raw(backfill ?? ""));
    expect(await liquidity(jobId)).toEqual(kept);
    expect(await families(jobId)).toEqual(["collaboration"]);

    const again = await db.execute(sql.raw(backfill ?? ""));
    expect(again.count).toBe(0);
    expect(await liquidity(jobId)).toEqual(kept);
  });
});
