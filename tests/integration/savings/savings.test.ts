import { eq, inArray } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditLog, bids, catalogSoftware, jobSoftware, jobs, paidServices, savingsAssumptions } from "@/db/schema";
import { seedCatalog } from "@/db/seed/seed";
import { PolicyError } from "@/lib/auth/policy";
import { createJobDraft } from "@/lib/jobs/manage-jobs";
import { updatePaidServicePrice, updateSavingsAssumption } from "@/lib/savings/manage";
import { getSavingsPriceData } from "@/lib/savings/queries";
import { makeBid } from "@/tests/helpers/bids";
import { makeOrganization, makeUser } from "@/tests/helpers/factories";
import { makeJob } from "@/tests/helpers/jobs";

const slackInput = { slug: "slack", price: "7,25", source: "slack.com/intl/fr-fr/pricing", pricedOn: "2026-12-01" };
const now = new Date("2026-12-05T10:00:00Z");

beforeEach(async () => {
  await seedCatalog(db);
});

describe("the savings prices kept by admins", () => {
  it("an admin changes a price with its source and date; it is audited and the estimate reads it", async () => {
    const admin = await makeUser("admin");
    const result = await updatePaidServicePrice(admin, slackInput, now);
    expect(result).toEqual({ ok: true, value: { slug: "slack" } });
    const [row] = await db.select().from(paidServices).where(eq(paidServices.slug, "slack"));
    expect(row).toMatchObject({ monthlyCentsPerUser: 725, pricedOn: "2026-12-01", updatedById: admin.id });
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, "savings.service_price_updated"));
    expect(audit?.data).toMatchObject({ slug: "slack", fromCents: 675, toCents: 725 });
    const data = await getSavingsPriceData();
    expect(data.services.find((service) => service.slug === "slack")?.monthlyCentsPerUser).toBe(725);

    const assumption = await updateSavingsAssumption(admin, { key: "hosting_small_monthly", price: "25", source: "OVHcloud VPS, public price", pricedOn: "2026-12-01" }, now);
    expect(assumption.ok).toBe(true);
    const [hosting] = await db.select().from(savingsAssumptions).where(eq(savingsAssumptions.key, "hosting_small_monthly"));
    expect(hosting?.cents).toBe(2500);
  });

  it("a restart's seeding keeps an admin's edits", async () => {
    const admin = await makeUser("admin");
    await updatePaidServicePrice(admin, slackInput, now);
    await seedCatalog(db);
    const [row] = await db.select().from(paidServices).where(eq(paidServices.slug, "slack"));
    expect(row?.monthlyCentsPerUser).toBe(725);
  });

  it("refuses anyone but an admin who passed the second factor, and changes nothing", async () => {
    const client = await makeUser("client");
    const expert = await makeUser("expert");
    const admin = await makeUser("admin");
    const before = await db.select().from(paidServices).where(eq(paidServices.slug, "slack"));
    for (const actor of [null, client, expert, { ...admin, secondFactor: null }]) {
      await expect(updatePaidServicePrice(actor, slackInput, now)).rejects.toBeInstanceOf(PolicyError);
      await expect(updateSavingsAssumption(actor, { key: "installation_base", price: "1", source: "test source", pricedOn: "2026-12-01" }, now)).rejects.toBeInstanceOf(PolicyError);
    }
    expect(await db.select().from(paidServices).where(eq(paidServices.slug, "slack"))).toEqual(before);
  });

  it("refuses bad input field by field: amount, missing source, a future date, an unknown row", async () => {
    const admin = await makeUser("admin");
    expect(await updatePaidServicePrice(admin, { ...slackInput, price: "douze" }, now)).toMatchObject({ ok: false, error: "invalid", fields: { price: "amount" } });
    expect(await updatePaidServicePrice(admin, { ...slackInput, price: "0" }, now)).toMatchObject({ ok: false, fields: { price: "amount" } });
    expect(await updatePaidServicePrice(admin, { ...slackInput, source: " " }, now)).toMatchObject({ ok: false, fields: { source: "required" } });
    expect(await updatePaidServicePrice(admin, { ...slackInput, pricedOn: "2026-12-06" }, now)).toMatchObject({ ok: false, error: "future_date", fields: { pricedOn: "notInFuture" } });
    expect(await updatePaidServicePrice(admin, { ...slackInput, slug: "no-such-service" }, now)).toEqual({ ok: false, error: "not_found" });
    expect(await updateSavingsAssumption(admin, { key: "not_a_key", price: "1", source: "test source", pricedOn: "2026-12-01" }, now)).toMatchObject({ ok: false, fields: { key: expect.any(String) } });
    // Zero is a valid assumption (free hosting on premises), not a valid licence price.
    expect((await updateSavingsAssumption(admin, { key: "hosting_small_monthly", price: "0", source: "on premises", pricedOn: "2026-12-01" }, now)).ok).toBe(true);
  });
});

