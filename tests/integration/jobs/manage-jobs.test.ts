import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { jobs } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { cancelJob, closeJob, createJobDraft, publishJob, saveJobStep } from "@/lib/jobs/manage-jobs";
import { makeJob } from "../../helpers/jobs";
import { makeOrganization, makeUser } from "../../helpers/factories";

async function clientWithOrg() {
  const client = await makeUser("client");
  await makeOrganization(client);
  return client;
}

describe("job wizard", () => {
  it("saves a draft step by step, remembers the furthest step, and publishes it complete", async () => {
    const client = await clientWithOrg();
    const jobId = await makeJob(client, {}, false);
    const [draft] = await db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(draft).toMatchObject({ status: "draft", wizardStep: 7, kind: "installation", budgetMaxCents: 300_000, departement: "69", personalData: true });
    expect(await publishJob(client, { jobId })).toEqual({ ok: true, value: undefined });
    const [open] = await db.select().from(jobs).where(eq(jobs.id, jobId));
    expect(open?.status).toBe("open");
    expect(open?.publishedAt).toBeInstanceOf(Date);
    expect(await publishJob(client, { jobId })).toEqual({ ok: false, error: "illegal_transition" });
  });

  it("refuses to publish an incomplete draft, naming the missing steps", async () => {
    const client = await clientWithOrg();
    const draft = await createJobDraft(client);
    if (!draft.ok) throw new Error("no draft");
    await saveJobStep(client, { jobId: draft.value.jobId, step: 1, data: { kind: "training" } });
    expect(await publishJob(client, { jobId: draft.value.jobId })).toEqual({ ok: false, error: "incomplete", fields: { steps: "2,3,4,5,6" } });
  });

  it("refuses bad input with a field error per problem", async () => {
    const client = await clientWithOrg();
    const draft = await createJobDraft(client);
    if (!draft.ok) throw new Error("no draft");
    const jobId = draft.value.jobId;
    expect(await saveJobStep(client, { jobId, step: 1, data: { kind: "hacking" } })).toMatchObject({ fields: { kind: "jobKind" } });
    expect(await saveJobStep(client, { jobId, step: 2, data: { helpMeChoose: false, softwareIds: [] } })).toMatchObject({ fields: { softwareIds: "softwareOrHelp" } });
    expect(await saveJobStep(client, { jobId, step: 4, data: { budgetType: "fixed", budgetMinEuros: 5000, budgetMaxEuros: 1000 } })).toMatchObject({
      fields: { budgetMinEuros: "budgetOrder" },
    });
    expect(await saveJobStep(client, { jobId, step: 5, data: { remote: false, startOn: "2027-03-01", deadlineOn: "2027-02-01" } })).toMatchObject({
      fields: { departement: "placeRequired", deadlineOn: "deadlineOrder" },
    });
    expect(await saveJobStep(client, { jobId, step: 6, data: { title: "Court", description: "trop court" } })).toMatchObject({
      fields: { title: "jobTitle", description: "jobDescription" },
    });
    expect(await saveJobStep(client, { jobId, step: 2, data: { helpMeChoose: true, users: 12, sites: 2, hosting: "not_sure" } })).toMatchObject({ ok: true });
  });

  it("only the organisation's members manage its jobs", async () => {
    const owner = await clientWithOrg();
    const jobId = await makeJob(owner);
    const outsider = await clientWithOrg();
    await expect(saveJobStep(outsider, { jobId, step: 1, data: { kind: "training" } })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(closeJob(outsider, { jobId })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(cancelJob(await makeUser("expert"), { jobId })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(publishJob(null, { jobId })).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(createJobDraft(await makeUser("expert"))).rejects.toThrow(new PolicyError("forbidden"));
    expect(await createJobDraft(await makeUser("client"))).toEqual({ ok: false, error: "no_organization" });
  });

  it("closes or cancels an open job, then refuses any further move or edit", async () => {
    const client = await clientWithOrg();
    const closed = await makeJob(client);
    expect((await closeJob(client, { jobId: closed })).ok).toBe(true);
    expect(await cancelJob(client, { jobId: closed })).toEqual({ ok: false, error: "illegal_transition" });
    expect(await saveJobStep(client, { jobId: closed, step: 1, data: { kind: "training" } })).toEqual({ ok: false, error: "locked" });
    const cancelled = await makeJob(client, {}, false);
    expect((await cancelJob(client, { jobId: cancelled })).ok).toBe(true);
    expect(await publishJob(client, { jobId: cancelled })).toEqual({ ok: false, error: "illegal_transition" });
  });
});
