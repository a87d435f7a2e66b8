import type { budgetType, JobKind } from "@/db/schema";
import { departementName } from "@/lib/geo/departements";
import { formatMoney } from "@/lib/money/format";

export type BudgetType = (typeof budgetType.enumValues)[number];

/** The four kinds of job, in the order the board's filter lists them. */
export const JOB_KINDS: readonly JobKind[] = ["installation", "support_one_off", "support_monthly", "training"];

/** The "posted within" choices of the board's filter, in days. */
export const POSTED_WITHIN_DAYS: readonly number[] = [7, 30, 90];

/** How many characters of the public description a card shows. */
export const EXCERPT_LENGTH = 200;

/** A message key of the `jobBoard` namespace with its values, translated by the component. */
export interface JobText {
  key: string;
  values?: Record<string, string>;
}


export interface JobBudget {
  budgetType: BudgetType | null;
  budgetMinCents: number | null;
  budgetMaxCents: number | null;
  dailyRateCapCents: number | null;
}

export interface JobPlace {
  remote: boolean | null;
  departement: string | null;
}

/** "1 000 € – 3 000 €", "jusqu’à 3 000 €", "à partir de 1 000 €" or "TJM max 600 €"; null when no budget was given. */
export function budgetText(locale: string, job: JobBudget): JobText | null {
  const euros = (cents: number) => formatMoney(cents, locale, { whole: true });
  if (job.budgetType === "daily") {
    return job.dailyRateCapCents === null ? null : { key: "budgetDaily", values: { cap: euros(job.dailyRateCapCents) } };
  }
  if (job.budgetType !== "fixed") return null;
  const min = job.budgetMinCents === null ? null : euros(job.budgetMinCents);
  const max = job.budgetMaxCents === null ? null : euros(job.budgetMaxCents);
  if (min && max) return min === max ? { key: "budgetExact", values: { amount: max } } : { key: "budgetRange", values: { min, max } };
  if (max) return { key: "budgetUpTo", values: { max } };
  if (min) return { key: "budgetFrom", values: { min } };
  return null;
}

/** The département's name, "à distance", or both; null when neither was given. */
export function placeText(job: JobPlace): JobText | null {
  const name = job.departement ? (departementName(job.departement) ?? job.departement) : null;
  if (name && job.departement && job.remote) return { key: "placeBoth", values: { name, code: job.departement } };
  if (name && job.departement) return { key: "placeDepartement", values: { name, code: job.departement } };
  if (job.remote) return { key: "placeRemote" };
  return null;
}

/** The first `max` characters of a plain text, cut between words, spaces collapsed, with "…" when cut. */
export function excerpt(text: string, max = EXCERPT_LENGTH): string {
  const flat = text.replace(/\s+/g, " ").trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max);
  const lastSpace = cut.lastIndexOf(" ");
  return `${(lastSpace > max * 0.6 ? cut.slice(0, lastSpace) : cut).replace(/[\s.,;:!?–-]+$/, "")}…`;
}

/** A "YYYY-MM-DD" date column as a Date at noon UTC, so that it shows as the same day in France. */
export function isoDateToDate(iso: string): Date {
  return new Date(`${iso}T12:00:00Z`);
}