describe("the market price of an installation", () => {
  it("is the median accepted bid of installation needs naming the program, split between the programs", async () => {
    const owner = await makeUser("client");
    await makeOrganization(owner);
    const totals = [200_000, 300_000, 400_000, 500_000, 600_000];
    const bidIds: string[] = [];
    for (const [index, total] of totals.entries()) {
      // The last need names two programs: its bid counts half for Nextcloud.
      const jobId = await makeJob(owner, { software: index === 4 ? ["nextcloud", "collabora-online"] : ["nextcloud"], budgetMaxEuros: 10_000 });
      const { bidId } = await makeBid(jobId);
      await db.update(bids).set({ totalCents: total }).where(eq(bids.id, bidId));
      bidIds.push(bidId);
    }
    // Not counted: a submitted bid, and an accepted bid on a training need.
    const other = await makeJob(owner, { software: ["nextcloud"], kind: "training" });
    const training = await makeBid(other);
    await db.update(bids).set({ status: "accepted" }).where(inArray(bids.id, [...bidIds, training.bidId]));
    await makeBid(await makeJob(owner, { software: ["nextcloud"] }));

    const data = await getSavingsPriceData();
    // Shares: 2000, 3000, 4000, 5000 and 3000 (6000 / 2) euros → median 3000 €.
    expect(data.marketInstallation.nextcloud).toEqual({ medianCents: 300_000, bids: 5 });
    expect(data.marketInstallation["collabora-online"]).toEqual({ medianCents: 300_000, bids: 1 });
    expect(data.softwareNames.nextcloud).toBe("Nextcloud");
  });
});

describe("a need pre-filled from the estimate", () => {
  it("starts with the kind, the known programs and the users; unknown or malformed values are dropped", async () => {
    const owner = await makeUser("client");
    await makeOrganization(owner);
    const draft = await createJobDraft(owner, { kind: "installation", software: "nextcloud,mattermost,not-a-program", users: "12" });
    if (!draft.ok) throw new Error("no draft");
    const [job] = await db.select().from(jobs).where(eq(jobs.id, draft.value.jobId));
    expect(job).toMatchObject({ kind: "installation", needs: { users: 12 }, status: "draft" });
    const software = await db
      .select({ slug: catalogSoftware.slug })
      .from(jobSoftware)
      .innerJoin(catalogSoftware, eq(catalogSoftware.id, jobSoftware.softwareId))
      .where(eq(jobSoftware.jobId, draft.value.jobId));
    expect(software.map((s) => s.slug).sort()).toEqual(["mattermost", "nextcloud"]);

    const odd = await createJobDraft(owner, { kind: "rocket", software: "x".repeat(2000), users: "-3" });
    if (!odd.ok) throw new Error("no draft");
    const [plain] = await db.select().from(jobs).where(eq(jobs.id, odd.value.jobId));
    expect(plain).toMatchObject({ kind: null, needs: {} });
  });

  it("is still refused to anyone but a client", async () => {
    const expert = await makeUser("expert");
    await expect(createJobDraft(expert, { kind: "installation" })).rejects.toBeInstanceOf(PolicyError);
    await expect(createJobDraft(null, { kind: "installation" })).rejects.toBeInstanceOf(PolicyError);
  });
});
