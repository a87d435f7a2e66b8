import "server-only";
import { and, eq, gte, inArray, lt } from "drizzle-orm";
import { db, type Executor } from "@/db/client";
import { einvoiceReports, expertProfiles, invoices, type EinvoiceReport, type Invoice, type VatFiling } from "@/db/schema";
import { parisDay } from "@/lib/dates";
import { log } from "@/lib/observability/logger";
import { REFORM_START } from "./pending";
import { aggregateLines, isClosed, regimeOf, transactionPeriod, type Period } from "./periods";
import { isEReported, queueReportJob } from "./reports";

export const PERIOD_REPORTS_TASK = "einvoice_period_reports";
/** How far back a closed period is still looked for (the longest period, two months, and its deadline, with room for a stopped worker). */
const LOOKBACK_DAYS = 120;

interface Group {
  sellerSiren: string;
  sellerName: string;
  period: Period;
  documents: Invoice[];
}

/**
 * A sale to a business abroad, reported document by document (flux 10.1): a buyer outside France
 * with a VAT number, or one the document treats as a business outside the EU (outside the scope of
 * French VAT, art. 259-1° du CGI, whether or not it has a VAT number). An intra-EU reverse-charge
 * document always has the buyer's VAT number.
 */
const isInternationalB2b = (invoice: Invoice) => {
  const doc = invoice.document;
  return doc.buyer.country !== "FR" && (Boolean(doc.buyer.vatNumber) || doc.vatTreatment === "outside_scope");
};

/**
 * Cron, daily: the transaction data of B2C and international sales, one report per seller and
 * period once the period is closed (periods.ts). Sent through Compagnon's PA for the experts who
 * let Compagnon transmit (not for one with their own PA: the document says so). Each report is
 * inserted once (unique per seller, kind and period start) with its job, in one transaction, and
 * carries its data frozen (the days' sums and the international documents' ids), so a second run,
 * a second worker or a retry sends nothing twice and the same bytes. Returns how many were made.
 */
export async function queueClosedPeriodReports(today: string = parisDay()): Promise<number> {
  const since = lookbackStart(today);
  const rows = await db
    .select({ invoice: invoices, vatFiling: expertProfiles.vatFiling })
    .from(invoices)
    .leftJoin(expertProfiles, eq(expertProfiles.userId, invoices.expertUserId))
    .where(and(eq(invoices.role, "service"), gte(invoices.issueDate, since), lt(invoices.issueDate, today)));
  const groups = groupByPeriod(rows, today);
  let made = 0;
  for (const group of groups) {
    const inserted = await db.transaction(async (tx) => insertPeriodReport(tx, group));
    if (inserted) made += 1;
  }
  if (made > 0) log("einvoicing").info({ made }, "e-reporting: period reports of B2C and international sales queued");
  return made;
}

function lookbackStart(today: string): string {
  const start = new Date(`${today}T00:00:00Z`);
  start.setUTCDate(start.getUTCDate() - LOOKBACK_DAYS);
  const day = start.toISOString().slice(0, 10);
  return day < REFORM_START ? REFORM_START : day;
}

/** The e-reported documents of closed periods, grouped per seller and period. */
function groupByPeriod(rows: { invoice: Invoice; vatFiling: VatFiling | null }[], today: string): Group[] {
  const groups = new Map<string, Group>();
  for (const { invoice, vatFiling } of rows) {
    const doc = invoice.document;
    if (!isEReported(doc) || doc.sellerPa || !doc.seller.siren) continue;
    const period = transactionPeriod(doc.issueDate, regimeOf(doc, vatFiling));
    if (!isClosed(period, today)) continue;
    const key = `${doc.seller.siren}|${period.start}`;
    const group = groups.get(key) ?? { sellerSiren: doc.seller.siren, sellerName: doc.seller.name, period, documents: [] };
    group.documents.push(invoice);
    groups.set(key, group);
  }
  return [...groups.values()];
}

async function insertPeriodReport(tx: Executor, group: Group): Promise<boolean> {
  const b2c = group.documents.filter((d) => !isInternationalB2b(d));
  const international = group.documents.filter(isInternationalB2b).sort((a, b) => (a.number < b.number ? -1 : 1));
  const days = aggregateLines(b2c.map((d) => d.document));
  const sum = (pick: (d: Invoice) => number) => group.documents.reduce((total, d) => total + (d.kind === "credit_note" ? -1 : 1) * pick(d), 0);
  const rates = new Set(group.documents.flatMap((d) => d.document.vatBreakdown.map((v) => v.rateBps)));
  const [row] = await tx
    .insert(einvoiceReports)
    .values({
      invoiceId: null,
      kind: "transaction",
      channel: "ereporting",
      sellerSiren: group.sellerSiren,
      periodStart: group.period.start,
      periodEnd: group.period.end,
      periodData: { sellerName: group.sellerName, days, invoiceIds: international.map((d) => d.id) },
      occurredOn: group.period.end,
      amountCents: sum((d) => d.inclVatCents),
      vatCents: sum((d) => d.vatCents),
      vatRateBps: rates.size === 1 ? [...rates][0]! : 0,
    })
    .onConflictDoNothing()
    .returning({ id: einvoiceReports.id });
  if (!row) return false;
  await queueReportJob(tx, row.id);
  return true;
}

/** The international documents a period report lists, in its order. */
export async function periodDocuments(executor: Executor, report: EinvoiceReport): Promise<Invoice[]> {
  const ids = report.periodData?.invoiceIds ?? [];
  if (ids.length === 0) return [];
  const rows = await executor.select().from(invoices).where(inArray(invoices.id, ids));
  return ids.map((id) => rows.find((row) => row.id === id)).filter((row): row is Invoice => row !== undefined);
}
