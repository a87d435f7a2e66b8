import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { expertProfiles, jobNdaAcceptances } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { acceptJobNda } from "@/lib/jobs/nda";
import { getJobForViewer, jobFiltersSchema, searchJobs } from "@/lib/jobs/queries";
import { makeCompleteExpert } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob } from "../../helpers/jobs";

const search = (query: Record<string, string>) => searchJobs(jobFiltersSchema.parse(query));
const SECRET = "Adresse IP du serveur : 203.0.113.10";

let owner: Awaited<ReturnType<typeof makeUser>>;
let nextcloudJob: string;
let odooJob: string;
let draftJob: string;

beforeAll(async () => {
  owner = await makeUser("client");
  await makeOrganization(owner);
  nextcloudJob = await makeJob(owner, { title: "Installer Nextcloud sur nos serveurs", departement: "69" });
  odooJob = await makeJob(owner, {
    title: "Formation Odoo pour la comptabilité",
    description: "Deux jours de formation à Odoo pour trois personnes du service comptable, dans nos locaux nantais.",
    kind: "training",
    software: ["odoo"],
    departement: "44",
    remote: true,
    budgetMaxEuros: 1500,
  });
  draftJob = await makeJob(owner, { title: "Brouillon secret de migration messagerie" }, false);
});

describe("job board", () => {
  it("lists open jobs only; French stemming finds « serveurs » for « serveur »; the title weighs most", async () => {
    expect((await search({})).jobs.map((j) => j.id).sort()).toEqual([nextcloudJob, odooJob].sort());
    expect((await search({ q: "serveur" })).jobs.map((j) => j.id)).toEqual([nextcloudJob]);
    expect((await search({ q: "formation" })).jobs[0]?.id).toBe(odooJob);
    expect((await search({ q: "brouillon" })).total).toBe(0);
  });

  it("combines filters: kind, software, département or remote, budget, date posted", async () => {
    expect((await search({ kind: "training" })).jobs.map((j) => j.id)).toEqual([odooJob]);
    expect((await search({ software: "nextcloud" })).jobs.map((j) => j.id)).toEqual([nextcloudJob]);
    expect((await search({ departement: "69" })).jobs.map((j) => j.id)).toEqual([nextcloudJob]);
    expect((await search({ departement: "69", remote: "1" })).total).toBe(2);
    expect((await search({ minBudget: "2000" })).jobs.map((j) => j.id)).toEqual([nextcloudJob]);
    expect((await search({ kind: "training", departement: "69" })).total).toBe(0);
    expect((await search({ postedWithinDays: "7" })).total).toBe(2);
  });

  it("never puts confidential details in the results", async () => {
    expect(JSON.stringify(await search({}))).not.toContain("203.0.113.10");
  });
});

describe("confidential details and the NDA", () => {
  it("anonymous visitors and other organisations see the public summary only; drafts stay private", async () => {
    const anonymous = await getJobForViewer(null, nextcloudJob);
    expect(anonymous?.confidentialDetails).toBeNull();
    expect(anonymous?.hasConfidentialDetails).toBe(true);
    expect(JSON.stringify(anonymous)).not.toContain("203.0.113.10");
    const outsider = await makeUser("client");
    await makeOrganization(outsider);
    expect((await getJobForViewer(outsider, nextcloudJob))?.confidentialDetails).toBeNull();
    expect(await getJobForViewer(outsider, draftJob)).toBeNull();
    expect(await getJobForViewer(null, draftJob)).toBeNull();
    expect((await getJobForViewer(owner, nextcloudJob))?.confidentialDetails).toContain(SECRET);
  });

  it("an unverified expert cannot accept the NDA; a verified one can, and then reads the details", async () => {
    const { actor: unverified } = await makeCompleteExpert();
    expect(await acceptJobNda(unverified, { jobId: nextcloudJob })).toEqual({ ok: false, error: "not_verified" });
    expect((await getJobForViewer(unverified, nextcloudJob))?.canAcceptNda).toBe(false);

    const { actor: verified, profileId } = await makeCompleteExpert();
    await db.update(expertProfiles).set({ status: "verified" }).where(eq(expertProfiles.id, profileId));
    const before = await getJobForViewer(verified, nextcloudJob);
    expect(before).toMatchObject({ canAcceptNda: true, confidentialDetails: null });
    expect(await acceptJobNda(verified, { jobId: nextcloudJob })).toEqual({ ok: true, value: undefined });
    expect(await acceptJobNda(verified, { jobId: nextcloudJob })).toEqual({ ok: true, value: undefined });
    expect(await db.select().from(jobNdaAcceptances).where(eq(jobNdaAcceptances.userId, verified.id))).toHaveLength(1);
    expect((await getJobForViewer(verified, nextcloudJob))?.confidentialDetails).toContain(SECRET);
    expect((await getJobForViewer(verified, odooJob))?.confidentialDetails).toBeNull();
    expect(await acceptJobNda(verified, { jobId: draftJob })).toEqual({ ok: false, error: "not_found" });
  });

  it("refuses clients and anonymous visitors accepting an NDA", async () => {
    await expect(acceptJobNda(null, { jobId: nextcloudJob })).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(acceptJobNda(owner, { jobId: nextcloudJob })).rejects.toThrow(new PolicyError("forbidden"));
  });
});
