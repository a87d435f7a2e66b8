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
