import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { bids, contracts, conversations, jobs, messages, reviews, type ContractFacts } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { compareBidsForJob, parseBidSort } from "@/lib/bids/comparison";
import { responseMinutesByExpert } from "@/lib/conversations/response-time";
import { declineBid, shortlistBid } from "@/lib/bids/client-bids";
import { withdrawBid } from "@/lib/bids/expert-bids";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { bidOn, fixedBid, verifiedExpert } from "./bid-helpers";

const minutes = (n: number) => n * 60_000;
const ago = (ms: number) => new Date(Date.now() - ms);

let owner: Actor;
let member: Actor;
let jobId: string;
let organizationId: string;
type Expert = Awaited<ReturnType<typeof verifiedExpert>>;
let rated: Expert; // reviews 5, 4, 5; answers clients in 30, 70 and 60 minutes
let unrated: Expert; // no review; a single answer: no response time
let late: Expert; // cheapest, starts last
const bidIds: Record<string, string> = {};

/** A finished contract between the job's organisation and the expert, reviewed by the client. */
async function review(expert: Expert, rating: number): Promise<string> {
  const job = await makeJob(owner);
  const bidId = await bidOn(expert.actor, fixedBid(job));
  const [contract] = await db
    .insert(contracts)
    .values({ jobId: job, bidId, organizationId, expertUserId: expert.actor.id, profileId: expert.profileId, status: "completed", totalCents: 240_050, commissionBps: 1000, personalData: false, facts: {} as ContractFacts })
    .returning({ id: contracts.id });
  if (!contract) throw new Error("no contract");
  await db.insert(reviews).values({ contractId: contract.id, authorId: owner.id, side: "client", subjectUserId: expert.actor.id, rating });
  return bidId;
}

/** A conversation on the bid with messages at the given times (author: "client" or "expert"). */
async function converse(bidId: string, expert: Expert, thread: [author: "client" | "expert", at: Date][]) {
  const [conversation] = await db.insert(conversations).values({ bidId }).returning({ id: conversations.id });
  if (!conversation) throw new Error("no conversation");
  await db.insert(messages).values(
    thread.map(([author, at]) => ({ conversationId: conversation.id, authorId: author === "client" ? member.id : expert.actor.id, body: "…", createdAt: at })),
  );
}

beforeAll(async () => {
  owner = await makeUser("client");
  member = await makeUser("client");
  organizationId = (await makeOrganization(owner, [{ actor: member, role: "member" }])).id;
  jobId = await makeJob(owner);
  await db.update(jobs).set({ publishedAt: ago(minutes(3 * 24 * 60)) }).where(eq(jobs.id, jobId));

  [rated, unrated, late] = [await verifiedExpert(), await verifiedExpert(), await verifiedExpert()];
  bidIds.rated = await bidOn(rated.actor, fixedBid(jobId, { total: "2400,50" }));
  bidIds.unrated = await bidOn(unrated.actor, fixedBid(jobId, { total: "3000", startOn: "2027-01-02", milestones: [{ title: "Tout", amount: "3000", dueOn: "2027-01-30" }] }));
  bidIds.late = await bidOn(late.actor, fixedBid(jobId, { total: "1000", startOn: "2027-03-01", milestones: [{ title: "Tout", amount: "1000", dueOn: "2027-03-30" }] }));
  const gone = await verifiedExpert();
  await withdrawBid(gone.actor, await bidOn(gone.actor, fixedBid(jobId)));

  const pastBids: string[] = [];
  for (const rating of [5, 4, 5]) pastBids.push(await review(rated, rating));

  const t0 = ago(minutes(10 * 24 * 60));
  const at = (m: number) => new Date(t0.getTime() + minutes(m));
  await converse(bidIds.rated!, rated, [
    ["client", at(0)],
    ["expert", at(30)], // 30
    ["client", at(100)], // 70
    ["client", at(110)], // 60: every client message counts
    ["expert", at(170)],
    ["expert", at(175)],
    ["client", at(500)], // never answered: no sample
  ]);
  // On another job, older than 180 days: left out (it would bring the median down to 45).
  const old = ago(minutes(200 * 24 * 60));
  await converse(pastBids[0]!, rated, [
    ["client", old],
    ["expert", new Date(old.getTime() + minutes(5))],
  ]);
  await converse(bidIds.unrated!, unrated, [
    ["client", at(0)],
    ["expert", at(15)],
  ]);
});

