import fontkit from "@pdf-lib/fontkit";
import { PDFDocument } from "pdf-lib";
import { buildFacturXXml } from "./facturx/cii-xml";
import { makeFacturXPdfA3 } from "./facturx/pdfa";
import { documentTitle, frenchDate } from "./pdf/mentions";
import { drawInvoice } from "./pdf/invoice-pdf";
import type { InvoiceLanguage } from "./pdf/labels";
import type { InvoiceDocument } from "./types";

export { buildFacturXXml };

export interface RenderInvoiceOptions {
  /** Creation date in the PDF metadata; now by default. The same document and date give the same bytes. */
  createdAt?: Date;
  /** "fr-en": English labels beside the French ones (the French text binds); the XML is the same. */
  language?: InvoiceLanguage;
}

/**
 * The invoice or credit note as one file that is both "the PDF" and "the Factur-X file": an A4
 * PDF/A-3B in French, real text in embedded fonts, with the CII XML of `buildFacturXXml(doc)`
 * embedded as `factur-x.xml` (profile EN 16931). Throws when the document's figures do not add up.
 */
export async function renderInvoicePdf(doc: InvoiceDocument, options: RenderInvoiceOptions = {}): Promise<Uint8Array> {
  const xml = buildFacturXXml(doc); // checks the document first
  const pdf = await PDFDocument.create({ updateMetadata: false });
  pdf.registerFontkit(fontkit);
  await drawInvoice(pdf, doc, options.language ?? "fr");
  const title = `${documentTitle(doc)} ${doc.number}`;
  await makeFacturXPdfA3(pdf, xml, {
    title,
    author: doc.seller.name,
    subject: `${title} du ${frenchDate(doc.issueDate)}, ${doc.seller.name} à ${doc.buyer.name}`,
    keywords: `${documentTitle(doc)}, Factur-X, EN 16931`,
    creatorTool: "Compagnon",
    producer: "Compagnon (pdf-lib)",
    createdAt: options.createdAt ?? new Date(),
    lang: "fr-FR",
  });
  return pdf.save({ useObjectStreams: false });
}
