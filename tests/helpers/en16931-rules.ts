import type { Element } from "@xmldom/xmldom";
import { cents, elements, parseXml } from "@/tests/helpers/invoice-sample";

/**
 * The EN 16931 business rules (EN 16931-1 §6.4, in their CII binding) that the documents Compagnon
 * generates can break, written here in our own code: the official CEN Schematron cannot be shipped
 * with the project (no package of the npm registry or Debian carries it), so the rules are restated
 * one by one from the standard, each under its identifier. Fatal rules are the standard's; warnings
 * are the advisory checks of the CII syntax binding and are only reported.
 */
export interface RuleResult {
  fatal: string[];
  warnings: string[];
}

const TX = "rsm:SupplyChainTradeTransaction";
const LINES = `${TX}/ram:IncludedSupplyChainTradeLineItem`;
const AGREEMENT = `${TX}/ram:ApplicableHeaderTradeAgreement`;
const SETTLEMENT = `${TX}/ram:ApplicableHeaderTradeSettlement`;
const SUMMATION = `${SETTLEMENT}/ram:SpecifiedTradeSettlementHeaderMonetarySummation`;
const PARTIES = { seller: `${AGREEMENT}/ram:SellerTradeParty`, buyer: `${AGREEMENT}/ram:BuyerTradeParty` };

/** Code lists, as far as the values a generator like ours may emit (UNTDID 1001, 4451, 4461, 2005, ISO 6523, CEF EAS and VATEX). */
const TYPE_CODES = new Set(["380", "381", "384", "389", "261", "386", "751"]);
const NOTE_SUBJECTS = new Set(["AAI", "AAB", "AAJ", "ABL", "ACB", "ADU", "AFN", "PMD", "PMT", "REG", "SUR", "TXD", "CUS", "PAC", "BLU"]);
const PAYMENT_MEANS = new Set(["1", "10", "20", "30", "31", "42", "48", "49", "57", "58", "59", "68", "97", "ZZZ"]);
const CREDIT_TRANSFER = new Set(["30", "58"]);
const DUE_DATE_CODES = new Set(["5", "29", "72"]);
const ICD = new Set(["0002", "0009", "0088", "0060", "0199"]);
const EAS = new Set(["EM", "0002", "0009", "0060", "0088", "0199", "0225", "9957"]);
const VATEX = /^VATEX-(EU-(79-C|132(-1[A-Q])?|143(-1[A-L])?|148(-[A-G])?|151-1[A-E]|309|AE|D|F|G|I|IC|O|J)|FR-(FRANCHISE|CNWVAT|298SEXDECIESA|J|AE))$/;
const COUNTRY_VAT_PREFIX = /^(EL|[A-Z]{2})/;

function all(root: Element, path: string): Element[] {
  return elements(root, path);
}
function values(root: Element, path: string): string[] {
  return all(root, path).map((e) => (e.textContent ?? "").trim());
}
function one(root: Element, path: string): string | null {
  return values(root, path)[0] ?? null;
}
function money(value: string | null): number {
  return value === null ? 0 : cents(value);
}
function sum(list: number[]): number {
  return list.reduce((a, b) => a + b, 0);
}

function isCalendarDay(text: string): boolean {
  if (!/^\d{8}$/.test(text)) return false;
  const day = new Date(Date.UTC(Number(text.slice(0, 4)), Number(text.slice(4, 6)) - 1, Number(text.slice(6, 8))));
  return day.toISOString().slice(0, 10).replaceAll("-", "") === text;
}

