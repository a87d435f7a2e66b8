import type { Actor } from "@/lib/auth/actor";
import { createJobDraft, publishJob, saveJobStep } from "@/lib/jobs/manage-jobs";
import { softwareId } from "./experts";

/** A training need's answers at step 5, as the wizard's fields send them (a training job needs them to publish). */
export const TRAINING_NEED_INPUT = {
  trainingObjectives: "Savoir partager des fichiers dans Nextcloud et gérer les droits d’un dossier d’équipe.",
  trainingLevel: "Débutants, à l’aise avec un navigateur web.",
  trainingHours: "10",
  trainingFormat: "on_site",
  trainingAttendees: "6",
  trainingPeriod: "Les lundis de mars 2027",
  trainingQualiopi: true,
};

export interface JobSpec {
  title?: string;
  description?: string;
  confidentialDetails?: string;
  kind?: "installation" | "support_one_off" | "support_monthly" | "training";
  software?: string[];
  departement?: string;
  remote?: boolean;
  budgetMaxEuros?: number;
  /** Personal data reachable by the expert (default true, employees' identity and documents). */
  personalData?: boolean;
  /** A training need's step-5 answers (default TRAINING_NEED_INPUT; ignored for other kinds). */
  training?: Record<string, unknown>;
}

/** A job filled step by step through the wizard's use case, published unless told otherwise. */
export async function makeJob(owner: Actor, spec: JobSpec = {}, publish = true): Promise<string> {
  const draft = await createJobDraft(owner);
  if (!draft.ok) throw new Error(`no draft: ${JSON.stringify(draft)}`);
  const { jobId } = draft.value;
  const softwareIds = await Promise.all((spec.software ?? ["nextcloud"]).map(softwareId));
  const steps: [1 | 2 | 3 | 4 | 5 | 6, Record<string, unknown>][] = [
    [1, { kind: spec.kind ?? "installation" }],
    [2, { helpMeChoose: false, softwareIds }],
    [
      3,
      spec.personalData === false
        ? { personalData: false }
        : { personalData: true, dataSubjects: ["employees", "customers"], dataCategories: ["identity", "contact", "documents"] },
    ],
    [4, { budgetType: "fixed", budgetMinEuros: 1000, budgetMaxEuros: spec.budgetMaxEuros ?? 3000 }],
    [5, { remote: spec.remote ?? false, departement: spec.departement ?? "69", startOn: "2027-01-10", deadlineOn: "2027-02-28", training: spec.training ?? TRAINING_NEED_INPUT }],
    [
      6,
      {
        title: spec.title ?? "Installer Nextcloud pour nos serveurs",
        description: spec.description ?? "Nous sommes une PME de 15 personnes et voulons partager nos fichiers sans dépendre d’un géant américain.",
        confidentialDetails: spec.confidentialDetails ?? "Adresse IP du serveur : 203.0.113.10, accès root fourni à la signature.",
      },
    ],
  ];
  for (const [step, data] of steps) {
    const saved = await saveJobStep(owner, { jobId, step, data });
    if (!saved.ok) throw new Error(`step ${step} refused: ${JSON.stringify(saved)}`);
  }
  if (publish) {
    const published = await publishJob(owner, { jobId });
    if (!published.ok) throw new Error(`not published: ${JSON.stringify(published)}`);
  }
  return jobId;
}
