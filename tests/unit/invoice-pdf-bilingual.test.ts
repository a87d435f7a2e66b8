import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFStream } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { buildFacturXXml, renderInvoicePdf } from "@/lib/invoicing/render";
import type { InvoiceDocument } from "@/lib/invoicing/types";
import { sampleCommissionInvoice, sampleCreditNote, sampleInvoice } from "@/tests/helpers/invoice-sample";

const CREATED_AT = new Date("2026-03-12T10:00:00Z");
const fold = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ");
const streamText = (stream: PDFStream) => new TextDecoder().decode(stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents());

const kinds: [string, InvoiceDocument, string[]][] = [
  ["expert invoice", sampleInvoice(), ["FACTURE / INVOICE", "Mandat de facturation (art. 289 I-2 du CGI) / Billing mandate", "Invoice issued by Compagnon SAS in the name and on behalf of Sophie Bernard Conseil, under a billing mandate."]],
  ["commission invoice", sampleCommissionInvoice(), ["FACTURE / INVOICE", "Moyen de paiement / Payment method : Compensation", "Settled by set-off, deducted from the milestone payout."]],
  ["credit note", sampleCreditNote(), ["AVOIR / CREDIT NOTE", "Credit note for invoice no. F-SBERNARD-2026-0001 of 12/03/2026.", "Montant remboursé / Amount refunded"]],
];

describe("the copy with English labels (?lang=en)", () => {
  it.each(kinds)("%s: French first with the English beside, the same XML, still PDF/A-3B", async (_name, doc, specific) => {
    const bytes = await renderInvoicePdf(doc, { createdAt: CREATED_AT, language: "fr-en" });
    const text = fold((await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true })).text);
    for (const expected of [
      ...specific,
      "English labels for information; the French text is binding.",
      `N° / No. ${doc.number}`,
      "Date d’émission / Issue date :",
      "PRESTATAIRE (VENDEUR) / SUPPLIER (SELLER)",
      "CLIENT (ACHETEUR) / CUSTOMER (BUYER)",
      "Total TTC / Total incl. VAT",
      "Reste à payer / Balance due",
      "Late payment: interest at the European Central Bank",
      "N° TVA intracommunautaire / EU VAT number",
      "Capital social / Share capital",
    ]) {
      expect(text, expected).toContain(fold(expected));
    }

    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    // The Factur-X XML is the French original's, byte for byte.
    const names = pdf.catalog.lookup(PDFName.of("Names"), PDFDict).lookup(PDFName.of("EmbeddedFiles"), PDFDict).lookup(PDFName.of("Names"), PDFArray);
    const spec = pdf.context.lookup(names.get(1), PDFDict);
    expect(streamText(spec.lookup(PDFName.of("EF"), PDFDict).lookup(PDFName.of("F"), PDFStream))).toBe(buildFacturXXml(doc));
    expect(pdf.catalog.lookup(PDFName.of("AF"), PDFArray).size()).toBe(1);
    // PDF/A-3B markers: XMP identification, sRGB output intent, embedded Inter fonts only.
    const xmp = streamText(pdf.catalog.lookup(PDFName.of("Metadata"), PDFStream));
    expect(xmp).toContain("<pdfaid:part>3</pdfaid:part>");
    expect(xmp).toContain("<pdfaid:conformance>B</pdfaid:conformance>");
    expect(pdf.catalog.lookup(PDFName.of("OutputIntents"), PDFArray).size()).toBe(1);
    const dicts = pdf.context.enumerateIndirectObjects().flatMap(([, object]) => (object instanceof PDFDict ? [object] : object instanceof PDFStream ? [object.dict] : []));
    for (const font of dicts.filter((d) => d.get(PDFName.of("Type")) === PDFName.of("Font"))) {
      expect(String(font.get(PDFName.of("BaseFont")))).toMatch(/^\/[A-Z]{6}\+Inter-(Regular|Bold)$/);
    }
  });

  it("is asked for: the French rendering has no English", async () => {
    const text = (await extractText(await getDocumentProxy(new Uint8Array(await renderInvoicePdf(sampleInvoice(), { createdAt: CREATED_AT }))), { mergePages: true })).text;
    expect(text).not.toMatch(/Invoice|Billing mandate|Balance due/);
  });
});
