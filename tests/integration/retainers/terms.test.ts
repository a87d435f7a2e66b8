import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { bidMilestones, bids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { compareBidsForJob } from "@/lib/bids/comparison";
import { declineBid } from "@/lib/bids/client-bids";
import { getRetainerTerms, saveRetainerTerms } from "@/lib/retainers/terms";
import { makeBid } from "../../helpers/bids";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { retainerTermsInput, saveRetainer } from "../../helpers/retainers";

let owner: Actor;
let outsider: Actor;
beforeAll(async () => {
  owner = await makeUser("client", { name: "Claire Martin" });
  outsider = await makeUser("client");
  await makeOrganization(owner);
  await makeOrganization(outsider);
});

const supportJob = () => makeJob(owner, { kind: "support_monthly", title: "Maintenir notre Nextcloud" });

describe("retainer terms of a bid", () => {
  it("make the bid's price the first month's fee, for the minimum term, and are read by the expert and the client", async () => {
    const { expert, bidId } = await makeBid(await supportJob());
    expect(await saveRetainerTerms(expert, retainerTermsInput(bidId, { coveredSoftware: "Nextcloud, WireGuard\nnextcloud\n", coveredHosts: "" }))).toEqual({ ok: true, value: undefined });
    const [bid] = await db.select().from(bids).where(eq(bids.id, bidId));
    // Three months from 15 January: up to 14 April.
    expect(bid).toMatchObject({ pricing: "fixed", totalCents: 45_000, startOn: "2027-01-15", durationDays: 90, dailyRateCents: null });
    const milestones = await db.select().from(bidMilestones).where(eq(bidMilestones.bidId, bidId)).orderBy(asc(bidMilestones.position));
    expect(milestones.map((m) => [m.amountCents, m.dueOn])).toEqual([[45_000, "2027-02-14"]]);
    const terms = await getRetainerTerms(owner, bidId);
    expect(terms).toMatchObject({
      monthlyFeeCents: 45_000,
      hoursIncluded: 6,
      extraHourCents: 9_000,
      responseHours: { critical: 4, high: 8, normal: 16, low: 40 },
      coveredSoftware: ["Nextcloud", "WireGuard"],
      coveredHosts: [],
      workingHours: { days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1080 },
      minimumTermMonths: 3,
      noticeDays: 30,
    });
    expect(await getRetainerTerms(expert, bidId)).not.toBeNull();
    await expect(getRetainerTerms(outsider, bidId)).rejects.toThrow(PolicyError);
  });

  it("are shown in the comparison beside each bid, none for a bid without them", async () => {
    const jobId = await supportJob();
    const first = await makeBid(jobId);
    const second = await makeBid(jobId);
    await saveRetainer(first.expert, first.bidId, { monthlyFee: "300", responseCritical: 2 });
    const compared = await compareBidsForJob(owner, jobId);
    const byId = new Map(compared.map((b) => [b.id, b]));
    expect(byId.get(first.bidId)?.kindTerms).toMatchObject({ kind: "support_monthly", retainer: { monthlyFeeCents: 30_000, responseHours: { critical: 2 } } });
    expect(byId.get(second.bidId)?.kindTerms).toBeNull();
    // The first month's fee is what the comparison's total counts.
    expect(byId.get(first.bidId)?.price.exVatCents).toBe(30_000);
  });

  it("refuse bad input field by field, keeping the bid as it was", async () => {
    const { expert, bidId } = await makeBid(await supportJob());
    const fields = await saveRetainerTerms(expert, {
      ...retainerTermsInput(bidId),
      monthlyFee: "abc",
      extraHour: "-5",
      hoursIncluded: 500,
      responseCritical: 0,
      coveredSoftware: " \n ",
      workingDays: [],
      minimumTermMonths: 0,
      noticeDays: 400,
    });
    expect(fields).toEqual({
      ok: false,
      error: "invalid",
      fields: {
        hoursIncluded: "retainerHoursIncluded",
        responseCritical: "retainerResponseHours",
        coveredSoftware: "retainerSoftwareRequired",
        workingDays: "retainerWorkingDays",
        minimumTermMonths: "retainerMinimumTerm",
        noticeDays: "retainerNoticeDays",
      },
    });
    const rules = await saveRetainerTerms(expert, { ...retainerTermsInput(bidId), monthlyFee: "1,234", extraHour: "x", responseHigh: 2, workStart: "18:00", workEnd: "09:00" });
    expect(rules).toEqual({ ok: false, error: "invalid", fields: { monthlyFee: "amount", extraHour: "amount", responseHigh: "retainerResponseOrder", workEnd: "retainerWorkingHoursOrder" } });
    expect(await saveRetainerTerms(expert, { ...retainerTermsInput(bidId), workStart: "9h", monthlyFee: "900000" })).toMatchObject({
      fields: { workStart: "retainerTime", monthlyFee: "amountOverMilestoneLimit" },
    });
    const [bid] = await db.select().from(bids).where(eq(bids.id, bidId));
    expect(bid?.totalCents).toBe(240_050);
  });

  it("are refused to anyone but the bid's expert, on a need that is no monthly support, and once the bid is no longer editable", async () => {
    const { expert, bidId } = await makeBid(await supportJob());
    const other = await makeBid(await supportJob());
    await expect(saveRetainerTerms(other.expert, retainerTermsInput(bidId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(saveRetainerTerms(owner, retainerTermsInput(bidId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(saveRetainerTerms(null, retainerTermsInput(bidId))).rejects.toThrow(PolicyError);
    const install = await makeBid(await makeJob(owner));
    expect(await saveRetainerTerms(install.expert, retainerTermsInput(install.bidId))).toEqual({ ok: false, error: "not_retainer" });
    expect((await declineBid(owner, { bidId, reason: "Nous avons choisi une autre offre." })).ok).toBe(true);
    expect(await saveRetainerTerms(expert, retainerTermsInput(bidId))).toEqual({ ok: false, error: "locked" });
  });
});
