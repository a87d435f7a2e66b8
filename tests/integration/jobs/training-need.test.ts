import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { publishJob, saveJobStep } from "@/lib/jobs/manage-jobs";
import { getJobForViewer } from "@/lib/jobs/queries";
import { stepInputFromValues } from "@/lib/jobs/wizard-form";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { makeJob, TRAINING_NEED_INPUT } from "../../helpers/jobs";

let owner: Actor;
let member: Actor;
let otherClient: Actor;
let expert: Actor;
beforeAll(async () => {
  owner = await makeUser("client");
  member = await makeUser("client");
  await makeOrganization(owner, [{ actor: member, role: "member" }]);
  otherClient = await makeUser("client");
  await makeOrganization(otherClient);
  expert = await makeUser("expert");
});

const place = { remote: false, departement: "69", startOn: "2027-03-01", deadlineOn: "2027-03-31" };
const needOf = async (jobId: string) => (await db.select({ need: jobs.trainingNeed }).from(jobs).where(eq(jobs.id, jobId)))[0]?.need;

describe("a training need's fields (wizard step 5)", () => {
  it("are saved by a member of the organisation, shown on the need page, and required to publish", async () => {
    const jobId = await makeJob(owner, { kind: "training" }, false);
    expect(await needOf(jobId)).toEqual({
      objectives: TRAINING_NEED_INPUT.trainingObjectives,
      attendeesLevel: TRAINING_NEED_INPUT.trainingLevel,
      durationHours: 10,
      format: "on_site",
      attendeesCount: 6,
      wishedPeriod: "Les lundis de mars 2027",
      qualiopiRequired: true,
    });
    // A member (not only the owner) may change them, from the wizard's own fields.
    const values = { ...place, remote: "", trainingObjectives: "Savoir créer un devis et une facture dans Odoo, puis relancer.", trainingLevel: "Débutants", trainingHours: "14", trainingFormat: "mixed", trainingAttendees: "3", trainingPeriod: "Avril 2027", trainingQualiopi: "no" };
    expect(await saveJobStep(member, { jobId, step: 5, data: stepInputFromValues(5, values) })).toEqual({ ok: true, value: { nextStep: 6 } });
    expect(await needOf(jobId)).toMatchObject({ durationHours: 14, format: "mixed", attendeesCount: 3, qualiopiRequired: false, wishedPeriod: "Avril 2027" });
    expect((await publishJob(owner, { jobId })).ok).toBe(true);

    // Public like the description: an expert and a visitor read it on the need page.
    for (const viewer of [expert, null, otherClient]) {
      const view = await getJobForViewer(viewer, jobId);
      expect(view?.trainingNeed).toMatchObject({ durationHours: 14, format: "mixed", attendeesLevel: "Débutants" });
    }
  });

  it("refuses bad input with a translated message per field, saving nothing", async () => {
    const jobId = await makeJob(owner, { kind: "training" }, false);
    const before = await needOf(jobId);
    const bad = { trainingObjectives: "Trop court", trainingLevel: "", trainingHours: "0", trainingFormat: "by_pigeon", trainingAttendees: "31", trainingPeriod: "x".repeat(301), trainingQualiopi: undefined };
    expect(await saveJobStep(owner, { jobId, step: 5, data: { ...place, departement: "", training: bad } })).toEqual({
      ok: false,
      error: "invalid",
      fields: {
        departement: "placeRequired",
        trainingObjectives: "trainingObjectives",
        trainingLevel: "required",
        trainingHours: "trainingHours",
        trainingFormat: "required",
        trainingAttendees: "trainingAttendees",
        trainingPeriod: "tooLong",
        trainingQualiopi: "required",
      },
    });
    expect(await needOf(jobId)).toEqual(before);
    const notANumber = { ...TRAINING_NEED_INPUT, trainingHours: "dix" };
    expect(await saveJobStep(owner, { jobId, step: 5, data: { ...place, training: notANumber } })).toMatchObject({ ok: false, fields: { trainingHours: "trainingHours" } });
  });

  it("are refused to another organisation's client and to experts", async () => {
    const jobId = await makeJob(owner, { kind: "training" }, false);
    const data = { ...place, training: TRAINING_NEED_INPUT };
    await expect(saveJobStep(otherClient, { jobId, step: 5, data })).rejects.toThrow(PolicyError);
    await expect(saveJobStep(expert, { jobId, step: 5, data })).rejects.toThrow(PolicyError);
    await expect(saveJobStep(null, { jobId, step: 5, data })).rejects.toThrow(PolicyError);
  });

  it("are not asked of other kinds of need, and are dropped when the need stops being a training", async () => {
    const installation = await makeJob(owner, { kind: "installation" }, false);
    expect(await saveJobStep(owner, { jobId: installation, step: 5, data: { ...place, training: {} } })).toMatchObject({ ok: true });
    expect(await needOf(installation)).toBeNull();

    const training = await makeJob(owner, { kind: "training" }, false);
    expect(await needOf(training)).not.toBeNull();
    expect((await saveJobStep(owner, { jobId: training, step: 1, data: { kind: "installation" } })).ok).toBe(true);
    expect(await needOf(training)).toBeNull();
    // Back to a training: step 5 must be answered again before publishing.
    expect((await saveJobStep(owner, { jobId: training, step: 1, data: { kind: "training" } })).ok).toBe(true);
    expect(await publishJob(owner, { jobId: training })).toEqual({ ok: false, error: "incomplete", fields: { steps: "5" } });
  });
});
