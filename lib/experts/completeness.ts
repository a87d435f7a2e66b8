import { lacksLegalMentions } from "./legal-mentions";
import type { EvidenceFile, ExpertProfile } from "@/db/schema";
import { parisDay } from "@/lib/dates";
import { isValidSiret } from "@/lib/organizations/identifiers";

const URSSAF_VALID_MONTHS = 6;
export const URSSAF_REMINDER_DAYS = 15;

/** The day an URSSAF certificate issued on `issuedOn` (YYYY-MM-DD) goes stale: six months later. */
export function urssafStaleOn(issuedOn: string): string {
  const date = new Date(`${issuedOn}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + URSSAF_VALID_MONTHS);
  return date.toISOString().slice(0, 10);
}

export type UrssafState = "missing" | "fresh" | "expiring" | "stale";

/** The state of the expert's latest URSSAF certificate on `today` (a Paris day, today by default). */
export function urssafState(evidence: Pick<EvidenceFile, "kind" | "issuedOn">[], today = parisDay()): UrssafState {
  const latest = evidence
    .filter((e) => e.kind === "urssaf" && e.issuedOn)
    .map((e) => e.issuedOn as string)
    .sort()
    .at(-1);
  if (!latest) return "missing";
  const staleOn = urssafStaleOn(latest);
  if (staleOn <= today) return "stale";
  const remindFrom = new Date(`${staleOn}T00:00:00Z`);
  remindFrom.setUTCDate(remindFrom.getUTCDate() - URSSAF_REMINDER_DAYS);
  return remindFrom.toISOString().slice(0, 10) <= today ? "expiring" : "fresh";
}

export type MissingItem =
  | "displayName"
  | "headline"
  | "bio"
  | "skills"
  | "serviceKinds"
  | "dailyRate"
  | "area"
  | "legalForm"
  | "siret"
  | "vatRegime"
  | "legalMentions"
  | "insurance"
  | "evidenceRegistration"
  | "evidenceUrssaf"
  | "evidenceInsurance";

/** What the expert still has to provide before submitting the profile for verification. */
export function missingForSubmission(
  profile: ExpertProfile,
  skillCount: number,
  evidence: Pick<EvidenceFile, "kind" | "issuedOn">[],
  today = parisDay(),
): MissingItem[] {
  const missing: MissingItem[] = [];
  if (profile.displayName.trim().length < 2) missing.push("displayName");
  if (profile.headline.trim().length < 5) missing.push("headline");
  if (profile.bio.trim().length < 80) missing.push("bio");
  if (skillCount === 0) missing.push("skills");
  if (profile.serviceKinds.length === 0) missing.push("serviceKinds");
  if (!profile.dailyRateCents) missing.push("dailyRate");
  if (profile.departments.length === 0 && !profile.remoteOk) missing.push("area");
  if (!profile.legalForm) missing.push("legalForm");
  if (!profile.siret || !isValidSiret(profile.siret)) missing.push("siret");
  if (profile.legalForm && lacksLegalMentions(profile)) missing.push("legalMentions");
  if (!profile.vatRegime || (profile.vatRegime === "vat_registered" && !profile.vatNumber)) missing.push("vatRegime");
  if (!profile.insurer || !profile.insurancePolicyNumber || !profile.insuranceExpiresOn || profile.insuranceExpiresOn <= today) {
    missing.push("insurance");
  }
  if (!evidence.some((e) => e.kind === "registration")) missing.push("evidenceRegistration");
  const urssaf = urssafState(evidence, today);
  if (urssaf === "missing" || urssaf === "stale") missing.push("evidenceUrssaf");
  if (!evidence.some((e) => e.kind === "insurance")) missing.push("evidenceInsurance");
  return missing;
}