describe("comparing the bids on a job", () => {
  it("gives each bid its expert's rating, response time, verification and delay after publication", async () => {
    const list = await compareBidsForJob(member, jobId);
    expect(list.map((b) => b.id)).toEqual([bidIds.late, bidIds.rated, bidIds.unrated]); // cheapest first, no withdrawn bid
    const byId = Object.fromEntries(list.map((b) => [b.id, b]));
    expect(byId[bidIds.rated!]).toMatchObject({
      expertUserId: rated.actor.id,
      expertSlug: rated.slug,
      expertVerified: true,
      verifiedAt: new Date("2025-03-12T10:00:00Z"),
      totalCents: 240_050,
      ratingAverage: 4.7,
      ratingCount: 3,
      responseMinutes: 60,
      status: "submitted",
    });
    expect(byId[bidIds.rated!]?.milestones).toHaveLength(2);
    expect(byId[bidIds.unrated!]).toMatchObject({ ratingAverage: null, ratingCount: 0, responseMinutes: null });
    expect(byId[bidIds.late!]).toMatchObject({ ratingAverage: null, responseMinutes: null });
    for (const bid of list) expect(Math.abs((bid.sentAfterMinutes ?? 0) - 3 * 24 * 60)).toBeLessThan(5);
    // The client never sees the platform's commission.
    expect(list[0]).not.toHaveProperty("commissionCents");
    expect(list[0]).not.toHaveProperty("commissionBps");
  });

  it("computes the response time per expert, across their conversations, from the last 180 days only", async () => {
    const times = await responseMinutesByExpert([rated.actor.id, unrated.actor.id, late.actor.id]);
    expect(Object.fromEntries(times)).toEqual({ [rated.actor.id]: 60, [unrated.actor.id]: null, [late.actor.id]: null });
    expect((await responseMinutesByExpert([])).size).toBe(0);
  });

  it("sorts by total, start date or rating; unknown sorts fall back to the total", async () => {
    const order = async (sort: "total" | "start" | "rating") => (await compareBidsForJob(owner, jobId, { sort })).map((b) => b.id);
    expect(await order("total")).toEqual([bidIds.late, bidIds.rated, bidIds.unrated]);
    expect(await order("start")).toEqual([bidIds.unrated, bidIds.rated, bidIds.late]);
    expect(await order("rating")).toEqual([bidIds.rated, bidIds.late, bidIds.unrated]); // unrated ones by total
    expect(parseBidSort("rating")).toBe("rating");
    expect(parseBidSort(["start"])).toBe("total");
    expect(parseBidSort("price; drop table bids")).toBe("total");
  });

  it("shows each bid's status, and a suspended expert as no longer verified", async () => {
    const job = await makeJob(owner);
    const a = await verifiedExpert();
    const b = await verifiedExpert();
    const shortlisted = await bidOn(a.actor, fixedBid(job));
    const declined = await bidOn(b.actor, fixedBid(job, { total: "3000", milestones: [{ title: "Tout", amount: "3000", dueOn: "2027-01-30" }] }));
    await shortlistBid(owner, { bidId: shortlisted });
    await declineBid(owner, { bidId: declined, reason: "Trop cher pour nous." });
    const { expertProfiles } = await import("@/db/schema");
    await db.update(expertProfiles).set({ status: "suspended" }).where(eq(expertProfiles.id, b.profileId));
    const list = await compareBidsForJob(owner, job);
    expect(list.map((x) => [x.status, x.expertVerified, x.declineReason])).toEqual([
      ["shortlisted", true, null],
      ["declined", false, "Trop cher pour nous."],
    ]);
  });

  it("is for the job's organisation only", async () => {
    await expect(compareBidsForJob(null, jobId)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(compareBidsForJob(rated.actor, jobId)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(compareBidsForJob(await makeUser("admin"), jobId)).rejects.toThrow(new PolicyError("forbidden"));
    const outsider = await makeUser("client");
    await makeOrganization(outsider);
    await expect(compareBidsForJob(outsider, jobId)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(compareBidsForJob(owner, "not-a-job")).rejects.toThrow(new PolicyError("forbidden"));
    await expect(compareBidsForJob(owner, "00000000-0000-0000-0000-000000000000")).rejects.toThrow(new PolicyError("forbidden"));
    expect(await compareBidsForJob(owner, await makeJob(owner))).toEqual([]);
    expect((await db.select().from(bids).where(eq(bids.jobId, jobId))).length).toBe(4);
  });
});

describe("the compared facts as the client reads them", () => {
  async function factsIn(locale: "fr" | "en", bid: Awaited<ReturnType<typeof compareBidsForJob>>[number]) {
    const { readFileSync } = await import("node:fs");
    const { createFormatter, createTranslator } = await import("next-intl");
    const base = (await import(`@/messages/${locale}.json`)).default as { bids: Record<string, string> };
    let fragment: { bids?: Record<string, string> } = {};
    try {
      fragment = JSON.parse(readFileSync(`/tmp/frags/bids.${locale}.json`, "utf8"));
    } catch {
      // merged already
    }
    const t = createTranslator({ locale, messages: { bids: { ...base.bids, ...fragment.bids } }, namespace: "bids" });
    const format = createFormatter({ locale, timeZone: "Europe/Paris" });
    const { comparisonFacts } = await import("@/components/bids/comparison-facts");
    return Object.fromEntries(comparisonFacts(bid, t as never, format as never, locale).map((f) => [f.key, f.value]));
  }

  it("in French and English, in the table's column order", async () => {
    const list = await compareBidsForJob(owner, jobId);
    const ratedBid = list.find((b) => b.id === bidIds.rated)!;
    const fr = await factsIn("fr", ratedBid);
    expect(Object.keys(fr)).toEqual(["verification", "payable", "total", "price", "dailyRate", "duration", "start", "milestones", "rating", "response", "sent", "status"]);
    expect(fr).toMatchObject({
      verification: "Vérifié depuis le 12 mars 2025",
      dailyRate: "Prix global",
      milestones: "2 étapes",
      rating: "4,7 / 5 (3 avis)",
      response: "environ 1 heure",
      sent: "3 jours après la publication",
      status: "Proposition envoyée",
    });
    // A VAT-registered expert: 2 400,50 € HT, VAT 480,10 € (1 200 € → 240 €, 1 200,50 € → 240,10 €).
    expect(fr.total).toMatch(/^2\s880,60\s€ TTC$/u);
    expect(fr.price).toMatch(/^2\s400,50\s€ HT · TVA 20\s%$/u);
    expect(fr.payable).toBe("Pas encore : mandat de facturation non accepté et compte de versement pas encore activé");
    const en = await factsIn("en", ratedBid);
    expect(en).toMatchObject({
      verification: "Verified since Mar 12, 2025",
      rating: "4.7 / 5 (3 reviews)",
      total: "€2,880.60 incl. VAT",
      price: "€2,400.50 excl. VAT · VAT 20%",
      payable: "Not yet: billing mandate not accepted and payout account not enabled yet",
      sent: "3 days after publication",
    });
    const unratedBid = list.find((b) => b.id === bidIds.unrated)!;
    expect(await factsIn("fr", unratedBid)).toMatchObject({ rating: "Pas encore d’avis", response: "Pas encore mesuré", milestones: "1 étape" });
  });
});
