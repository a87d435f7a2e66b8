import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { bids, contracts, emailOutbox, evidenceFiles, expertProfiles, payoutAccounts, users } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { compareBidsForJob } from "@/lib/bids/comparison";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { getMyReadiness, readinessByExpert } from "@/lib/experts/readiness";
import { acceptTestMandate } from "../../helpers/contracts";
import { daysAgo } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { bidOn, fixedBid, verifiedExpert } from "./bid-helpers";

type Expert = Awaited<ReturnType<typeof verifiedExpert>>;
let owner: Actor;
let jobId: string;
let sophie: Expert; // VAT-registered, 2 450,50 € HT, no mandate, no payout account
let karim: Expert; // VAT franchise, 2 400 € HT, ready to be paid
const bidIds: Record<string, string> = {};
const spaces = (text: string) => text.replace(/[\u00a0\u202f]/g, " ");

async function makeReady(expert: Actor) {
  await acceptTestMandate(expert);
  await db.insert(payoutAccounts).values({ userId: expert.id, stripeAccountId: `acct_test_${expert.id.slice(0, 8)}`, payoutsEnabled: true, detailsSubmitted: true });
}

beforeAll(async () => {
  owner = await makeUser("client");
  await makeOrganization(owner);
  jobId = await makeJob(owner);
  [sophie, karim] = [await verifiedExpert(), await verifiedExpert()];
  await db.update(expertProfiles).set({ vatRegime: "franchise", vatNumber: null }).where(eq(expertProfiles.id, karim.profileId));
  await makeReady(karim.actor);
  bidIds.sophie = await bidOn(
    sophie.actor,
    fixedBid(jobId, { total: "2 450,50", milestones: [{ title: "Installation", amount: "1 200", dueOn: "2027-01-25" }, { title: "Formation", amount: "1 250,50", dueOn: "2027-02-05" }] }),
  );
  bidIds.karim = await bidOn(karim.actor, fixedBid(jobId, { total: "2 400", milestones: [{ title: "Tout", amount: "2 400", dueOn: "2027-01-30" }] }));
});

describe("comparing bids by what the client pays (issue 12, item 1)", () => {
  it("puts Karim's 2 400 € under the franchise before Sophie's 2 450,50 € HT, which is 2 940,60 € TTC", async () => {
    const list = await compareBidsForJob(owner, jobId, { sort: "total" });
    expect(list.map((b) => b.id)).toEqual([bidIds.karim, bidIds.sophie]);
    const [first, second] = list;
    expect(first?.price).toEqual({ vatRegime: "franchise", vatTreatment: "franchise", vatRateBps: 0, exVatCents: 240_000, vatCents: 0, inclVatCents: 240_000 });
    expect(second?.price).toEqual({ vatRegime: "vat_registered", vatTreatment: "standard", vatRateBps: 2000, exVatCents: 245_050, vatCents: 49_010, inclVatCents: 294_060 });
    // Ties on the start date are broken by the total paid too.
    expect((await compareBidsForJob(owner, jobId, { sort: "start" })).map((b) => b.id)).toEqual([bidIds.karim, bidIds.sophie]);
  });

  it("tells the client which expert is ready to be paid, and what the other lacks", async () => {
    const byId = Object.fromEntries((await compareBidsForJob(owner, jobId)).map((b) => [b.id, b]));
    expect(byId[bidIds.karim!]?.notReady).toEqual([]);
    expect(byId[bidIds.sophie!]?.notReady).toEqual(["mandate", "payouts"]);
  });

  it("emails the client the price excluding VAT, the VAT regime and the total paid", async () => {
    const [client] = await db.select({ email: users.email }).from(users).where(eq(users.id, owner.id));
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `bid-new:${bidIds.sophie}:${client?.email}`));
    expect(spaces(mail?.text ?? "")).toContain("Prix : 2 450,50 € HT · TVA 20 % · total payé 2 940,60 € TTC.");
  });
});

