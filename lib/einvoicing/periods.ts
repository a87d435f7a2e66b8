import type { EreportingAggregateLine, InvoiceDocument, VatFiling } from "@/db/schema";
import { documentVatTreatment } from "@/lib/invoicing/vat-notes";

/**
 * The e-reporting periods of transaction data (B2C and international: flux 10.3 and 10.1),
 * set by the seller's VAT regime (art. 242 nonies M of annex II to the CGI, décret 2022-1299):
 * a decade (1–10, 11–20, 21–end of month) for the normal regime's monthly filers, a month for the
 * normal regime's quarterly filers and the simplified regime, two months for the franchise.
 * Within a report the data is summed per day and VAT rate.
 */
export type FilingRegime = VatFiling | "franchise";

export interface Period {
  /** YYYY-MM-DD, both days included. */
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, "0");
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** The period of `day` (YYYY-MM-DD) for a seller under `regime`. */
export function transactionPeriod(day: string, regime: FilingRegime): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  const date = Number(day.slice(8, 10));
  const prefix = `${year}-${pad(month)}`;
  if (regime === "normal_monthly") {
    const decade = date <= 10 ? [1, 10] : date <= 20 ? [11, 20] : [21, lastDayOf(year, month)];
    return { start: `${prefix}-${pad(decade[0]!)}`, end: `${prefix}-${pad(decade[1]!)}` };
  }
  if (regime === "franchise") {
    const first = month % 2 === 1 ? month : month - 1;
    return { start: `${year}-${pad(first)}-01`, end: `${year}-${pad(first + 1)}-${pad(lastDayOf(year, first + 1))}` };
  }
  return { start: `${prefix}-01`, end: `${prefix}-${pad(lastDayOf(year, month))}` };
}

/** A period is closed (its report may go) once its last day is over, with one more day for documents issued late on that day. */
export function isClosed(period: Period, today: string): boolean {
  return dayAfter(period.end) < today;
}

function dayAfter(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString().slice(0, 10);
}

/**
 * The seller's regime as the documents show it: the franchise, else what the seller said (monthly
 * when unsaid: the shortest periods). A VAT-registered seller's reverse-charge or outside-scope
 * document charges no VAT either, but its seller files under its own regime.
 */
export function regimeOf(doc: InvoiceDocument, filing: VatFiling | null): FilingRegime {
  if (documentVatTreatment(doc) === "franchise") return "franchise";
  return filing ?? "normal_monthly";
}

/**
 * The transaction data of a period's documents, summed per issue day and VAT rate (a credit note
 * counts negative), sorted by day then rate: the same documents always give the same lines.
 */
export function aggregateLines(docs: InvoiceDocument[]): EreportingAggregateLine[] {
  const byKey = new Map<string, EreportingAggregateLine>();
  for (const doc of docs) {
    const sign = doc.kind === "credit_note" ? -1 : 1;
    const breakdown = doc.vatBreakdown.length > 0 ? doc.vatBreakdown : [{ rateBps: doc.lines[0]?.vatRateBps ?? 0, basisCents: doc.totals.exVatCents, vatCents: doc.totals.vatCents }];
    for (const entry of breakdown) {
      const key = `${doc.issueDate}|${entry.rateBps}`;
      const line = byKey.get(key) ?? { day: doc.issueDate, rateBps: entry.rateBps, basisCents: 0, vatCents: 0, documents: 0 };
      line.basisCents += sign * entry.basisCents;
      line.vatCents += sign * entry.vatCents;
      line.documents += 1;
      byKey.set(key, line);
    }
  }
  return [...byKey.values()].sort((a, b) => (a.day === b.day ? a.rateBps - b.rateBps : a.day < b.day ? -1 : 1));
}
