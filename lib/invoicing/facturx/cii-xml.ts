import { creditNoteReference, latePaymentMentions, VAT_ON_DEBITS_MENTION, legalInformation, OPERATION_NATURE, partialServiceMention, paymentMention, paymentMethodLabel, selfBillingMention } from "../pdf/mentions";
import type { InvoiceDocument, InvoiceParty } from "../types";
import { documentTypeCode, ELECTRONIC_ADDRESS_SCHEME, EN16931_GUIDELINE, VAT_ON_DEBITS_DUE_DATE_CODE, isNotSubjectToVat, paymentMeansCode, SIREN_SCHEME, SIRET_SCHEME, vatCategory } from "./codes";
import { checkInvoiceDocument } from "./consistency";
import { decimalString } from "@/lib/money/format";
import { leaf, node, serializeXml, type XmlNode } from "./xml";

/**
 * The invoice as a UN/CEFACT Cross Industry Invoice (D16B, as Factur-X 1.0 uses it), profile
 * EN 16931: the `factur-x.xml` embedded in the PDF. Every figure comes from `doc`, like the PDF's.
 * Business terms (BT-…) are EN 16931's; the element order is the Factur-X EN 16931 XSD's.
 */
export function buildFacturXXml(doc: InvoiceDocument): string {
  checkInvoiceDocument(doc);
  const root: XmlNode = {
    name: "rsm:CrossIndustryInvoice",
    attrs: {
      "xmlns:rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100",
      "xmlns:qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100",
      "xmlns:ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100",
      "xmlns:udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100",
    },
    children: [
      node(
        "rsm:ExchangedDocumentContext",
        doc.billingFramework ? node("ram:BusinessProcessSpecifiedDocumentContextParameter", leaf("ram:ID", doc.billingFramework)) : null, // BT-23
        node("ram:GuidelineSpecifiedDocumentContextParameter", leaf("ram:ID", EN16931_GUIDELINE)), // BT-24
      ),
      node(
        "rsm:ExchangedDocument",
        leaf("ram:ID", doc.number), // BT-1
        leaf("ram:TypeCode", documentTypeCode(doc)), // BT-3
        node("ram:IssueDateTime", dateTime(doc.issueDate)), // BT-2
        ...notes(doc), // BG-1
      ),
      node(
        "rsm:SupplyChainTradeTransaction",
        ...doc.lines.map((line, i) => {
          const category = vatCategory(line.vatRateBps, doc);
          return node(
            "ram:IncludedSupplyChainTradeLineItem", // BG-25
            node("ram:AssociatedDocumentLineDocument", leaf("ram:LineID", String(i + 1))), // BT-126
            node("ram:SpecifiedTradeProduct", leaf("ram:Name", line.description)), // BT-153
            node("ram:SpecifiedLineTradeAgreement", node("ram:NetPriceProductTradePrice", leaf("ram:ChargeAmount", amount(line.unitPriceExVatCents)))), // BT-146
            node("ram:SpecifiedLineTradeDelivery", leaf("ram:BilledQuantity", line.quantity, { unitCode: "C62" })), // BT-129, BT-130
            node(
              "ram:SpecifiedLineTradeSettlement",
              node("ram:ApplicableTradeTax", leaf("ram:TypeCode", "VAT"), leaf("ram:CategoryCode", category.code), rate(category.code, line.vatRateBps)), // BT-151, BT-152
              node("ram:SpecifiedTradeSettlementLineMonetarySummation", leaf("ram:LineTotalAmount", amount(line.totalExVatCents))), // BT-131
            ),
          );
        }),
        node(
          "ram:ApplicableHeaderTradeAgreement",
          party("ram:SellerTradeParty", doc.seller, { seller: true, vatIdentifier: !isNotSubjectToVat(doc) }), // BG-4
          party("ram:BuyerTradeParty", doc.buyer, { seller: false, vatIdentifier: !isNotSubjectToVat(doc) }), // BG-7
        ),
        // BT-72: the date of the service (its last day), so the delivery group is never empty (PEPPOL-EN16931-R008).
        node("ram:ApplicableHeaderTradeDelivery", node("ram:ActualDeliverySupplyChainEvent", node("ram:OccurrenceDateTime", dateTime(doc.serviceEnd)))),
        settlement(doc),
      ),
    ],
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializeXml(root)}`;
}

/** BG-1 notes with UNTDID 4451 subject codes: the French mandatory mentions (PMD, PMT, AAB) among them. */
function notes(doc: InvoiceDocument): XmlNode[] {
  const late = latePaymentMentions(doc.latePaymentNote);
  const list: { content: string | null; code: string }[] = [
    { content: `Nature de l’opération : ${OPERATION_NATURE.toLowerCase()}.`, code: "AAI" },
    { content: selfBillingMention(doc), code: "REG" },
    { content: partialServiceMention(doc), code: "AAI" },
    { content: creditNoteReference(doc), code: "AAI" },
    { content: doc.vatExemptionNote, code: "REG" },
    { content: vatOnDebits(doc) ? VAT_ON_DEBITS_MENTION : null, code: "REG" },
    { content: paymentMention(doc), code: "AAI" },
    { content: late.penalties, code: "PMD" },
    { content: late.recoveryFee, code: "PMT" },
    { content: late.discount, code: "AAB" },
    ...doc.notes.map((content) => ({ content, code: "AAI" })),
  ];
  return list.flatMap(({ content, code }) => (content?.trim() ? [node("ram:IncludedNote", leaf("ram:Content", content), leaf("ram:SubjectCode", code))] : []));
}

function party(name: string, p: InvoiceParty, { seller, vatIdentifier }: { seller: boolean; vatIdentifier: boolean }): XmlNode {
  const siren = p.siren ?? (p.siret ? p.siret.slice(0, 9) : null);
  const country = p.country;
  const [line1, line2, ...rest] = p.addressLines;
  // BR-E-02/BR-S-02/BR-AE-02: a seller needs a VAT identifier (BT-31) or, for a French seller
  // under the franchise who has none, a tax registration identifier (BT-32, scheme FC): the SIREN.
  // A document not subject to VAT (O) names no VAT identifier (BR-O-02): the seller's SIREN as
  // BT-32 then, the buyer none (the PDF still prints the seller's VAT number, art. 242 nonies A).
  const taxRegistration = p.vatNumber && vatIdentifier
    ? leaf("ram:ID", p.vatNumber, { schemeID: "VA" })
    : seller && siren && country === "FR"
      ? leaf("ram:ID", siren, { schemeID: "FC" })
      : null;
  return node(
    name,
    leaf("ram:GlobalID", p.siret, { schemeID: SIRET_SCHEME }), // BT-29 / BT-46
    leaf("ram:Name", p.name), // BT-27 / BT-44
    seller ? leaf("ram:Description", legalInformation(p)) : null, // BT-33: legal form, share capital, trade register
    siren ? node("ram:SpecifiedLegalOrganization", leaf("ram:ID", siren, { schemeID: SIREN_SCHEME })) : null, // BT-30 / BT-47
    node(
      "ram:PostalTradeAddress", // BG-5 / BG-8
      leaf("ram:PostcodeCode", p.postalCode),
      leaf("ram:LineOne", line1),
      leaf("ram:LineTwo", line2),
      leaf("ram:LineThree", rest.join(", ")),
      leaf("ram:CityName", p.city),
      leaf("ram:CountryID", country),
    ),
    electronicAddress(p), // BT-34 / BT-49
    taxRegistration ? node("ram:SpecifiedTaxRegistration", taxRegistration) : null, // BT-31 / BT-48
  );
}

/** The French directory's address (scheme 0225) when the snapshot has one, else the e-mail (EM), else none. */
function electronicAddress(p: InvoiceParty): XmlNode | null {
  if (p.electronicAddress) return node("ram:URIUniversalCommunication", leaf("ram:URIID", p.electronicAddress, { schemeID: ELECTRONIC_ADDRESS_SCHEME }));
  return p.email ? node("ram:URIUniversalCommunication", leaf("ram:URIID", p.email, { schemeID: "EM" })) : null;
}

/** VAT on debits only means something when VAT is charged (category S). */
export function vatOnDebits(doc: InvoiceDocument): boolean {
  return doc.vatOnDebits === true && doc.totals.vatCents !== 0;
}

function settlement(doc: InvoiceDocument): XmlNode {
  const eur = { currencyID: "EUR" };
  return node(
    "ram:ApplicableHeaderTradeSettlement",
    leaf("ram:InvoiceCurrencyCode", "EUR"), // BT-5
    node(
      "ram:SpecifiedTradeSettlementPaymentMeans", // BG-16
      leaf("ram:TypeCode", paymentMeansCode(doc.payment.method)), // BT-81
      leaf("ram:Information", `${paymentMethodLabel(doc.payment.method)}. ${paymentMention(doc)}`), // BT-82
    ),
    ...doc.vatBreakdown.map((entry) => {
      const category = vatCategory(entry.rateBps, doc);
      return node(
        "ram:ApplicableTradeTax", // BG-23
        leaf("ram:CalculatedAmount", amount(entry.vatCents)), // BT-117
        leaf("ram:TypeCode", "VAT"),
        leaf("ram:ExemptionReason", category.reason), // BT-120
        leaf("ram:BasisAmount", amount(entry.basisCents)), // BT-116
        leaf("ram:CategoryCode", category.code), // BT-118
        leaf("ram:ExemptionReasonCode", category.reasonCode), // BT-121
        category.code === "S" && vatOnDebits(doc) ? leaf("ram:DueDateTypeCode", VAT_ON_DEBITS_DUE_DATE_CODE) : null, // BT-8
        rate(category.code, entry.rateBps), // BT-119
      );
    }),
    node("ram:BillingSpecifiedPeriod", node("ram:StartDateTime", dateTime(doc.serviceStart)), node("ram:EndDateTime", dateTime(doc.serviceEnd))), // BG-14
    node("ram:SpecifiedTradePaymentTerms", leaf("ram:Description", doc.payment.terms)), // BT-20
    node(
      "ram:SpecifiedTradeSettlementHeaderMonetarySummation", // BG-22
      leaf("ram:LineTotalAmount", amount(doc.lines.reduce((sum, l) => sum + l.totalExVatCents, 0))), // BT-106
      leaf("ram:TaxBasisTotalAmount", amount(doc.totals.exVatCents)), // BT-109
      leaf("ram:TaxTotalAmount", amount(doc.totals.vatCents), eur), // BT-110
      leaf("ram:GrandTotalAmount", amount(doc.totals.inclVatCents)), // BT-112
      leaf("ram:TotalPrepaidAmount", amount(doc.totals.inclVatCents)), // BT-113: settled through Compagnon
      leaf("ram:DuePayableAmount", amount(0)), // BT-115
    ),
    doc.corrects
      ? node(
          "ram:InvoiceReferencedDocument", // BG-3
          leaf("ram:IssuerAssignedID", doc.corrects.number), // BT-25
          node("ram:FormattedIssueDateTime", leaf("qdt:DateTimeString", compactDate(doc.corrects.issueDate), { format: "102" })), // BT-26
        )
      : null,
  );
}

/** Integer cents → "1234.56": CII amounts are decimal numbers, never formatted text. */
export const amount = decimalString;

/** Basis points → "20.00". */
function percent(bps: number): string {
  return amount(bps);
}

/** The VAT rate (BT-119/BT-152), absent in category O (BR-O-05): no VAT applies, not even at 0 %. */
function rate(category: string, bps: number): XmlNode | null {
  return category === "O" ? null : leaf("ram:RateApplicablePercent", percent(bps));
}

function compactDate(isoDate: string): string {
  return isoDate.replace(/-/g, "");
}

/** A date in format 102 (CCYYMMDD). */
function dateTime(isoDate: string): XmlNode {
  return leaf("udt:DateTimeString", compactDate(isoDate), { format: "102" }) as XmlNode;
}
