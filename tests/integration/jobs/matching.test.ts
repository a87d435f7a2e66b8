import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { expertProfiles, jobs, type JobKind } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { submitBid, withdrawBid } from "@/lib/bids/expert-bids";
import { listMatchingJobs, type MatchingJob } from "@/lib/jobs/matching";
import { closeJob, createJobDraft, publishJob, saveJobStep } from "@/lib/jobs/manage-jobs";
import { makeCompleteExpert, softwareId } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { TRAINING_NEED_INPUT } from "../../helpers/jobs";

const SECRET = "Mot de passe du serveur : Hunter2-confidentiel";

interface Spec {
  kind?: JobKind;
  software?: string[];
  helpMeChoose?: boolean;
  remote?: boolean;
  departement?: string;
  publishedDaysAgo?: number;
  status?: "draft" | "open" | "closed";
}

/** A job filled through the wizard's use case, then published (and closed) as asked. */
async function postJob(owner: Actor, spec: Spec): Promise<string> {
  const draft = await createJobDraft(owner);
  if (!draft.ok) throw new Error("no draft");
  const jobId = draft.value.jobId;
  const helpMeChoose = spec.helpMeChoose ?? false;
  const steps: [1 | 2 | 3 | 4 | 5 | 6, Record<string, unknown>][] = [
    [1, { kind: spec.kind ?? "installation" }],
    [2, { helpMeChoose, softwareIds: await Promise.all((spec.software ?? []).map(softwareId)), hosting: helpMeChoose ? "not_sure" : undefined }],
    [3, { personalData: true, dataSubjects: ["customers"], dataCategories: ["contact"] }],
    [4, { budgetType: "fixed", budgetMinEuros: 1000, budgetMaxEuros: 3000 }],
    [5, { remote: spec.remote ?? false, departement: spec.departement, training: TRAINING_NEED_INPUT }],
    [6, { title: "Un besoin pour nos deux boutiques", description: "Nous sommes une PME de 15 personnes et voulons des outils libres, installés et expliqués.", confidentialDetails: SECRET }],
  ];
  for (const [step, data] of steps) {
    const saved = await saveJobStep(owner, { jobId, step, data });
    if (!saved.ok) throw new Error(`step ${step} refused: ${JSON.stringify(saved)}`);
  }
  if ((spec.status ?? "open") === "draft") return jobId;
  if (!(await publishJob(owner, { jobId })).ok) throw new Error("not published");
  await db
    .update(jobs)
    .set({ publishedAt: new Date(Date.now() - (spec.publishedDaysAgo ?? 0) * 86_400_000) })
    .where(eq(jobs.id, jobId));
  if (spec.status === "closed" && !(await closeJob(owner, { jobId })).ok) throw new Error("not closed");
  return jobId;
}

/** Skills Nextcloud and WireGuard; installation and support; départements 69 and 42; remote OK. */
async function verifiedExpert(): Promise<Actor> {
  const { actor, profileId } = await makeCompleteExpert();
  await db.update(expertProfiles).set({ status: "verified" }).where(eq(expertProfiles.id, profileId));
  return actor;
}

const bidOn = (jobId: string) => ({
  jobId,
  pricing: "fixed" as const,
  total: "2400",
  durationDays: 20,
  startOn: "2027-01-15",
  method: "Je commence par un audit de l’existant, puis j’installe Nextcloud sur un VPS français, je configure les sauvegardes chiffrées et je forme vos équipes.",
  milestones: [{ title: "Installation", amount: "2400", dueOn: "2027-01-25" }],
});

async function matches(actor: Actor, limit?: number): Promise<MatchingJob[]> {
  const result = await listMatchingJobs(actor, { limit });
  if (!result.ok) throw new Error(result.error);
  return result.value;
}
const ids = (list: MatchingJob[]) => list.map((j) => j.id);

let owner: Actor;
let expert: Actor;
const job: Record<string, string> = {};
beforeAll(async () => {
  owner = await makeUser("client");
  await makeOrganization(owner);
  expert = await verifiedExpert();
  const specs: Record<string, Spec> = {
    twoSkillsLoire: { software: ["nextcloud", "wireguard"], departement: "42", publishedDaysAgo: 9 },
    nextcloudLyon: { software: ["nextcloud"], departement: "69", publishedDaysAgo: 5 },
    nextcloudRemote: { kind: "training", software: ["nextcloud", "odoo"], remote: true, departement: "75", publishedDaysAgo: 3 },
    helpInstallLyon: { helpMeChoose: true, departement: "69", publishedDaysAgo: 1 },
    helpMonthlySupportRemote: { kind: "support_monthly", helpMeChoose: true, remote: true, publishedDaysAgo: 2 },
    nextcloudParis: { software: ["nextcloud"], departement: "75" },
    odooLyon: { software: ["odoo"], departement: "69" },
    helpTrainingLyon: { kind: "training", helpMeChoose: true, departement: "69" },
    draftLyon: { software: ["nextcloud"], departement: "69", status: "draft" },
    closedLyon: { software: ["nextcloud"], departement: "69", status: "closed" },
  };
  for (const [name, spec] of Object.entries(specs)) job[name] = await postJob(owner, spec);
});

