import { readFileSync } from "node:fs";
import { and, eq } from "drizzle-orm";
import { NextIntlClientProvider } from "next-intl";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it } from "vitest";
import { BidForm } from "@/components/bids/BidForm";
import { bidToFormValues, milestoneRows, normalizeBidValues } from "@/components/bids/bid-form-values";
import { db } from "@/db/client";
import { auditLog, bids } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { declineBid, getMyBidForJob, shortlistBid } from "@/lib/bids/client-bids";
import { updateBid, withdrawBid } from "@/lib/bids/expert-bids";
import type { BidInput } from "@/lib/bids/schemas";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";
import { idleState } from "@/lib/actions/form-state";
import fr from "@/messages/fr.json";
import { bidOn, fixedBid, verifiedExpert } from "./bid-helpers";

let owner: Actor;
let jobId: string;
beforeAll(async () => {
  owner = await makeUser("client");
  await makeOrganization(owner);
  jobId = await makeJob(owner);
});

/** What the edit form posts back, read the way the bid actions read it. */
function inputFromValues(values: Record<string, string>): BidInput {
  const v = normalizeBidValues(values);
  return {
    jobId: v.jobId ?? "",
    pricing: v.pricing as "fixed" | "daily",
    total: v.total,
    dailyRate: v.dailyRate,
    days: v.days,
    durationDays: v.durationDays as unknown as number,
    startOn: v.startOn ?? "",
    method: v.method ?? "",
    milestones: milestoneRows(v),
  };
}

