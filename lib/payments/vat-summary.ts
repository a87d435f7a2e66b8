import "server-only";
import { sql } from "drizzle-orm";
import { db } from "@/db/client";
import type { Actor } from "@/lib/auth/actor";
import { requireRole } from "@/lib/auth/policy";
import { bpsToPercent } from "@/lib/money/format";
import { toCsv, type CsvCell } from "@/lib/export/csv";
import { shiftMonth } from "@/lib/dates";
import { parseMonth } from "./admin-queries";

/** Base and VAT at one rate, credit notes deducted. */
export interface VatLine {
  rateBps: number;
  baseCents: number;
  vatCents: number;
}

/** A line of Compagnon's own return, with its CA3 box. */
export interface Ca3Line extends VatLine {
  ca3Line: string;
}

/** The box of the CA3 return (form 3310-CA3) where a rate's base and VAT go. */
const CA3_LINE: Record<number, string> = { 2000: "08", 1000: "9B", 550: "09" };
const ca3Line = (rateBps: number) => CA3_LINE[rateBps] ?? "";

const sumOf = (lines: VatLine[], key: "baseCents" | "vatCents") => lines.reduce((total, line) => total + line[key], 0);

/**
 * The VAT of one Paris month, from the documents issued in it (issue dates are Paris days) and
 * checked against the ledger of the same month:
 * - `platform`: Compagnon's own commissions, what goes on Compagnon's CA3 (line A1 for the base,
 *   one line per rate, line 16 for the gross VAT due; the deductible VAT of its purchases is not
 *   known here);
 * - `experts`: the VAT Compagnon invoices and collects in the name and on behalf of VAT-registered
 *   experts (billing mandate) and passes on with each transfer: the experts declare it, it is not
 *   on Compagnon's return. A base at 0 % is experts under the franchise (art. 293 B du CGI).
 */
export async function getVatSummary(actor: Actor | null, input: { month?: string | null } = {}) {
  requireRole(actor, "admin");
  const month = parseMonth(input.month);
  const [from, to] = [`${month}-01`, `${shiftMonth(month, 1)}-01`];
  const rows = await db.execute<{ role: "service" | "commission"; rate: number; base: string; vat: string; documents: number }>(sql`
    select i.role, (b->>'rateBps')::int as rate,
      sum(case when i.kind = 'credit_note' then -(b->>'basisCents')::bigint else (b->>'basisCents')::bigint end)::bigint as base,
      sum(case when i.kind = 'credit_note' then -(b->>'vatCents')::bigint else (b->>'vatCents')::bigint end)::bigint as vat,
      count(distinct i.id)::int as documents
    from invoices i, jsonb_array_elements(i.document->'vatBreakdown') b
    where i.issue_date >= ${from}::date and i.issue_date < ${to}::date
    group by i.role, rate order by i.role, rate desc`);
  const lines = (role: "service" | "commission"): VatLine[] =>
    rows.filter((r) => r.role === role).map((r) => ({ rateBps: Number(r.rate), baseCents: Number(r.base), vatCents: Number(r.vat) }));
  const platform: Ca3Line[] = lines("commission").map((line) => ({ ...line, ca3Line: ca3Line(line.rateBps) }));
  const experts = lines("service");

  const [year, monthNumber] = month.split("-").map(Number);
  const [ledger] = await db.execute<Record<"revenue" | "commissionVat" | "expertVat", string>>(sql`
    with period as (select make_timestamptz(${year}::int, ${monthNumber}::int, 1, 0, 0, 0, 'Europe/Paris') as start)
    select
      coalesce(-sum(amount_cents) filter (where account = 'commission_revenue'), 0)::bigint as revenue,
      coalesce(-sum(amount_cents) filter (where account = 'commission_vat_collected'), 0)::bigint as "commissionVat",
      coalesce(-sum(amount_cents) filter (where account = 'expert_vat_collected'), 0)::bigint as "expertVat"
    from ledger_entries, period
    where kind = 'release' and created_at >= period.start and created_at < period.start + interval '1 month'`);
  const booked = { commissionBaseCents: Number(ledger?.revenue ?? 0), commissionVatCents: Number(ledger?.commissionVat ?? 0), expertVatCents: Number(ledger?.expertVat ?? 0) };
  const documents = { commissionBaseCents: sumOf(platform, "baseCents"), commissionVatCents: sumOf(platform, "vatCents"), expertVatCents: sumOf(experts, "vatCents") };
  return {
    month,
    platform,
    /** CA3 line A1 (taxable sales and services) and line 16 (gross VAT due). */
    platformBaseCents: documents.commissionBaseCents,
    platformVatCents: documents.commissionVatCents,
    experts,
    ledger: booked,
    /** The ledger's month agrees with the documents' month. */
    ledgerAgrees:
      booked.commissionBaseCents === documents.commissionBaseCents &&
      booked.commissionVatCents === documents.commissionVatCents &&
      booked.expertVatCents === documents.expertVatCents,
  };
}

export type VatSummary = Awaited<ReturnType<typeof getVatSummary>>;

/** The month's VAT summary as the accountant's CSV (French labels: it feeds a French return). */
export async function vatSummaryCsv(actor: Actor | null, input: { month?: string | null } = {}): Promise<{ month: string; csv: string }> {
  const summary = await getVatSummary(actor, input);
  const rate = (bps: number) => ({ rateBps: bps });
  const rows: CsvCell[][] = [
    [summary.month, "CA3 Compagnon", "A1", "Ventes, prestations de services (commissions de Compagnon)", "", { amount: summary.platformBaseCents }, ""],
    ...summary.platform.map((line): CsvCell[] => [summary.month, "CA3 Compagnon", line.ca3Line, `Prestations de services au taux de ${bpsToPercent(line.rateBps)} %`, rate(line.rateBps), { amount: line.baseCents }, { amount: line.vatCents }]),
    [summary.month, "CA3 Compagnon", "16", "Total de la TVA brute due", "", "", { amount: summary.platformVatCents }],
    ...summary.experts.map((line): CsvCell[] => [
      summary.month,
      "Pour le compte des experts (hors CA3 Compagnon)",
      "",
      line.rateBps === 0 ? "Experts en franchise en base (art. 293 B du CGI) : pas de TVA" : `TVA facturée au nom des experts assujettis au taux de ${bpsToPercent(line.rateBps)} %, reversée avec les virements, déclarée par chaque expert`,
      rate(line.rateBps),
      { amount: line.baseCents },
      { amount: line.vatCents },
    ]),
  ];
  return { month: summary.month, csv: toCsv(["Mois", "Declaration", "LigneCA3", "Libelle", "TauxTVA", "BaseHT", "TVA"], rows) };
}
