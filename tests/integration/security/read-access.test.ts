/**
 * The reads that pages call for the signed-in person, each for the allowed person and each kind
 * of person it must refuse (a policy error), or answer with nothing of someone else's.
 */
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { listMyBids } from "@/lib/bids/my-bids";
import { contractIdForJob } from "@/lib/contracts/queries";
import { statementYears } from "@/lib/invoicing/statement";
import { getJobForEditing } from "@/lib/jobs/editing";
import { listMyJobs } from "@/lib/jobs/queries";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { payoutsDashboardLink, startPayoutsOnboarding } from "@/lib/payments/payouts";
import { makeBid, makeVerifiedExpert } from "../../helpers/bids";
import { enablePayouts, fundMilestone, makeActiveContract, type ActiveContract } from "../../helpers/contracts";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

let contract: ActiveContract & { member: Actor };
let otherClient: Actor;
let otherExpert: Actor;
let admin: Actor;
let draftJobId: string;
const year = new Date().getFullYear();

/** The refusal a policy gives: its code. */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(PolicyError);
  return (error as PolicyError).code;
}

beforeAll(async () => {
  const made = await makeActiveContract({ withMember: true, bid: { total: "500", milestones: [{ title: "Paramétrage", amount: "500", dueOn: "2027-02-01" }] } });
  if (!made.member) throw new Error("no member");
  contract = { ...made, member: made.member };
  const milestoneId = contract.milestoneIds[0]!;
  await fundMilestone(contract.owner, milestoneId);
  const delivered = await markDelivered(contract.expert, { milestoneId, note: "Paramétrage terminé et recetté." });
  if (!delivered.ok) throw new Error(JSON.stringify(delivered));
  const approved = await approveMilestone(contract.owner, { milestoneId });
  if (!approved.ok) throw new Error(JSON.stringify(approved));
  otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  otherExpert = await makeVerifiedExpert();
  admin = { ...(await makeUser("admin")), secondFactor: "totp" as const };
  draftJobId = await makeJob(contract.owner, {}, false);
}, 120_000);

describe("contractIdForJob", () => {
  it("gives the contract formed on a job to its organisation's members", async () => {
    expect(await contractIdForJob(contract.owner, contract.jobId)).toBe(contract.contractId);
    expect(await contractIdForJob(contract.member, contract.jobId)).toBe(contract.contractId);
  });

  it("gives nothing to another organisation, for a job without contract or an id that is not one", async () => {
    expect(await contractIdForJob(otherClient, contract.jobId)).toBeNull();
    expect(await contractIdForJob(contract.owner, draftJobId)).toBeNull();
    expect(await contractIdForJob(contract.owner, "not-an-id")).toBeNull();
  });

  it("refuses anyone but a client", async () => {
    expect(await refusal(contractIdForJob(null, contract.jobId))).toBe("unauthenticated");
    expect(await refusal(contractIdForJob(contract.expert, contract.jobId))).toBe("forbidden");
    expect(await refusal(contractIdForJob(admin, contract.jobId))).toBe("forbidden");
  });
});

describe("getJobForEditing", () => {
  it("gives the wizard's job to a member of its organisation", async () => {
    for (const member of [contract.owner, contract.member]) {
      const editing = await getJobForEditing(member, draftJobId);
      expect(editing?.job.id).toBe(draftJobId);
      expect(Array.isArray(editing?.softwareIds)).toBe(true);
    }
  });

  it("refuses another organisation's job, and anyone but a client", async () => {
    expect(await refusal(getJobForEditing(otherClient, draftJobId))).toBe("forbidden");
    expect(await refusal(getJobForEditing(null, draftJobId))).toBe("unauthenticated");
    expect(await refusal(getJobForEditing(contract.expert, draftJobId))).toBe("forbidden");
    expect(await refusal(getJobForEditing(admin, draftJobId))).toBe("forbidden");
  });

  it("says nothing of a job that does not exist (not found, not forbidden)", async () => {
    expect(await getJobForEditing(otherClient, randomUUID())).toBeNull();
    expect(await getJobForEditing(otherClient, "1; drop table jobs")).toBeNull();
  });
});

