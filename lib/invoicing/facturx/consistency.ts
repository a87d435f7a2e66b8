import { vatOn } from "@/lib/money/commission";
import type { InvoiceDocument } from "../types";

/**
 * Refuses a document whose figures do not add up, before anything is drawn or written: the PDF
 * and the XML print `doc` as it is, and a Factur-X file that breaks the EN 16931 arithmetic rules
 * would be rejected by the buyer's platform. Throws an Error naming the first problem.
 */
export function checkInvoiceDocument(doc: InvoiceDocument): void {
  const fail = (message: string): never => {
    throw new Error(`Invoice ${doc.number || "(no number)"}: ${message}`);
  };
  const cents = (value: number, what: string) => {
    if (!Number.isSafeInteger(value) || value < 0) fail(`${what} must be whole, non-negative cents (credit notes carry positive amounts), got ${value}`);
  };
  const isoDate = (value: string, what: string) => {
    const date = new Date(`${value}T00:00:00Z`);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) fail(`${what} is not a YYYY-MM-DD date: ${value}`);
  };

  if (!doc.number.trim()) fail("missing number");
  isoDate(doc.issueDate, "issueDate");
  isoDate(doc.serviceStart, "serviceStart");
  isoDate(doc.serviceEnd, "serviceEnd");
  isoDate(doc.payment.paidOn, "payment.paidOn");
  if (doc.serviceStart > doc.serviceEnd) fail("the service ends before it starts");
  if (doc.kind === "credit_note" && !doc.corrects) fail("a credit note must name the invoice it corrects");
  if (doc.corrects) isoDate(doc.corrects.issueDate, "corrects.issueDate");
  if (doc.lines.length === 0) fail("no lines");
  if (!/^[A-Z]{2}$/.test(doc.seller.country) || !/^[A-Z]{2}$/.test(doc.buyer.country)) fail("countries must be ISO 3166-1 alpha-2 codes");

  for (const [i, line] of doc.lines.entries()) {
    const what = `line ${i + 1}`;
    cents(line.unitPriceExVatCents, `${what} unit price`);
    cents(line.totalExVatCents, `${what} total`);
    if (!/^\d+(\.\d+)?$/.test(line.quantity) || !/[1-9]/.test(line.quantity)) fail(`${what} quantity must be a positive decimal, got "${line.quantity}"`);
    if (!Number.isInteger(line.vatRateBps) || line.vatRateBps < 0 || line.vatRateBps > 10_000) fail(`${what} VAT rate out of range`);
    if (line.totalExVatCents !== lineTotal(line.quantity, line.unitPriceExVatCents)) fail(`${what} total is not quantity × unit price`);
  }

  const { exVatCents, vatCents, inclVatCents } = doc.totals;
  cents(exVatCents, "total excluding VAT");
  cents(vatCents, "VAT total");
  cents(inclVatCents, "total including VAT");
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  if (sum(doc.lines.map((l) => l.totalExVatCents)) !== exVatCents) fail("the lines do not add up to the total excluding VAT (BR-CO-10, BR-CO-13)");
  if (exVatCents + vatCents !== inclVatCents) fail("total excluding VAT + VAT ≠ total including VAT (BR-CO-15)");

  const rates = new Set(doc.lines.map((l) => l.vatRateBps));
  if (doc.vatBreakdown.length !== rates.size || new Set(doc.vatBreakdown.map((b) => b.rateBps)).size !== rates.size) fail("the VAT breakdown needs exactly one entry per VAT rate used by the lines");
  for (const entry of doc.vatBreakdown) {
    cents(entry.basisCents, `VAT basis at ${entry.rateBps} bps`);
    cents(entry.vatCents, `VAT at ${entry.rateBps} bps`);
    if (!rates.has(entry.rateBps)) fail(`VAT breakdown at ${entry.rateBps} bps matches no line`);
    const basis = sum(doc.lines.filter((l) => l.vatRateBps === entry.rateBps).map((l) => l.totalExVatCents));
    if (entry.basisCents !== basis) fail(`VAT basis at ${entry.rateBps} bps is not the sum of its lines (BR-S-08, BR-E-08)`);
    if (entry.rateBps === 0 && entry.vatCents !== 0) fail("exempt VAT must be 0 (BR-E-09)");
    // BR-S-09 / BR-CO-17 without their rounding tolerance: the VAT is exactly basis × rate, rounded half up.
    if (entry.vatCents !== vatOn(entry.basisCents, entry.rateBps)) fail(`VAT at ${entry.rateBps} bps is not basis × rate rounded half up (BR-CO-17)`);
  }
  if (sum(doc.vatBreakdown.map((b) => b.vatCents)) !== vatCents) fail("the VAT breakdown does not add up to the VAT total (BR-CO-14)");
  if (rates.has(0) && !doc.vatExemptionNote) fail("a 0 % VAT rate needs the exemption note");
  if (doc.vatTreatment === "reverse_charge" && !(doc.seller.vatNumber && doc.buyer.vatNumber)) fail("a reverse-charge document needs the seller's and the buyer's VAT numbers (BR-AE-02)");
}

/** Decimal quantity × unit price in cents, rounded half up to the cent, in exact integer arithmetic. */
export function lineTotal(quantity: string, unitPriceCents: number): number {
  const [whole = "0", fraction = ""] = quantity.split(".");
  const scale = 10n ** BigInt(fraction.length);
  const scaled = BigInt(whole + fraction) * BigInt(unitPriceCents);
  return Number((2n * scaled + scale) / (2n * scale));
}