describe("editing a bid", () => {
  it("the prefilled form posts back the same bid, in either locale", async () => {
    const { actor: expert } = await verifiedExpert();
    const bidId = await bidOn(expert, fixedBid(jobId));
    const before = await getMyBidForJob(expert, jobId);
    if (!before) throw new Error("no bid");
    for (const locale of ["fr", "en"]) {
      const values = { ...bidToFormValues(before, locale), jobId, bidId };
      expect(values).toMatchObject({ pricing: "fixed", total: locale === "fr" ? "2400,50" : "2400.50", "milestones.1.amount": locale === "fr" ? "1200,50" : "1200.50" });
      expect(await updateBid(expert, bidId, inputFromValues(values))).toEqual({ ok: true, value: undefined });
      const after = await getMyBidForJob(expert, jobId);
      expect({ ...after, updatedAt: null }).toEqual({ ...before, updatedAt: null });
    }
  });

  it("switches to a daily rate and replaces every milestone; the change is audited", async () => {
    const { actor: expert } = await verifiedExpert();
    const bidId = await bidOn(expert, fixedBid(jobId));
    const result = await updateBid(
      expert,
      bidId,
      fixedBid(jobId, {
        pricing: "daily",
        total: undefined,
        dailyRate: "500",
        days: "4",
        durationDays: 10,
        startOn: "2027-02-01",
        milestones: [
          { title: "Audit", amount: "500", dueOn: "2027-02-02" },
          { title: "Installation", amount: "1000", dueOn: "2027-02-05" },
          { title: "Formation", amount: "500", dueOn: "2027-02-10" },
        ],
      }),
    );
    expect(result).toEqual({ ok: true, value: undefined });
    const mine = await getMyBidForJob(expert, jobId);
    expect(mine).toMatchObject({ status: "submitted", pricing: "daily", dailyRateCents: 50_000, days: 4, totalCents: 200_000, durationDays: 10, startOn: "2027-02-01" });
    expect(mine?.milestones.map((m) => [m.title, m.amountCents])).toEqual([
      ["Audit", 50_000],
      ["Installation", 100_000],
      ["Formation", 50_000],
    ]);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subjectId, bidId), eq(auditLog.action, "bid.updated")));
    expect(audit).toHaveLength(1);
    expect(audit[0]?.actorId).toBe(expert.id);
  });

  it("refuses milestones that no longer add up to the total, and changes nothing", async () => {
    const { actor: expert } = await verifiedExpert();
    const bidId = await bidOn(expert, fixedBid(jobId));
    const result = await updateBid(expert, bidId, fixedBid(jobId, { total: "3000" }));
    expect(result).toMatchObject({ ok: false, error: "invalid", fields: { milestones: "milestoneSum" } });
    const [row] = await db.select().from(bids).where(eq(bids.id, bidId));
    expect(row?.totalCents).toBe(240_050);
  });

  it("is refused to anyone but the bid's expert", async () => {
    const { actor: expert } = await verifiedExpert();
    const bidId = await bidOn(expert, fixedBid(jobId));
    const { actor: other } = await verifiedExpert();
    await expect(updateBid(other, bidId, fixedBid(jobId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(updateBid(owner, bidId, fixedBid(jobId))).rejects.toThrow(new PolicyError("forbidden"));
    await expect(updateBid(null, bidId, fixedBid(jobId))).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(updateBid(expert, "not-a-bid", fixedBid(jobId))).rejects.toThrow(new PolicyError("forbidden"));
    // A bid cannot be moved to another job through a tampered form.
    const otherJob = await makeJob(owner);
    await expect(updateBid(expert, bidId, fixedBid(otherJob))).rejects.toThrow(new PolicyError("forbidden"));
    expect((await db.select().from(bids).where(eq(bids.id, bidId)))[0]?.jobId).toBe(jobId);
  });

  it("is locked once the client has shortlisted or declined it, and after a withdrawal", async () => {
    const { actor: a } = await verifiedExpert();
    const shortlisted = await bidOn(a, fixedBid(jobId));
    expect((await shortlistBid(owner, { bidId: shortlisted })).ok).toBe(true);
    expect(await updateBid(a, shortlisted, fixedBid(jobId, { durationDays: 30 }))).toEqual({ ok: false, error: "locked" });
    expect(await withdrawBid(a, shortlisted)).toEqual({ ok: false, error: "illegal_transition" });

    const { actor: b } = await verifiedExpert();
    const declined = await bidOn(b, fixedBid(jobId));
    expect((await declineBid(owner, { bidId: declined })).ok).toBe(true);
    expect(await updateBid(b, declined, fixedBid(jobId))).toEqual({ ok: false, error: "locked" });
    // Locked wins over bad input: the expert is told why, not what to fix.
    expect(await updateBid(b, declined, fixedBid(jobId, { total: "1" }))).toEqual({ ok: false, error: "locked" });

    const { actor: c } = await verifiedExpert();
    const withdrawn = await bidOn(c, fixedBid(jobId));
    expect((await withdrawBid(c, withdrawn)).ok).toBe(true);
    expect(await updateBid(c, withdrawn, fixedBid(jobId))).toEqual({ ok: false, error: "locked" });
  });
});

describe("bid form values", () => {
  it("renumbers milestone rows with gaps and drops blank ones, so errors line up", () => {
    const values = {
      jobId,
      "milestones.0.title": "Audit",
      "milestones.0.amount": "100",
      "milestones.0.dueOn": "2027-01-20",
      "milestones.2.title": "",
      "milestones.2.amount": " ",
      "milestones.2.dueOn": "",
      "milestones.5.title": "Formation",
      "milestones.5.amount": "200",
      "milestones.5.dueOn": "",
    };
    expect(normalizeBidValues(values)).toEqual({
      jobId,
      "milestones.0.title": "Audit",
      "milestones.0.amount": "100",
      "milestones.0.dueOn": "2027-01-20",
      "milestones.1.title": "Formation",
      "milestones.1.amount": "200",
      "milestones.1.dueOn": "",
    });
  });
});

describe("the edit form without JavaScript", () => {
  /** The French messages, with this work's keys when they are not merged yet. */
  function messages() {
    let fragment: { bids?: Record<string, string> } = {};
    try {
      fragment = JSON.parse(readFileSync("/tmp/frags/bids.fr.json", "utf8"));
    } catch {
      // merged already
    }
    return { ...fr, bids: { ...fr.bids, ...fragment.bids } };
  }

  function render(initial: Record<string, string>) {
    const form = createElement(BidForm, { jobId, bidId: "bid-1", commissionBps: 1000, initial, submitLabel: "Enregistrer", action: async () => idleState });
    // eslint-disable-next-line react/no-children-prop -- the provider's props type requires children
    return renderToStaticMarkup(createElement(NextIntlClientProvider, { locale: "fr", messages: messages(), onError: () => {}, children: form }));
  }

  const inputs = (html: string) =>
    [...html.matchAll(/<input [^>]*>/g)].map((m) => Object.fromEntries([...m[0].matchAll(/([\w-]+)(?:="([^"]*)")?/g)].slice(1).map((a) => [a[1], a[2] ?? true])));

  it("shows the bid as sent: pricing, amounts, dates, method and every milestone", async () => {
    const { actor: expert } = await verifiedExpert();
    await bidOn(expert, fixedBid(jobId, { pricing: "daily", total: undefined, dailyRate: "480,25", days: "5", milestones: [
      { title: "Audit", amount: "1000", dueOn: "2027-01-20" },
      { title: "Mise en place", amount: "1000", dueOn: "2027-01-25" },
      { title: "Formation", amount: "401,25", dueOn: "2027-02-01" },
    ] }));
    const bid = await getMyBidForJob(expert, jobId);
    if (!bid) throw new Error("no bid");
    const html = render(bidToFormValues(bid, "fr"));
    const byName = Object.fromEntries(inputs(html).filter((i) => i.type !== "radio").map((i) => [i.name, i.value]));
    expect(byName).toMatchObject({
      jobId,
      bidId: "bid-1",
      dailyRate: "480,25",
      days: "5",
      durationDays: "20",
      startOn: "2027-01-15",
      "milestones.0.title": "Audit",
      "milestones.1.title": "Mise en place",
      "milestones.2.title": "Formation",
      "milestones.2.amount": "401,25",
      "milestones.2.dueOn": "2027-02-01",
    });
    expect(inputs(html).find((i) => i.type === "radio" && "checked" in i)?.value).toBe("daily");
    expect(html).toContain(">Je commence par un audit");
    expect(html).toContain(">Enregistrer</button>");
    expect(html).toMatch(/Total 2\s401,25\s€/u); // the net preview is computed from the prefilled rate
  });
});
