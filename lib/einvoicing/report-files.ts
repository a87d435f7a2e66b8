import type { EinvoiceReport, EreportingAggregateLine, InvoiceDocument } from "@/db/schema";
import { amount } from "@/lib/invoicing/facturx/cii-xml";
import { leaf, node, serializeXml, type XmlNode } from "@/lib/invoicing/facturx/xml";

/**
 * The files of the e-reports (what Compagnon tells the PA about a payment or a transaction the
 * invoices do not carry), built from the frozen invoice snapshot and the report row only, so a
 * retry sends the very same bytes. Shapes follow XP Z12-012 (CDAR for a lifecycle status, the
 * e-reporting flux 10 report otherwise); they must be checked with a PA's test account before
 * going live (README, "Facturation électronique").
 */

const CDAR_NS = {
  "xmlns:rsm": "urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100",
  "xmlns:ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
  "xmlns:udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
};

/** Status 212 "Encaissée" in the lifecycle (CDAR). */
export const PAID_STATUS = 212;

/** A Date as CDAR format 204 (YYYYMMDDHHMMSS, UTC). */
export function cdarTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:T]/g, "").slice(0, 14);
}

const compact = (isoDate: string) => isoDate.replace(/-/g, "");
const percent = (bps: number) => amount(bps);
const party = (name: string, siren: string | null | undefined, role: string): XmlNode =>
  node(name, leaf("ram:ID", siren ?? null, { schemeID: "0002" }), leaf("ram:RoleCode", role));

/**
 * The seller's status 212 "Encaissée" about an e-invoiced service invoice: the payment data the
 * tax administration needs when VAT is due on receipt (the amount received, VAT included, and the
 * VAT rate, as the characteristic MEN, "montant encaissé"), dated when it is first sent.
 */
