import { eq } from "drizzle-orm";
import { NextIntlClientProvider } from "next-intl";
import { createElement, type ComponentProps, type FunctionComponent } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { JobStepFields } from "@/components/job-wizard/JobStepFields";
import { db } from "@/db/client";
import { jobs } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { PolicyError } from "@/lib/auth/policy";
import { createJobDraft, publishJob, saveJobStep } from "@/lib/jobs/manage-jobs";
import { jobToValues, stepInputFromValues } from "@/lib/jobs/wizard-form";
import fr from "@/messages/fr.json";
import { softwareId } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";

async function clientWithOrg() {
  const client = await makeUser("client");
  await makeOrganization(client);
  return client;
}

/** A draft with every step answered except step 3 (personal data). */
async function draftWithoutStep3(client: Actor): Promise<string> {
  const draft = await createJobDraft(client);
  if (!draft.ok) throw new Error("no draft");
  const jobId = draft.value.jobId;
  const steps: [1 | 2 | 4 | 5 | 6, Record<string, unknown>][] = [
    [1, { kind: "installation" }],
    [2, { helpMeChoose: false, softwareIds: [await softwareId("nextcloud")] }],
    [4, { budgetType: "fixed", budgetMaxEuros: 3000 }],
    [5, { remote: true }],
    [6, { title: "Installer Nextcloud au cabinet", description: "Nous voulons partager les dossiers de nos patients entre les deux sites du cabinet, en sécurité." }],
  ];
  for (const [step, data] of steps) {
    const saved = await saveJobStep(client, { jobId, step, data });
    if (!saved.ok) throw new Error(`step ${step} refused: ${JSON.stringify(saved)}`);
  }
  return jobId;
}

const load = async (jobId: string) => (await db.select().from(jobs).where(eq(jobs.id, jobId)))[0];

