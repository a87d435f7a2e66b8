import type { ContractFacts, TrainingFacts } from "@/db/schema";
import { formatDate } from "@/lib/contracts/documents/format";
import type { DocumentLocale } from "@/lib/contracts/documents/types";

type Slot = TrainingFacts["sessions"][number]["slot"];

const SLOTS: Record<Slot, Record<DocumentLocale, string>> = {
  full_day: { fr: "journée complète", en: "full day" },
  morning: { fr: "matin", en: "morning" },
  afternoon: { fr: "après-midi", en: "afternoon" },
};

const HALVES: Record<"morning" | "afternoon", Record<DocumentLocale, string>> = {
  morning: { fr: "Matin", en: "Morning" },
  afternoon: { fr: "Après-midi", en: "Afternoon" },
};

const FORMATS: Record<TrainingFacts["format"], Record<DocumentLocale, string>> = {
  on_site: { fr: "en présentiel", en: "on site" },
  remote: { fr: "à distance", en: "remote" },
  mixed: { fr: "mixte (présentiel et à distance)", en: "mixed (on site and remote)" },
};

export const slotLabel = (slot: Slot, locale: DocumentLocale) => SLOTS[slot][locale];
export const formatLabel = (format: TrainingFacts["format"], locale: DocumentLocale) => FORMATS[format][locale];

/** The half-days a session takes, each a column to sign on the attendance sheet. */
export function halfDays(slot: Slot): ("morning" | "afternoon")[] {
  return slot === "full_day" ? ["morning", "afternoon"] : [slot];
}
export const halfDayLabel = (half: "morning" | "afternoon", locale: DocumentLocale) => HALVES[half][locale];

/** "8 mars 2027, journée complète" / "8 March 2027, full day". */
export function sessionLine(session: TrainingFacts["sessions"][number], locale: DocumentLocale): string {
  return `${formatDate(session.date, locale)}, ${slotLabel(session.slot, locale)}`;
}

/** Where the on-site part happens: "dans le département 69" / "in département 69", or null (remote, or unknown). */
export function trainingPlace(facts: ContractFacts, locale: DocumentLocale): string | null {
  const departement = facts.job.departement?.trim();
  if (facts.training?.format === "remote" || !departement) return null;
  return locale === "fr" ? `dans le département ${departement}` : `in département ${departement}`;
}
