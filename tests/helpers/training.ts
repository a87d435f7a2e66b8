import type { Actor } from "@/lib/auth/actor";
import { uploadEvidence } from "@/lib/experts/evidence";
import type { TrainingTermsInput } from "@/lib/training/schemas";
import { saveTrainingTerms } from "@/lib/training/terms";
import { pdfBytes } from "./experts";

/** Two sessions (a full day, then a morning) at 900 € each, 6 attendees, not Qualiopi. */
export function trainingTermsInput(bidId: string, overrides: Partial<TrainingTermsInput> = {}): TrainingTermsInput {
  return {
    bidId,
    objectives: "Savoir partager et synchroniser ses fichiers dans Nextcloud, gérer les droits d’un dossier d’équipe.",
    prerequisites: "Savoir utiliser un navigateur web.",
    outline: "Jour 1 : découverte, partage, clients de synchronisation. Demi-journée 2 : droits, corbeille, versions, exercices.",
    durationHours: 10,
    format: "on_site",
    attendeesCount: 6,
    sessions: [
      { date: "2027-03-08", slot: "full_day" },
      { date: "2027-03-15", slot: "morning" },
    ],
    priceBasis: "per_session",
    unitPrice: "900",
    qualiopiCertified: false,
    activityDeclarationNumber: "84 69 12345 69",
    ...overrides,
  };
}

/** A Qualiopi certificate on the expert's profile, valid until `expiresOn`. */
export async function addQualiopi(expert: Actor, expiresOn = "2028-12-31", certificateNumber = "QUA-2026-0042") {
  const uploaded = await uploadEvidence(expert, { kind: "qualiopi", certificateNumber, expiresOn, file: { name: "qualiopi.pdf", bytes: pdfBytes("qualiopi") } });
  if (!uploaded.ok) throw new Error(`qualiopi not uploaded: ${JSON.stringify(uploaded)}`);
  return uploaded.value.id;
}

/** Saves the terms or throws. */
export async function saveTerms(expert: Actor, bidId: string, overrides: Partial<TrainingTermsInput> = {}) {
  const saved = await saveTrainingTerms(expert, trainingTermsInput(bidId, overrides));
  if (!saved.ok) throw new Error(`terms refused: ${JSON.stringify(saved)}`);
}

/** A training contract formed through the real use cases: job, bid with training terms, acceptance. */
export async function makeTrainingContract(options: { owner?: Actor; terms?: Partial<TrainingTermsInput>; qualiopi?: boolean; activate?: boolean } = {}) {
  const { makeBid } = await import("./bids");
  const { makeJob } = await import("./jobs");
  const { acceptBid } = await import("@/lib/contracts/accept-bid");
  const { acceptTestMandate } = await import("./contracts");
  const { makeOrganization, makeUser } = await import("./factories");
  let owner = options.owner;
  if (!owner) {
    owner = await makeUser("client", { name: "Claire Martin" });
    await makeOrganization(owner);
  }
  const jobId = await makeJob(owner, { kind: "training", title: "Former l’équipe à Nextcloud", personalData: false });
  const { expert, bidId } = await makeBid(jobId);
  if (options.qualiopi) await addQualiopi(expert);
  await saveTerms(expert, bidId, { qualiopiCertified: options.qualiopi ?? false, ...options.terms });
  await acceptTestMandate(expert);
  const accepted = await acceptBid(owner, { acceptNotReady: true, bidId });
  if (!accepted.ok) throw new Error(`bid not accepted: ${JSON.stringify(accepted)}`);
  const { contractId } = accepted.value;
  if (options.activate) {
    const { acceptContractDocument } = await import("@/lib/contracts/documents-acceptance");
    // The NDA and the training agreement (no personal data in this training).
    for (const kind of ["nda", "training_agreement"] as const) {
      for (const actor of [owner, expert]) {
        const done = await acceptContractDocument(actor, { contractId, kind });
        if (!done.ok) throw new Error(`${kind} not accepted: ${JSON.stringify(done)}`);
      }
    }
  }
  return { owner, expert, jobId, bidId, contractId };
}