export function paidStatusCdar(report: EinvoiceReport, doc: InvoiceDocument, sentAt: Date): string {
  const paid = paidDocument(doc);
  const root: XmlNode = {
    name: "rsm:CrossDomainAcknowledgementAndResponse",
    attrs: CDAR_NS,
    children: [
      node("rsm:ExchangedDocumentContext", node("ram:GuidelineSpecifiedDocumentContextParameter", leaf("ram:ID", "urn.cpro.gouv.fr:1p0:CDV:invoice"))),
      node(
        "rsm:ExchangedDocument",
        leaf("ram:ID", report.id),
        leaf("ram:Name", "Statut de cycle de vie"),
        node("ram:IssueDateTime", leaf("udt:DateTimeString", cdarTimestamp(sentAt), { format: "204" })),
        party("ram:SenderTradeParty", doc.seller.siren, "SE"),
        party("ram:RecipientTradeParty", doc.buyer.siren, "BY"),
      ),
      node(
        "rsm:AcknowledgementDocument",
        leaf("ram:TypeCode", "305"),
        node("ram:IssueDateTime", leaf("udt:DateTimeString", cdarTimestamp(sentAt), { format: "204" })),
        node(
          "ram:ReferenceReferencedDocument",
          leaf("ram:IssuerAssignedID", paid.number),
          leaf("ram:ProcessConditionCode", String(PAID_STATUS)),
          node("ram:FormattedIssueDateTime", leaf("udt:DateTimeString", compact(paid.issueDate), { format: "102" })),
          party("ram:IssuerTradeParty", doc.seller.siren, "SE"),
          node(
            "ram:SpecifiedDocumentStatus",
            leaf("ram:ProcessConditionCode", String(PAID_STATUS)),
            node("ram:SpecifiedDocumentCharacteristic", leaf("ram:TypeCode", "MEN"), leaf("ram:ValueAmount", amount(report.amountCents)), leaf("ram:ValuePercent", percent(report.vatRateBps))),
            node("ram:IncludedNote", leaf("ram:Content", `Encaissé le ${report.occurredOn}`)),
          ),
        ),
      ),
    ],
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}`;
}

/**
 * The invoice a payment is about: the document itself, or for a credit note (a refund: a negative
 * amount received) the invoice it corrects, whose payment it takes back.
 */
export function paidDocument(doc: InvoiceDocument): { number: string; issueDate: string } {
  return doc.kind === "credit_note" && doc.corrects ? doc.corrects : { number: doc.number, issueDate: doc.issueDate };
}

const reportHeader = (id: string, sentAt: Date, typeCode: string, seller: { name: string; siren: string | null }) =>
  node("ReportDocument", leaf("Id", id), leaf("IssueDateTime", cdarTimestamp(sentAt)), leaf("TypeCode", typeCode), node("Issuer", leaf("Id", seller.siren ?? null, { schemeId: "0002" }), leaf("Name", seller.name)));

/** One B2C or international document's transaction data (flux 10.1): its totals per VAT rate and the category "TPS1", services. */
const transactionInvoice = (doc: InvoiceDocument): XmlNode =>
  node(
    "Invoice",
    leaf("ID", doc.number),
    leaf("IssueDate", compact(doc.issueDate)),
    leaf("TypeCode", doc.kind === "credit_note" ? "381" : "380"),
    leaf("CurrencyCode", "EUR"),
    leaf("Category", "TPS1"),
    node("Buyer", leaf("CountryCode", doc.buyer.country), leaf("VatId", doc.buyer.vatNumber)),
    node("MonetaryTotal", leaf("TaxBasisTotalAmount", amount(doc.totals.exVatCents)), leaf("TaxTotalAmount", amount(doc.totals.vatCents))),
    ...doc.vatBreakdown.map((entry) => node("TaxSubTotal", leaf("TaxableAmount", amount(entry.basisCents)), leaf("TaxAmount", amount(entry.vatCents)), leaf("Percent", percent(entry.rateBps)))),
  );

/** One day and rate of B2C sales (flux 10.3): the sums and how many documents, services ("TPS1"). */
const dayTotals = (line: EreportingAggregateLine): XmlNode =>
  node(
    "Transactions",
    leaf("Date", compact(line.day)),
    leaf("CurrencyCode", "EUR"),
    leaf("Category", "TPS1"),
    leaf("TaxExclusiveAmount", amount(line.basisCents)),
    leaf("TaxTotal", amount(line.vatCents)),
    node("TaxSubTotal", leaf("TaxableAmount", amount(line.basisCents)), leaf("TaxAmount", amount(line.vatCents)), leaf("Percent", percent(line.rateBps))),
    leaf("TransactionsCount", String(line.documents)),
  );

/**
 * A seller's transactions report for one period (flux 10): B2C sales summed per day and VAT rate
 * (10.3) and its international B2B documents one by one (10.1), with the period it covers. Built
 * from the report row (its frozen data) and those documents' snapshots: a retry sends the same bytes.
 */
export function periodReportFile(report: EinvoiceReport, international: InvoiceDocument[], sentAt: Date): string {
  const data = report.periodData ?? { sellerName: "", days: [], invoiceIds: [] };
  const header = reportHeader(report.id, sentAt, data.days.length > 0 ? "10.3" : "10.1", { name: data.sellerName, siren: report.sellerSiren });
  const body = node(
    "TransactionsReport",
    node("ReportPeriod", leaf("StartDate", compact(report.periodStart ?? "")), leaf("EndDate", compact(report.periodEnd ?? ""))),
    ...data.days.map(dayTotals),
    ...international.map(transactionInvoice),
  );
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml({ name: "Report", children: [header, body] })}`;
}

/**
 * An e-reporting file (flux 10) for one document: its payment data (`payment`: date and amount
 * received per VAT rate) or its transaction data (`transaction`: a B2C or international service
 * invoice, with its totals per VAT rate and the category "TPS1", services).
 */
export function eReportingFile(report: EinvoiceReport, doc: InvoiceDocument, sentAt: Date): string {
  const header = reportHeader(report.id, sentAt, report.kind === "payment" ? (doc.buyer.country === "FR" ? "10.4" : "10.2") : doc.buyer.country === "FR" ? "10.3" : "10.1", doc.seller);
  const paid = paidDocument(doc);
  const body =
    report.kind === "payment"
      ? node(
          "PaymentsReport",
          node(
            "Invoice",
            leaf("InvoiceID", paid.number),
            leaf("IssueDate", compact(paid.issueDate)),
            node("Payment", leaf("Date", compact(report.occurredOn)), node("SubTotals", leaf("TaxPercent", percent(report.vatRateBps)), leaf("CurrencyCode", "EUR"), leaf("Amount", amount(report.amountCents)))),
          ),
        )
      : node("TransactionsReport", transactionInvoice(doc));
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml({ name: "Report", children: [header, body] })}`;
}