describe("the expert's readiness checklist (issue 12, item 2)", () => {
  it("lists the four items with a link each, for the expert only", async () => {
    const mine = await getMyReadiness(sophie.actor);
    expect(mine.items).toEqual([
      { key: "verified", done: true, href: "/expert/profile" },
      { key: "mandate", done: false, href: "/expert/billing-mandate" },
      { key: "payouts", done: false, href: "/expert/payouts" },
      { key: "urssaf", done: true, href: "/expert/profile#evidence-title" },
    ]);
    expect(mine.ready).toBe(false);
    expect((await getMyReadiness(karim.actor)).ready).toBe(true);
    for (const actor of [null, owner, await makeUser("admin"), await makeUser(null)]) {
      await expect(getMyReadiness(actor)).rejects.toBeInstanceOf(PolicyError);
    }
  });

  it("counts an URSSAF certificate over six months old, a payout account Stripe has not enabled, and a profile under review as not ready", async () => {
    const expert = await verifiedExpert();
    await acceptTestMandate(expert.actor);
    await db.insert(payoutAccounts).values({ userId: expert.actor.id, stripeAccountId: `acct_test_${expert.actor.id.slice(0, 8)}`, payoutsEnabled: false });
    await db.update(evidenceFiles).set({ issuedOn: daysAgo(200) }).where(and(eq(evidenceFiles.profileId, expert.profileId), eq(evidenceFiles.kind, "urssaf")));
    expect((await readinessByExpert(db, [expert.actor.id])).get(expert.actor.id)?.missing).toEqual(["payouts", "urssaf"]);
    await db.update(expertProfiles).set({ status: "suspended" }).where(eq(expertProfiles.id, expert.profileId));
    expect((await readinessByExpert(db, [expert.actor.id])).get(expert.actor.id)?.missing).toEqual(["verified", "payouts", "urssaf"]);
  });
});

describe("accepting the bid of an expert not ready to be paid", () => {
  it("is refused unless the client was warned, and refused if the VAT rate changed since the page", async () => {
    expect(await acceptBid(owner, { bidId: bidIds.sophie! })).toEqual({ ok: false, error: "expert_not_ready" });
    expect(await acceptBid(owner, { bidId: bidIds.sophie!, acceptNotReady: true, expectedVatRateBps: 0 })).toEqual({ ok: false, error: "price_changed" });
    const [bid] = await db.select({ status: bids.status }).from(bids).where(eq(bids.id, bidIds.sophie!));
    expect(bid?.status).toBe("submitted");
    expect(await db.select().from(contracts).where(eq(contracts.bidId, bidIds.sophie!))).toEqual([]);

    const accepted = await acceptBid(owner, { bidId: bidIds.sophie!, acceptNotReady: true, expectedVatRateBps: 2000 });
    expect(accepted.ok).toBe(true);
    const [contract] = await db.select().from(contracts).where(eq(contracts.bidId, bidIds.sophie!));
    expect(contract?.vatRateBps).toBe(2000);
    // Sophie is told the price and what she must still do to be paid.
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `bid-accepted:${bidIds.sophie}`));
    expect(spaces(mail?.text ?? "")).toContain("Prix : 2 450,50 € HT · TVA 20 % · total payé 2 940,60 € TTC.");
    expect(spaces(mail?.text ?? "")).toContain("il vous reste à régler : mandat de facturation non accepté et compte de versement pas encore activé.");
  });

  it("needs no warning for a ready expert", async () => {
    const job = await makeJob(owner);
    const bidId = await bidOn(karim.actor, fixedBid(job, { total: "2 400", milestones: [{ title: "Tout", amount: "2 400", dueOn: "2027-01-30" }] }));
    const accepted = await acceptBid(owner, { bidId, expectedVatRateBps: 0 });
    expect(accepted.ok).toBe(true);
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.idempotencyKey, `bid-accepted:${bidId}`));
    expect(mail?.text).not.toContain("il vous reste");
  });
});
