import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { bidMilestones, bids, contracts, evidenceFiles, trainingSessions } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { declineBid } from "@/lib/bids/client-bids";
import { acceptBid } from "@/lib/contracts/accept-bid";
import { uploadEvidence } from "@/lib/experts/evidence";
import { getTrainingTerms, saveTrainingTerms } from "@/lib/training/terms";
import { makeBid } from "../../helpers/bids";
import { pdfBytes } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { addQualiopi, saveTerms, trainingTermsInput } from "../../helpers/training";

let owner: Actor;
let outsider: Actor;
beforeAll(async () => {
  owner = await makeUser("client", { name: "Claire Martin" });
  outsider = await makeUser("client");
  await makeOrganization(owner);
  await makeOrganization(outsider);
});

const trainingJob = () => makeJob(owner, { kind: "training", title: "Former l’équipe à Nextcloud" });

describe("training terms of a bid", () => {
  it("turn the bid into one milestone per session at the session's price, starting on the first session", async () => {
    const { expert, bidId } = await makeBid(await trainingJob());
    expect(await saveTrainingTerms(expert, trainingTermsInput(bidId, { sessions: [{ date: "2027-03-15", slot: "morning" }, { date: "2027-03-08", slot: "full_day" }] }))).toEqual({ ok: true, value: undefined });
    const [bid] = await db.select().from(bids).where(eq(bids.id, bidId));
    expect(bid).toMatchObject({ pricing: "fixed", totalCents: 180_000, startOn: "2027-03-08", durationDays: 8, dailyRateCents: null });
    const milestones = await db.select().from(bidMilestones).where(eq(bidMilestones.bidId, bidId)).orderBy(asc(bidMilestones.position));
    expect(milestones.map((m) => [m.title, m.amountCents, m.dueOn])).toEqual([
      ["Session 1 — 2027-03-08 (journée / full day)", 90_000, "2027-03-08"],
      ["Session 2 — 2027-03-15 (matin / morning)", 90_000, "2027-03-15"],
    ]);
    expect(await getTrainingTerms(owner, bidId)).toMatchObject({ activityDeclarationNumber: "84691234569", attendeesCount: 6, durationHours: 10 });
    expect(await getTrainingTerms(expert, bidId)).not.toBeNull();
    await expect(getTrainingTerms(outsider, bidId)).rejects.toThrow(PolicyError);
  });

  it("spread a price per person over the sessions in whole cents", async () => {
    const { expert, bidId } = await makeBid(await trainingJob());
    await saveTerms(expert, bidId, {
      priceBasis: "per_person",
      unitPrice: "333,33",
      attendeesCount: 4,
      sessions: [{ date: "2027-03-08", slot: "morning" }, { date: "2027-03-08", slot: "afternoon" }, { date: "2027-03-09", slot: "morning" }],
    });
    const milestones = await db.select().from(bidMilestones).where(eq(bidMilestones.bidId, bidId)).orderBy(asc(bidMilestones.position));
    expect(milestones.map((m) => m.amountCents)).toEqual([44_444, 44_444, 44_444]);
    const [bid] = await db.select().from(bids).where(eq(bids.id, bidId));
    expect(bid?.totalCents).toBe(133_332);
  });

  it("refuse bad input field by field, keeping the bid as it was", async () => {
    const { expert, bidId } = await makeBid(await trainingJob());
    const fields = await saveTrainingTerms(expert, { ...trainingTermsInput(bidId), objectives: "court", durationHours: 0, attendeesCount: 31 });
    expect(fields).toEqual({ ok: false, error: "invalid", fields: { objectives: "trainingObjectives", durationHours: "trainingHours", attendeesCount: "trainingAttendees" } });
    const rules = await saveTrainingTerms(expert, {
      ...trainingTermsInput(bidId),
      unitPrice: "abc",
      activityDeclarationNumber: "1234",
      sessions: [{ date: "2027-03-08", slot: "full_day" }, { date: "2027-03-08", slot: "afternoon" }],
    });
    expect(rules).toEqual({
      ok: false,
      error: "invalid",
      fields: { unitPrice: "amount", activityDeclarationNumber: "activityDeclarationNumber", "sessions.1.date": "trainingSessionOverlap" },
    });
    expect(await saveTrainingTerms(expert, { ...trainingTermsInput(bidId), sessions: [] })).toMatchObject({ fields: { sessions: "trainingSessionsRequired" } });
    const [bid] = await db.select().from(bids).where(eq(bids.id, bidId));
    expect(bid?.totalCents).toBe(240_050);
  });

  it("need a Qualiopi certificate on the profile valid until the last session to declare Qualiopi", async () => {
    const { expert, bidId } = await makeBid(await trainingJob());
    expect(await saveTrainingTerms(expert, trainingTermsInput(bidId, { qualiopiCertified: true }))).toEqual({ ok: false, error: "invalid", fields: { qualiopiCertified: "qualiopiEvidenceMissing" } });
    await addQualiopi(expert, "2027-03-10");
    expect(await saveTrainingTerms(expert, trainingTermsInput(bidId, { qualiopiCertified: true }))).toMatchObject({ fields: { qualiopiCertified: "qualiopiEvidenceMissing" } });
    await addQualiopi(expert, "2028-06-30");
    expect((await saveTrainingTerms(expert, trainingTermsInput(bidId, { qualiopiCertified: true }))).ok).toBe(true);
  });

  it("are refused to anyone but the bid's expert, on a job that is not a training, and once the bid is no longer editable", async () => {
    const { expert, bidId } = await makeBid(await trainingJob());
    const other = await makeBid(await trainingJob());
    await expect(saveTrainingTerms(other.expert, trainingTermsInput(bidId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(saveTrainingTerms(owner, trainingTermsInput(bidId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(saveTrainingTerms(null, trainingTermsInput(bidId))).rejects.toThrow(PolicyError);
    const install = await makeBid(await makeJob(owner));
    expect(await saveTrainingTerms(install.expert, trainingTermsInput(install.bidId))).toEqual({ ok: false, error: "not_training" });
    expect((await declineBid(owner, { bidId, reason: "Nous avons choisi une autre offre." })).ok).toBe(true);
    expect(await saveTrainingTerms(expert, trainingTermsInput(bidId))).toEqual({ ok: false, error: "locked" });
  });
});

describe("accepting a training bid", () => {
  it("forms a training contract with its terms frozen and one session per milestone", async () => {
    const { expert, bidId } = await makeBid(await trainingJob());
    await addQualiopi(expert);
    await saveTerms(expert, bidId, { qualiopiCertified: true });
    const accepted = await acceptBid(owner, { acceptNotReady: true, bidId });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted));
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, accepted.value.contractId));
    expect(contract?.totalCents).toBe(180_000);
    expect(contract?.facts.training).toMatchObject({
      durationHours: 10,
      format: "on_site",
      attendeesCount: 6,
      activityDeclarationNumber: "84691234569",
      qualiopi: { certificateNumber: "QUA-2026-0042", expiresOn: "2028-12-31" },
      sessions: [{ date: "2027-03-08", slot: "full_day" }, { date: "2027-03-15", slot: "morning" }],
    });
    const sessions = await db.select().from(trainingSessions).where(eq(trainingSessions.contractId, accepted.value.contractId)).orderBy(asc(trainingSessions.position));
    expect(sessions.map((s) => [s.position, s.date, s.slot])).toEqual([[0, "2027-03-08", "full_day"], [1, "2027-03-15", "morning"]]);
  });

  it("forms an ordinary contract from a bid without training terms", async () => {
    const { bidId } = await makeBid(await trainingJob());
    const accepted = await acceptBid(owner, { acceptNotReady: true, bidId });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted));
    const [contract] = await db.select().from(contracts).where(eq(contracts.id, accepted.value.contractId));
    expect(contract?.facts.training).toBeUndefined();
  });
});

describe("Qualiopi evidence", () => {
  it("needs its certificate number and an expiry date not yet passed", async () => {
    const { expert } = await makeBid(await trainingJob());
    const file = { name: "q.pdf", bytes: pdfBytes() };
    expect(await uploadEvidence(expert, { kind: "qualiopi", file })).toEqual({ ok: false, error: "invalid", fields: { certificateNumber: "qualiopiNumber", expiresOn: "qualiopiExpiry" } });
    expect(await uploadEvidence(expert, { kind: "qualiopi", certificateNumber: "Q-1", expiresOn: "2020-01-01", file })).toEqual({ ok: false, error: "invalid", fields: { expiresOn: "qualiopiExpired" } });
    const id = await addQualiopi(expert);
    const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, id));
    expect(row).toMatchObject({ kind: "qualiopi", certificateNumber: "QUA-2026-0042", expiresOn: "2028-12-31" });
  });
});
