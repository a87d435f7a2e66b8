import { asc, eq, isNull } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { contractMilestones, retainerMonths, retainers, stripeEvents } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { runRetainerBilling } from "@/lib/retainers/billing";
import { getRetainerView } from "@/lib/retainers/queries";
import { giveRetainerNotice, pauseRetainer, resumeRetainer, serviceEndsOn } from "@/lib/retainers/lifecycle";
import { openDispute } from "@/lib/payments/disputes";
import { processProviderEvent } from "@/lib/payments/events/process";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeRetainerContract, saveTestPaymentMethod } from "../../helpers/retainers";

let outsider: Actor;
let admin: Actor;
beforeAll(async () => {
  outsider = await makeUser("client");
  await makeOrganization(outsider);
  admin = await makeUser("admin");
});

const at = (iso: string) => new Date(iso);
const monthsOf = (contractId: string) => db.select().from(retainerMonths).where(eq(retainerMonths.contractId, contractId)).orderBy(asc(retainerMonths.periodStart));
const retainerOf = async (contractId: string) => (await db.select().from(retainers).where(eq(retainers.contractId, contractId)))[0];

async function processEvents() {
  for (const { id } of await db.select({ id: stripeEvents.id }).from(stripeEvents).where(isNull(stripeEvents.processedAt))) await processProviderEvent(id);
}

async function billedRetainer() {
  const made = await makeRetainerContract({ activate: true });
  await saveTestPaymentMethod(made.owner, made.contractId, "card");
  await runRetainerBilling(at("2027-01-15T10:00:00Z"));
  await processEvents();
  return made;
}

describe("pausing and resuming a retainer", () => {
  it("skips the months the pause covered and picks up at the current month", async () => {
    const { owner, contractId } = await billedRetainer();
    expect(await pauseRetainer(owner, { contractId }, at("2027-01-20T10:00:00Z"))).toEqual({ ok: true, value: undefined });
    expect(await pauseRetainer(owner, { contractId }, at("2027-01-21T10:00:00Z"))).toEqual({ ok: false, error: "illegal_transition" });
    // Paused through February: the first month still closes, no month opens.
    await runRetainerBilling(at("2027-02-16T10:00:00Z"));
    expect((await monthsOf(contractId)).map((m) => m.status)).toEqual(["released"]);
    expect(await resumeRetainer(owner, { contractId }, at("2027-03-20T10:00:00Z"))).toEqual({ ok: true, value: undefined });
    expect(await resumeRetainer(owner, { contractId }, at("2027-03-20T10:00:00Z"))).toEqual({ ok: false, error: "illegal_transition" });
    await runRetainerBilling(at("2027-03-20T11:00:00Z"));
    await processEvents();
    expect((await monthsOf(contractId)).map((m) => [m.periodStart, m.status])).toEqual([
      ["2027-01-15", "released"],
      ["2027-02-15", "skipped"],
      ["2027-03-15", "held"],
    ]);
  });

  it("is for the client organisation's members only", async () => {
    const { expert, contractId, owner } = await billedRetainer();
    for (const actor of [expert, outsider, admin, null]) {
      await expect(pauseRetainer(actor, { contractId })).rejects.toThrow(PolicyError);
      await expect(resumeRetainer(actor, { contractId })).rejects.toThrow(PolicyError);
    }
    await expect(pauseRetainer(owner, { contractId: "not-an-id" })).rejects.toThrow(PolicyError);
  });
});

describe("terminating a retainer", () => {
  it("ends the service after the notice and the minimum term, at the end of that month", () => {
    const retainer = { startsOn: "2027-01-15", noticeDays: 30, minimumTermMonths: 3 };
    // Notice on 20 January: the minimum term runs to 14 April.
    expect(serviceEndsOn(retainer, "2027-01-20")).toBe("2027-04-14");
    // Notice on 1 April: 30 days lead to 1 May, in the month ending 14 May.
    expect(serviceEndsOn(retainer, "2027-04-01")).toBe("2027-05-14");
    expect(serviceEndsOn({ ...retainer, noticeDays: 0, minimumTermMonths: 1 }, "2027-02-20")).toBe("2027-03-14");
  });

  it("is given once by either party; no month opens after the last day, and the retainer ends", async () => {
    const { owner, expert, contractId } = await billedRetainer();
    await expect(giveRetainerNotice(outsider, { contractId })).rejects.toThrow(PolicyError);
    await expect(giveRetainerNotice(admin, { contractId })).rejects.toThrow(PolicyError);
    expect(await giveRetainerNotice(expert, { contractId }, at("2027-01-20T10:00:00Z"))).toEqual({ ok: true, value: { endsOn: "2027-04-14" } });
    expect(await giveRetainerNotice(owner, { contractId }, at("2027-01-21T10:00:00Z"))).toEqual({ ok: false, error: "notice_given" });
    for (const day of ["2027-02-15", "2027-03-15", "2027-04-15", "2027-05-15"]) {
      await runRetainerBilling(at(`${day}T10:00:00Z`));
      await processEvents();
    }
    expect((await monthsOf(contractId)).map((m) => [m.periodStart, m.status])).toEqual([
      ["2027-01-15", "released"],
      ["2027-02-15", "released"],
      ["2027-03-15", "released"],
    ]);
    expect(await retainerOf(contractId)).toMatchObject({ status: "ended", noticeGivenBy: "expert", endsOn: "2027-04-14" });
    expect(await giveRetainerNotice(owner, { contractId }, at("2027-05-20T10:00:00Z"))).toEqual({ ok: false, error: "illegal_transition" });
  });
});

describe("a dispute on a month", () => {
  it("freezes the month: it is not released at month end", async () => {
    const { owner, contractId } = await billedRetainer();
    const [month] = await monthsOf(contractId);
    const opened = await openDispute(owner, { milestoneId: month!.milestoneId!, reason: "not_as_agreed", text: "Les tickets critiques de ce mois n’ont pas été traités dans les délais prévus." });
    expect(opened.ok).toBe(true);
    await runRetainerBilling(at("2027-02-15T10:00:00Z"));
    const [milestone] = await db.select().from(contractMilestones).where(eq(contractMilestones.id, month!.milestoneId!));
    expect(milestone?.status).toBe("disputed");
    expect((await monthsOf(contractId))[0]?.status).toBe("held");
    expect((await getRetainerView(owner, contractId))?.months[0]?.state).toBe("disputed");
  });
});