describe("personal data in the needs wizard (step 3)", () => {
  it("with yes, keeps whose data and which kinds (in a fixed order, once each), and the form shows them again", async () => {
    const client = await clientWithOrg();
    const jobId = await draftWithoutStep3(client);
    const values = { personalData: "yes", dataSubjects: "patients\nemployees\npatients", dataCategories: "health\nidentity" };
    expect(await saveJobStep(client, { jobId, step: 3, data: stepInputFromValues(3, values) })).toEqual({ ok: true, value: { nextStep: 4 } });
    const job = await load(jobId);
    expect(job).toMatchObject({ personalData: true, dataSubjects: ["employees", "patients"], dataCategories: ["identity", "health"] });
    if (!job) return;
    expect(jobToValues(job, [])).toMatchObject({ personalData: "yes", dataSubjects: "employees\npatients", dataCategories: "identity\nhealth" });
    expect(await publishJob(client, { jobId })).toEqual({ ok: true, value: undefined });
  });

  it("with yes, asks for at least one person and one kind of data, and saves nothing", async () => {
    const client = await clientWithOrg();
    const jobId = await draftWithoutStep3(client);
    expect(await saveJobStep(client, { jobId, step: 3, data: stepInputFromValues(3, { personalData: "yes" }) })).toEqual({
      ok: false,
      error: "invalid",
      fields: { dataSubjects: "jobWizard.dataSubjectsRequired", dataCategories: "jobWizard.dataCategoriesRequired" },
    });
    expect(await saveJobStep(client, { jobId, step: 3, data: { personalData: true, dataSubjects: ["customers"], dataCategories: [] } })).toMatchObject({
      fields: { dataCategories: "jobWizard.dataCategoriesRequired" },
    });
    expect(await saveJobStep(client, { jobId, step: 3, data: { personalData: true, dataSubjects: ["pets"], dataCategories: ["contact"] } })).toMatchObject({
      fields: { dataSubjects: "required" },
    });
    expect(await saveJobStep(client, { jobId, step: 3, data: {} })).toMatchObject({ fields: { personalData: "required" } });
    expect(await load(jobId)).toMatchObject({ personalData: null, dataSubjects: [], dataCategories: [] });
  });

  it("with no, empties both lists, even when boxes stay ticked in the form", async () => {
    const client = await clientWithOrg();
    const jobId = await draftWithoutStep3(client);
    await saveJobStep(client, { jobId, step: 3, data: { personalData: true, dataSubjects: ["customers"], dataCategories: ["contact", "financial"] } });
    const values = { personalData: "no", dataSubjects: "customers", dataCategories: "contact" };
    expect((await saveJobStep(client, { jobId, step: 3, data: stepInputFromValues(3, values) })).ok).toBe(true);
    expect(await load(jobId)).toMatchObject({ personalData: false, dataSubjects: [], dataCategories: [] });
    expect(await publishJob(client, { jobId })).toEqual({ ok: true, value: undefined });
  });

  it("refuses to publish a job whose answer is yes without the lists (an answer saved before they existed)", async () => {
    const client = await clientWithOrg();
    const jobId = await draftWithoutStep3(client);
    await db.update(jobs).set({ personalData: true, wizardStep: 7 }).where(eq(jobs.id, jobId));
    expect(await publishJob(client, { jobId })).toEqual({ ok: false, error: "incomplete", fields: { steps: "3" } });
    await db.update(jobs).set({ dataSubjects: ["customers"] }).where(eq(jobs.id, jobId));
    expect(await publishJob(client, { jobId })).toEqual({ ok: false, error: "incomplete", fields: { steps: "3" } });
    await saveJobStep(client, { jobId, step: 3, data: { personalData: true, dataSubjects: ["customers"], dataCategories: ["contact"] } });
    expect((await publishJob(client, { jobId })).ok).toBe(true);
  });

  it("only the organisation's members answer it", async () => {
    const owner = await clientWithOrg();
    const jobId = await draftWithoutStep3(owner);
    const data = { personalData: true, dataSubjects: ["customers"], dataCategories: ["contact"] };
    await expect(saveJobStep(null, { jobId, step: 3, data })).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(saveJobStep(await makeUser("expert"), { jobId, step: 3, data })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(saveJobStep(await makeUser("admin"), { jobId, step: 3, data })).rejects.toThrow(new PolicyError("forbidden"));
    await expect(saveJobStep(await clientWithOrg(), { jobId, step: 3, data })).rejects.toThrow(new PolicyError("forbidden"));
    expect(await load(jobId)).toMatchObject({ personalData: null, dataSubjects: [] });
  });
});

describe("the step 3 form without JavaScript", () => {
  function render(values: Record<string, string>, errors: Record<string, string> = {}) {
    const v = (name: string) => values[name] ?? "";
    const fields = createElement(JobStepFields, {
      step: 3,
      v,
      many: (name: string) => v(name).split("\n").filter(Boolean),
      error: (name: string) => errors[name],
      catalog: [],
      departements: [],
    });
    // A missing message renders as its key, so the markup checks hold whatever the wording.
    const Provider = NextIntlClientProvider as FunctionComponent<Omit<ComponentProps<typeof NextIntlClientProvider>, "children">>;
    return renderToStaticMarkup(createElement(Provider, { locale: "fr", messages: fr, onError: () => {}, getMessageFallback: ({ key }) => key }, fields));
  }

  /** Each checkbox of a group, as its attributes. */
  const boxes = (html: string, name: string) =>
    [...html.matchAll(/<input [^>]*>/g)]
      .map((m) => Object.fromEntries([...m[0].matchAll(/([\w-]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])))
      .filter((attributes) => attributes.type === "checkbox" && attributes.name === name);

  it("shows every box under the question, ticked as the client left them, with its errors tied to the groups", () => {
    const html = render({ personalData: "yes", dataSubjects: "patients", dataCategories: "" }, { dataCategories: "Cochez au moins un type" });
    const subjects = boxes(html, "dataSubjects");
    const categories = boxes(html, "dataCategories");
    expect(subjects.map((b) => b.value)).toEqual(["employees", "customers", "prospects", "suppliers", "patients", "students", "members"]);
    expect(categories.map((b) => b.value)).toEqual(["identity", "contact", "financial", "hr", "health", "technical", "documents"]);
    expect(subjects.filter((b) => "checked" in b).map((b) => b.value)).toEqual(["patients"]);
    expect(categories.every((b) => b["aria-invalid"] === "true")).toBe(true);
    expect(subjects.some((b) => "aria-invalid" in b)).toBe(false);
    expect(categories.find((b) => b.value === "health")).toMatchObject({ "aria-labelledby": "dataCategories-health-label", "aria-describedby": "dataCategories-health-hint" });
    expect(html).toContain('<fieldset aria-describedby="dataCategories-hint dataCategories-error">');
    expect(html).toContain('id="dataCategories-error"');
    expect(html).toContain('<fieldset aria-describedby="dataSubjects-hint">');
    // Hidden only by a CSS rule that needs `:has` and "yes" unselected: never by a `hidden` attribute or script.
    expect(html).not.toMatch(/\shidden(=|\s|>)/);
    expect(html).toContain("group-has-[input[name=personalData][value=yes]:not(:checked)]/personal:hidden");
  });
});
