import { parisDay } from "@/lib/dates";
import type { DocumentLocale } from "./types";

/**
 * Formatting for the contract documents. Deliberately written out instead of using Intl: the
 * French text is hashed when it is accepted, and the same facts must give the same text on any
 * Node or ICU version, years later. Amounts: `documentMoney` in lib/money/format.ts.
 */

const NBSP = "\u00a0";

const MONTHS: Record<DocumentLocale, string[]> = {
  fr: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
};

/** "2026-02-01" → "1er février 2026" or "1 February 2026". */
export function formatDate(isoDate: string, locale: DocumentLocale): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDate);
  const month = match ? MONTHS[locale][Number(match[2]) - 1] : undefined;
  if (!match || !month) throw new Error(`Not an ISO date: ${isoDate}`);
  const day = Number(match[3]);
  const dayText = locale === "fr" && day === 1 ? "1er" : String(day);
  return `${dayText}${NBSP}${month} ${match[1]}`;
}

/** An ISO timestamp → the calendar date it was in Paris, formatted like formatDate. */
export function formatParisDay(isoTimestamp: string, locale: DocumentLocale): string {
  const instant = new Date(isoTimestamp);
  if (Number.isNaN(instant.getTime())) throw new Error(`Not a timestamp: ${isoTimestamp}`);
  return formatDate(parisDay(instant), locale);
}

/** ["a", "b", "c"] → "a, b et c" / "a, b and c". */
export function joinList(items: string[], locale: DocumentLocale): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} ${locale === "fr" ? "et" : "and"} ${items[items.length - 1]}`;
}

/** A text field from the facts, or null when it is missing or blank. */
export function present(value: string | null | undefined): string | null {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
}

type Labels = Record<string, Record<DocumentLocale, string>>;

const label = (labels: Labels, value: string, locale: DocumentLocale) => labels[value]?.[locale] ?? value;

const LEGAL_FORMS: Labels = {
  micro_entrepreneur: { fr: "entrepreneur individuel sous le régime de la micro-entreprise", en: "sole trader under the micro-enterprise scheme" },
  ei: { fr: "entrepreneur individuel", en: "sole trader (entreprise individuelle)" },
  eurl: { fr: "EURL", en: "single-member limited company (EURL)" },
  sasu: { fr: "SASU", en: "single-member simplified joint-stock company (SASU)" },
  sarl: { fr: "SARL", en: "limited liability company (SARL)" },
  sas: { fr: "SAS", en: "simplified joint-stock company (SAS)" },
};

/** The expert's legal form in words, or null when unknown or "other". */
export function legalFormLabel(value: string | null, locale: DocumentLocale): string | null {
  const form = present(value);
  if (!form || form === "other") return null;
  return label(LEGAL_FORMS, form, locale);
}

const fold = (text: string) => text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();

/**
 * Whether a name already states the legal form: "Libre Conseil EURL" states "EURL", and also
 * "single-member limited company (EURL)" through its abbreviation. Whole words only.
 */
export function nameStatesLegalForm(name: string, legalForm: string): boolean {
  const words = new Set(fold(name).split(/[^a-z0-9]+/).filter(Boolean));
  const form = fold(legalForm);
  const abbreviations = legalForm.match(/\b[A-Z]{2,}\b/g)?.map(fold) ?? [];
  return form.split(/[^a-z0-9]+/).filter(Boolean).every((w) => words.has(w)) || abbreviations.some((a) => words.has(a));
}

/** "Libre Conseil (EURL)", but "Libre Conseil EURL" once only when the name already says it. */
export function nameWithLegalForm(name: string, legalForm: string | null | undefined): string {
  return legalForm && !nameStatesLegalForm(name, legalForm) ? `${name} (${legalForm})` : name;
}

const JOB_KINDS: Labels = {
  installation: { fr: "installation", en: "installation" },
  support_one_off: { fr: "intervention ponctuelle de dépannage ou de support", en: "one-off troubleshooting or support" },
  support_monthly: { fr: "maintenance et support suivis", en: "ongoing maintenance and support" },
  training: { fr: "formation", en: "training" },
};

export function jobKindLabel(value: string | null, locale: DocumentLocale): string | null {
  const kind = present(value);
  return kind ? label(JOB_KINDS, kind, locale) : null;
}

const DATA_SUBJECTS: Labels = {
  employees: { fr: "salariés et autres personnels", en: "employees and other staff" },
  customers: { fr: "clients", en: "customers" },
  prospects: { fr: "prospects", en: "prospective customers" },
  suppliers: { fr: "fournisseurs et leurs interlocuteurs", en: "suppliers and their contact persons" },
  patients: { fr: "patients", en: "patients" },
  students: { fr: "élèves, étudiants et stagiaires", en: "pupils, students and trainees" },
  members: { fr: "adhérents et membres", en: "members" },
};

export function dataSubjectLabel(value: string, locale: DocumentLocale): string {
  return label(DATA_SUBJECTS, value, locale);
}

const DATA_CATEGORIES: Labels = {
  identity: { fr: "données d’identification (nom, prénom, identifiants internes)", en: "identification data (surname, first name, internal identifiers)" },
  contact: { fr: "coordonnées (adresse postale, adresse électronique, téléphone)", en: "contact details (postal address, email address, telephone)" },
  financial: {
    fr: "données économiques et financières (coordonnées bancaires, facturation, paiements)",
    en: "economic and financial data (bank details, invoicing, payments)",
  },
  hr: {
    fr: "données relatives à la vie professionnelle et à la gestion du personnel (contrat, paie, carrière)",
    en: "data on working life and staff management (employment contract, payroll, career)",
  },
  health: { fr: "données de santé", en: "health data" },
  technical: {
    fr: "données de connexion et données techniques (comptes utilisateurs, adresses IP, journaux)",
    en: "connection and technical data (user accounts, IP addresses, logs)",
  },
  documents: {
    fr: "contenu des documents, fichiers et messages stockés sur les systèmes",
    en: "content of documents, files and messages stored on the systems",
  },
};

export function dataCategoryLabel(value: string, locale: DocumentLocale): string {
  return label(DATA_CATEGORIES, value, locale);
}