export function checkEn16931Rules(xml: string): RuleResult {
  const r = parseXml(xml);
  const fatal: string[] = [];
  const warnings: string[] = [];
  const rule = (id: string, ok: boolean, message: string) => {
    if (!ok) fatal.push(`[${id}] ${message}`);
  };
  const warn = (id: string, ok: boolean, message: string) => {
    if (!ok) warnings.push(`[${id}] ${message}`);
  };

  // Header
  rule("BR-01", one(r, "rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID") !== null, "specification identifier (BT-24)");
  rule("BR-02", !!one(r, "rsm:ExchangedDocument/ram:ID"), "invoice number (BT-1)");
  rule("BR-03", /^\d{8}$/.test(one(r, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString") ?? ""), "issue date (BT-2)");
  // CII-DT-097 (the official Schematron's syntax rules): a date in format 102 is a real day.
  for (const date of Array.from(r.getElementsByTagName("udt:DateTimeString"))) {
    const text = date.textContent ?? "";
    rule("CII-DT-097", date.getAttribute("format") !== "102" || isCalendarDay(text), `date ${text} (format 102, CCYYMMDD)`);
  }
  rule("BR-04", TYPE_CODES.has(one(r, "rsm:ExchangedDocument/ram:TypeCode") ?? ""), "invoice type code (BT-3, BR-CL-01)");
  rule("BR-05", one(r, `${SETTLEMENT}/ram:InvoiceCurrencyCode`) === "EUR", "currency (BT-5)");
  for (const note of all(r, "rsm:ExchangedDocument/ram:IncludedNote")) {
    const code = one(note, "ram:SubjectCode");
    rule("BR-CL-08", code === null || NOTE_SUBJECTS.has(code), `note subject code ${code} (UNTDID 4451)`);
  }

  // Parties
  for (const [who, path] of Object.entries(PARTIES)) {
    const [party] = all(r, path);
    rule(who === "seller" ? "BR-06" : "BR-07", !!party && !!one(party, "ram:Name"), `${who} name`);
    if (!party) continue;
    rule(who === "seller" ? "BR-08" : "BR-10", all(party, "ram:PostalTradeAddress").length === 1, `${who} postal address`);
    rule(who === "seller" ? "BR-09" : "BR-11", /^[A-Z]{2}$/.test(one(party, "ram:PostalTradeAddress/ram:CountryID") ?? ""), `${who} country code`);
    for (const id of all(party, "ram:GlobalID")) rule("BR-CL-10", ICD.has(id.getAttribute("schemeID") ?? ""), `${who} identifier scheme (ISO 6523)`);
    for (const id of all(party, "ram:SpecifiedLegalOrganization/ram:ID")) rule("BR-CL-11", !id.getAttribute("schemeID") || ICD.has(id.getAttribute("schemeID") ?? ""), `${who} legal registration scheme`);
    for (const uri of all(party, "ram:URIUniversalCommunication/ram:URIID")) {
      rule(who === "seller" ? "BR-62" : "BR-63", !!uri.getAttribute("schemeID"), `${who} electronic address scheme`);
      rule("BR-CL-25", EAS.has(uri.getAttribute("schemeID") ?? ""), `${who} electronic address scheme ${uri.getAttribute("schemeID")} (CEF EAS)`);
    }
    for (const id of all(party, "ram:SpecifiedTaxRegistration/ram:ID")) {
      const scheme = id.getAttribute("schemeID");
      rule("BT-31/BT-32 scheme", scheme === "VA" || (scheme === "FC" && who === "seller"), `${who} tax registration scheme ${scheme}`);
      if (scheme === "VA") rule("BR-CO-09", COUNTRY_VAT_PREFIX.test(id.textContent ?? ""), `${who} VAT identifier needs a country prefix`);
    }
  }
  const [seller] = all(r, PARTIES.seller);
  const sellerVat = seller ? values(seller, "ram:SpecifiedTaxRegistration/ram:ID").length > 0 : false;
  const sellerVatVa = seller ? all(seller, "ram:SpecifiedTaxRegistration/ram:ID").some((e) => e.getAttribute("schemeID") === "VA") : false;
  rule("BR-CO-26", !!seller && (all(seller, "ram:GlobalID").length > 0 || all(seller, "ram:SpecifiedLegalOrganization/ram:ID").length > 0 || sellerVatVa), "seller identifier, legal registration or VAT identifier");
  const [buyer] = all(r, PARTIES.buyer);
  const buyerVatVa = buyer ? all(buyer, "ram:SpecifiedTaxRegistration/ram:ID").some((e) => e.getAttribute("schemeID") === "VA") : false;
  const buyerLegal = buyer ? all(buyer, "ram:SpecifiedLegalOrganization/ram:ID").length > 0 : false;

  // Lines
  const lines = all(r, LINES);
  rule("BR-16", lines.length > 0, "at least one invoice line");
  const lineCategories: { category: string; rate: string | null; net: number }[] = [];
  for (const l of lines) {
    const id = one(l, "ram:AssociatedDocumentLineDocument/ram:LineID");
    rule("BR-21", !!id, "line identifier");
    const quantity = all(l, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity")[0];
    rule("BR-22", !!quantity && !!quantity.textContent, `line ${id}: quantity`);
    rule("BR-23", !!quantity?.getAttribute("unitCode"), `line ${id}: unit of measure`);
    const net = one(l, "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount");
    rule("BR-24", net !== null, `line ${id}: net amount`);
    rule("BR-25", !!one(l, "ram:SpecifiedTradeProduct/ram:Name"), `line ${id}: item name`);
    const price = one(l, "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount");
    rule("BR-26", price !== null, `line ${id}: net price`);
    rule("BR-27", price !== null && Number(price) >= 0, `line ${id}: net price must not be negative`);
    const category = one(l, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode");
    rule("BR-CO-04", !!category, `line ${id}: VAT category`);
    const rate = one(l, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent");
    if (category === "S") rule("BR-S-05", rate !== null && Number(rate) > 0, `line ${id}: standard rate above zero`);
    if (category === "E") rule("BR-E-05", rate !== null && Number(rate) === 0, `line ${id}: exempt rate is 0`);
    if (category === "O") rule("BR-O-05", rate === null, `line ${id}: not subject to VAT carries no rate`);
    if (category === "AE") {
      rule("BR-AE-05", rate !== null && Number(rate) === 0, `line ${id}: reverse charge rate is 0`);
      rule("BR-AE-02", sellerVat && (buyerVatVa || buyerLegal), `line ${id}: reverse charge needs the seller's VAT identifier or tax registration (BT-31/BT-32) and the buyer's VAT identifier (BT-48) or legal registration (BT-47)`);
    }
    if (category === "O") rule("BR-O-02", !sellerVatVa && !buyerVatVa, `line ${id}: not subject to VAT carries no seller (BT-31) or buyer (BT-48) VAT identifier`);
    lineCategories.push({ category: category ?? "", rate, net: money(net) });
  }

  // VAT breakdown
  const breakdown = all(r, `${SETTLEMENT}/ram:ApplicableTradeTax`);
  rule("BR-CO-18", breakdown.length > 0, "at least one VAT breakdown");
  for (const b of breakdown) {
    const category = one(b, "ram:CategoryCode") ?? "";
    const rate = one(b, "ram:RateApplicablePercent");
    const basis = one(b, "ram:BasisAmount");
    const tax = one(b, "ram:CalculatedAmount");
    rule("BR-45", basis !== null, `${category}: taxable amount`);
    rule("BR-46", tax !== null, `${category}: VAT amount`);
    rule("BR-47", !!category, "VAT category code");
    rule("BR-48", rate !== null || category === "O", `${category}: rate`);
    const reason = one(b, "ram:ExemptionReason");
    const reasonCode = one(b, "ram:ExemptionReasonCode");
    if (reasonCode) rule("BR-CL-22", VATEX.test(reasonCode), `exemption reason code ${reasonCode} (CEF VATEX)`);
    const due = one(b, "ram:DueDateTypeCode");
    if (due) rule("BR-CL-06", DUE_DATE_CODES.has(due), `VAT point date code ${due}`);
    const matching = lineCategories.filter((l) => l.category === category && (l.rate === null ? rate === null : rate !== null && Number(l.rate) === Number(rate)));
    const expectedTax = rate === null ? 0 : Math.round((money(basis) * Math.round(Number(rate) * 100)) / 10_000);
    rule("BR-CO-17", money(tax) === expectedTax, `${category} ${rate} %: VAT amount = taxable amount × rate, rounded (${tax} ≠ ${expectedTax / 100})`);
    rule(`BR-${category}-08`, money(basis) === sum(matching.map((l) => l.net)), `${category} ${rate} %: taxable amount = sum of its lines' net amounts`);
    if (category === "S") {
      rule("BR-S-02", sellerVat, "a standard-rated invoice needs the seller's VAT identifier (BT-31) or tax registration (BT-32)");
      rule("BR-S-10", reason === null && reasonCode === null, "no exemption reason on standard rate");
    }
    if (category === "E") {
      rule("BR-E-02", sellerVat, "an exempt invoice needs the seller's VAT identifier (BT-31) or tax registration (BT-32)");
      rule("BR-E-09", money(tax) === 0, "exempt VAT amount is 0");
      rule("BR-E-10", reason !== null || reasonCode !== null, "exemption reason text or code");
    }
    if (category === "AE") {
      rule("BR-AE-06", rate !== null && Number(rate) === 0, "reverse charge breakdown rate is 0");
      rule("BR-AE-09", money(tax) === 0, "reverse charge VAT amount is 0");
      rule("BR-AE-10", reasonCode === "VATEX-EU-AE" || reason !== null, "reverse charge exemption reason text or code VATEX-EU-AE");
    }
    if (category === "O") {
      rule("BR-O-09", money(tax) === 0, "not subject to VAT: VAT amount is 0");
      rule("BR-O-10", reason !== null || reasonCode !== null, "not subject to VAT: exemption reason text or code");
      rule("BR-O-11", breakdown.length === 1, "not subject to VAT: no other VAT breakdown");
      rule("BR-O-12", lineCategories.every((l) => l.category === "O"), "not subject to VAT: no line in another category");
    }
  }
  for (const category of new Set(lineCategories.map((l) => l.category))) {
    // Standard rate: one breakdown per rate at least; every other category: exactly one (BR-E-01, BR-AE-01, BR-O-01…).
    const count = breakdown.filter((b) => one(b, "ram:CategoryCode") === category).length;
    rule(`BR-${category}-01`, category === "S" ? count > 0 : count === 1, `lines in category ${category} need ${category === "S" ? "a" : "exactly one"} VAT breakdown in that category`);
  }
  const header = all(r, SETTLEMENT)[0];
  if (header) {
    rule("BR-CO-03", !(all(header, "ram:ApplicableTradeTax/ram:TaxPointDate").length > 0 && all(header, "ram:ApplicableTradeTax/ram:DueDateTypeCode").length > 0), "VAT point date and its code are exclusive");
  }

  // Totals
  const total = (name: string) => one(r, `${SUMMATION}/ram:${name}`);
  rule("BR-12", total("LineTotalAmount") !== null, "sum of line net amounts (BT-106)");
  rule("BR-13", total("TaxBasisTotalAmount") !== null, "total without VAT (BT-109)");
  rule("BR-14", total("GrandTotalAmount") !== null, "total with VAT (BT-112)");
  rule("BR-15", total("DuePayableAmount") !== null, "amount due (BT-115)");
  rule("BR-CO-10", money(total("LineTotalAmount")) === sum(lineCategories.map((l) => l.net)), "BT-106 = sum of line net amounts");
  rule("BR-CO-13", money(total("TaxBasisTotalAmount")) === money(total("LineTotalAmount")), "BT-109 = BT-106 − allowances + charges");
  const taxTotals = all(r, `${SUMMATION}/ram:TaxTotalAmount`);
  const invoiceCurrencyTax = taxTotals.find((t) => t.getAttribute("currencyID") === one(r, `${SETTLEMENT}/ram:InvoiceCurrencyCode`));
  rule("BR-CO-14", money(invoiceCurrencyTax?.textContent ?? null) === sum(breakdown.map((b) => money(one(b, "ram:CalculatedAmount")))), "BT-110 = sum of VAT category amounts");
  rule("BR-CO-15", money(total("GrandTotalAmount")) === money(total("TaxBasisTotalAmount")) + money(invoiceCurrencyTax?.textContent ?? null), "BT-112 = BT-109 + BT-110");
  rule("BR-CO-16", money(total("DuePayableAmount")) === money(total("GrandTotalAmount")) - money(total("TotalPrepaidAmount")) + money(total("RoundingAmount")), "BT-115 = BT-112 − BT-113 + BT-114");
  rule("BR-CO-25", money(total("DuePayableAmount")) <= 0 || values(r, `${SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString`).length > 0 || values(r, `${SETTLEMENT}/ram:SpecifiedTradePaymentTerms/ram:Description`).length > 0, "a positive amount due needs a due date or payment terms");
  const amounts = [...all(r, SUMMATION).flatMap((s) => Array.from(s.childNodes)), ...breakdown.flatMap((b) => [...all(b, "ram:BasisAmount"), ...all(b, "ram:CalculatedAmount")])];
  for (const a of amounts) if (a.nodeType === 1) rule("BR-DEC", /^-?\d+(\.\d{1,2})?$/.test((a.textContent ?? "").trim()), `${(a as Element).localName}: at most two decimals`);

  // Period, payment, preceding invoice
  const start = one(r, `${SETTLEMENT}/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString`);
  const end = one(r, `${SETTLEMENT}/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString`);
  if (start && end) rule("BR-29", end >= start, "invoicing period end on or after its start");
  for (const means of all(r, `${SETTLEMENT}/ram:SpecifiedTradeSettlementPaymentMeans`)) {
    const code = one(means, "ram:TypeCode") ?? "";
    rule("BR-49", !!code, "payment means code");
    rule("BR-CL-16", PAYMENT_MEANS.has(code), `payment means code ${code} (UNTDID 4461)`);
    if (CREDIT_TRANSFER.has(code)) rule("BR-61", all(means, "ram:PayeePartyCreditorFinancialAccount").length > 0, "credit transfer needs the payee's account (BT-84)");
  }
  for (const ref of all(r, `${SETTLEMENT}/ram:InvoiceReferencedDocument`)) rule("BR-55", !!one(ref, "ram:IssuerAssignedID"), "preceding invoice reference (BT-25)");
  if (one(r, "rsm:ExchangedDocument/ram:TypeCode") === "381") {
    warn("BG-3 (advisory)", all(r, `${SETTLEMENT}/ram:InvoiceReferencedDocument`).length > 0, "a credit note usually references the invoice it corrects (BG-3)");
  }
  warn("PEPPOL-EN16931-R008 (advisory)", all(r, `${TX}/ram:ApplicableHeaderTradeDelivery`).some((d) => Array.from(d.childNodes).some((n) => n.nodeType === 1)), "delivery group should not be empty");
  return { fatal, warnings };
}