describe("listMyBids", () => {
  it("lists the expert's own bids, with the contract formed", async () => {
    const mine = await listMyBids(contract.expert);
    expect(mine.map((bid) => bid.id)).toContain(contract.bidId);
    expect(mine.find((bid) => bid.id === contract.bidId)?.contractId).toBe(contract.contractId);
  });

  it("shows another expert none of them", async () => {
    const { bidId } = await makeBid(await makeJob(otherClient));
    expect((await listMyBids(otherExpert)).map((bid) => bid.id)).not.toContain(contract.bidId);
    expect((await listMyBids(contract.expert)).map((bid) => bid.id)).not.toContain(bidId);
  });

  it("refuses anyone but an expert", async () => {
    expect(await refusal(listMyBids(null))).toBe("unauthenticated");
    expect(await refusal(listMyBids(contract.owner))).toBe("forbidden");
    expect(await refusal(listMyBids(admin))).toBe("forbidden");
  });
});

describe("listMyJobs", () => {
  it("lists the organisation's jobs to each of its members, with the bids in the running", async () => {
    for (const member of [contract.owner, contract.member]) {
      const jobs = await listMyJobs(member);
      expect(jobs.map((job) => job.id)).toEqual(expect.arrayContaining([contract.jobId, draftJobId]));
      expect(jobs.find((job) => job.id === contract.jobId)?.bidCount).toBe(1);
    }
  });

  it("shows another organisation none of them", async () => {
    const theirs = await listMyJobs(otherClient);
    expect(theirs.map((job) => job.id)).not.toContain(contract.jobId);
    expect(theirs.map((job) => job.id)).not.toContain(draftJobId);
  });

  it("refuses anyone but a client", async () => {
    expect(await refusal(listMyJobs(null))).toBe("unauthenticated");
    expect(await refusal(listMyJobs(contract.expert))).toBe("forbidden");
    expect(await refusal(listMyJobs(admin))).toBe("forbidden");
  });
});

describe("statementYears", () => {
  it("gives the expert the finished years with activity, never the year under way", async () => {
    expect(await statementYears(contract.expert, new Date(`${year + 1}-01-02T10:00:00Z`))).toEqual([year]);
    expect(await statementYears(contract.expert)).toEqual([]);
  });

  it("gives another expert none of them", async () => {
    expect(await statementYears(otherExpert, new Date(`${year + 1}-01-02T10:00:00Z`))).toEqual([]);
  });

  it("refuses anyone but an expert", async () => {
    expect(await refusal(statementYears(null))).toBe("unauthenticated");
    expect(await refusal(statementYears(contract.owner))).toBe("forbidden");
    expect(await refusal(statementYears(admin))).toBe("forbidden");
  });
});

describe("payouts", () => {
  it("links an expert to the dashboard of their own payout account only", async () => {
    const accountId = await enablePayouts(contract.expert);
    const link = await payoutsDashboardLink(contract.expert);
    expect(link.ok && link.value.url).toContain(accountId);
    expect(await payoutsDashboardLink(otherExpert)).toEqual({ ok: false, error: "no_account" });
  });

  it("refuses the dashboard link to anyone but an expert", async () => {
    expect(await refusal(payoutsDashboardLink(null))).toBe("unauthenticated");
    expect(await refusal(payoutsDashboardLink(contract.owner))).toBe("forbidden");
    expect(await refusal(payoutsDashboardLink(admin))).toBe("forbidden");
  });

  it("refuses the onboarding to anyone but an expert, to one not verified, and before the billing mandate", async () => {
    expect(await refusal(startPayoutsOnboarding(null))).toBe("unauthenticated");
    expect(await refusal(startPayoutsOnboarding(contract.owner))).toBe("forbidden");
    expect(await refusal(startPayoutsOnboarding(admin))).toBe("forbidden");
    const { actor: draft } = await makeCompleteExpert();
    expect(await startPayoutsOnboarding(draft)).toEqual({ ok: false, error: "not_verified" });
    expect(await startPayoutsOnboarding(otherExpert)).toEqual({ ok: false, error: "mandate_required" });
  });
});
