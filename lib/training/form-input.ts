import { amountInput } from "@/lib/money/format";
import type { BidTrainingTerms, JobTrainingNeed } from "@/db/schema";
import { MAX_TRAINING_SESSIONS, type AttendeesInput, type TrainingTermsInput } from "./schemas";

/** Rows of session fields the terms form shows: the saved sessions and a few empty ones. */
export const SESSION_ROWS = 6;

/**
 * The terms form's fields (`session_0_date`, `session_0_slot`, …; empty rows skipped) as the
 * use case's input. Unknown slots pass through for the schema to refuse.
 */
export function trainingTermsFromForm(bidId: string, values: Record<string, string>): TrainingTermsInput {
  const sessions: TrainingTermsInput["sessions"] = [];
  for (let i = 0; i < MAX_TRAINING_SESSIONS; i++) {
    const date = values[`session_${i}_date`]?.trim() ?? "";
    if (!date) continue;
    sessions.push({ date, slot: (values[`session_${i}_slot`] ?? "full_day") as "full_day" });
  }
  return {
    bidId,
    objectives: values.objectives ?? "",
    prerequisites: values.prerequisites ?? "",
    outline: values.outline ?? "",
    durationHours: values.durationHours ?? "",
    format: (values.format ?? "") as "on_site",
    attendeesCount: values.attendeesCount ?? "",
    sessions,
    priceBasis: (values.priceBasis ?? "") as "per_session",
    unitPrice: values.unitPrice ?? "",
    qualiopiCertified: values.qualiopiCertified === "yes",
    activityDeclarationNumber: values.activityDeclarationNumber ?? "",
  };
}

/**
 * Saved terms as the form's initial values; before any are saved, the client's training need
 * (objectives, level, hours, format, attendees) starts the form, for the expert to adjust.
 */
export function trainingTermsToForm(terms: BidTrainingTerms | null, need: JobTrainingNeed | null = null): Record<string, string> {
  if (!terms && need) {
    return {
      objectives: need.objectives,
      prerequisites: need.attendeesLevel,
      durationHours: String(need.durationHours),
      format: need.format,
      attendeesCount: String(need.attendeesCount),
      priceBasis: "per_session",
    };
  }
  if (!terms) return { format: "on_site", priceBasis: "per_session" };
  const values: Record<string, string> = {
    objectives: terms.objectives,
    prerequisites: terms.prerequisites,
    outline: terms.outline,
    durationHours: String(terms.durationHours),
    format: terms.format,
    attendeesCount: String(terms.attendeesCount),
    priceBasis: terms.priceBasis,
    unitPrice: amountInput(terms.unitPriceCents, "fr"),
    qualiopiCertified: terms.qualiopiCertified ? "yes" : "",
    activityDeclarationNumber: terms.activityDeclarationNumber,
  };
  terms.sessions.forEach((s, i) => {
    values[`session_${i}_date`] = s.date;
    values[`session_${i}_slot`] = s.slot;
  });
  return values;
}

/**
 * "Léa Dubois, lea@example.org" or "Léa Dubois <lea@example.org>", one attendee a line (blank
 * lines skipped); a line without an address keeps its text as the name for the schema to refuse.
 */
export function attendeesFromLines(contractId: string, text: string): AttendeesInput {
  const attendees = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .slice(0, 100)
    .map((line) => {
      const match = /^(.*?)[\s,;]*<?([^\s,;<>]+@[^\s,;<>]+)>?$/.exec(line);
      return match ? { fullName: (match[1] ?? "").trim(), email: match[2] ?? "" } : { fullName: line, email: "" };
    });
  return { contractId, attendees };
}

/** The first error of a list of attendees, shown on the one textarea, with the line it is on. */
export function attendeesError(fields: Record<string, string> | undefined): { code: string; line: number | null } | null {
  const entry = Object.entries(fields ?? {})[0];
  if (!entry) return null;
  const index = /^attendees\.(\d+)\./.exec(entry[0]);
  return { code: entry[1], line: index ? Number(index[1]) + 1 : null };
}