describe("open jobs matching an expert", () => {
  it("ranks shared software and covered kinds first, then the most recent, with the software it knows", async () => {
    const list = await matches(expert);
    expect(ids(list)).toEqual([
      job.twoSkillsLoire, // 2 shared software + installation
      job.nextcloudLyon, // 1 + installation
      job.helpInstallLyon, // help me choose, installation; relevance 1, newest of its rank
      job.helpMonthlySupportRemote, // help me choose, support covers monthly support
      job.nextcloudRemote, // 1 shared software, training not covered
    ]);
    expect(list[0]).toMatchObject({ software: ["Nextcloud", "WireGuard"], matchedSoftware: ["Nextcloud", "WireGuard"], departement: "42", remote: false });
    expect(list.find((j) => j.id === job.nextcloudRemote)).toMatchObject({ software: ["Nextcloud", "Odoo Community"], matchedSoftware: ["Nextcloud"], remote: true });
    expect(list.find((j) => j.id === job.helpInstallLyon)).toMatchObject({ software: [], matchedSoftware: [], helpMeChoose: true, kind: "installation" });
    expect(ids(await matches(expert, 2))).toEqual([job.twoSkillsLoire, job.nextcloudLyon]);
  });

  it("leaves out other régions, unrelated software, uncovered kinds, drafts and closed jobs", async () => {
    const found = ids(await matches(expert));
    for (const name of ["nextcloudParis", "odooLyon", "helpTrainingLyon", "draftLyon", "closedLyon"]) expect(found, name).not.toContain(job[name]);
  });

  it("follows the expert's own départements and its choice about remote work", async () => {
    const { actor: other, profileId } = await makeCompleteExpert();
    await db.update(expertProfiles).set({ status: "verified", departments: ["75"], remoteOk: false }).where(eq(expertProfiles.id, profileId));
    expect(ids(await matches(other))).toEqual([job.nextcloudParis, job.nextcloudRemote]);
  });

  it("hides a job the expert has an active bid on, not one another expert bid on, and shows it again once withdrawn", async () => {
    const jobId = await postJob(owner, { software: ["nextcloud"], departement: "69" });
    const bidder = await verifiedExpert();
    const bid = await submitBid(bidder, bidOn(jobId));
    if (!bid.ok) throw new Error(`bid refused: ${JSON.stringify(bid)}`);
    expect(ids(await matches(bidder))).not.toContain(jobId);
    expect(ids(await matches(expert))).toContain(jobId);
    expect((await withdrawBid(bidder, bid.value.bidId)).ok).toBe(true);
    expect(ids(await matches(bidder))).toContain(jobId);
  });

  it("gives public fields only, never the confidential details", async () => {
    const list = await matches(expert);
    expect(JSON.stringify(list)).not.toContain(SECRET);
    for (const item of list) {
      expect(Object.keys(item).sort()).toEqual(
        [
          "id", "title", "kind", "remote", "departement", "budgetType", "budgetMinCents", "budgetMaxCents", "dailyRateCapCents",
          "publishedAt", "personalData", "helpMeChoose", "software", "matchedSoftware",
        ].sort(),
      );
    }
    expect(list[0]).toMatchObject({ budgetType: "fixed", budgetMinCents: 100_000, budgetMaxCents: 300_000, personalData: true });
    expect(list[0]?.publishedAt).toBeInstanceOf(Date);
  });

  it("is for verified experts only", async () => {
    await expect(listMatchingJobs(null)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(listMatchingJobs(owner)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(listMatchingJobs(await makeUser("admin"))).rejects.toThrow(new PolicyError("forbidden"));
    const { actor: inVetting } = await makeCompleteExpert({ submit: true });
    expect(await listMatchingJobs(inVetting)).toEqual({ ok: false, error: "not_verified" });
    expect(await listMatchingJobs(await makeUser("expert"))).toEqual({ ok: false, error: "not_verified" });
    const { actor: suspended, profileId } = await makeCompleteExpert();
    await db.update(expertProfiles).set({ status: "suspended" }).where(eq(expertProfiles.id, profileId));
    expect(await listMatchingJobs(suspended)).toEqual({ ok: false, error: "not_verified" });
  });
});
