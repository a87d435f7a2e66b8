import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFStream, PDFString } from "pdf-lib";
import { extractText, getDocumentProxy } from "unpdf";
import { beforeAll, describe, expect, it } from "vitest";
import { euros } from "@/lib/invoicing/pdf/mentions";
import { buildFacturXXml, renderInvoicePdf } from "@/lib/invoicing/render";
import type { InvoiceDocument } from "@/lib/invoicing/types";
import {
  cents,
  line,
  parseXml,
  sampleCommissionInvoice,
  sampleCreditNote,
  sampleFranchiseInvoice,
  sampleInvoice,
  text,
  withLines,
} from "@/tests/helpers/invoice-sample";

const CREATED_AT = new Date("2026-03-12T10:00:00Z");
const render = (doc: InvoiceDocument) => renderInvoicePdf(doc, { createdAt: CREATED_AT });

/** The text of each page, whitespace (wraps, no-break spaces) folded to single spaces. */
async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text: pages } = await extractText(pdf, { mergePages: false });
  return pages.map((page) => page.replace(/[\s\u00a0\u202f]+/g, " "));
}
const fold = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, " ");

const load = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false });
const streamText = (stream: PDFStream) => new TextDecoder().decode(stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents());

/** factur-x.xml as listed in the EmbeddedFiles name tree, with its file specification. */
function embeddedFacturX(pdf: PDFDocument) {
  const names = pdf.catalog.lookup(PDFName.of("Names"), PDFDict).lookup(PDFName.of("EmbeddedFiles"), PDFDict).lookup(PDFName.of("Names"), PDFArray);
  expect(names.size()).toBe(2);
  const name = names.lookup(0);
  expect(name instanceof PDFHexString || name instanceof PDFString ? name.decodeText() : null).toBe("factur-x.xml");
  const ref = names.get(1);
  const spec = pdf.context.lookup(ref, PDFDict);
  const stream = spec.lookup(PDFName.of("EF"), PDFDict).lookup(PDFName.of("F"), PDFStream);
  return { ref, spec, stream, xml: streamText(stream) };
}

describe("renderInvoicePdf", () => {
  const doc = sampleInvoice();
  let bytes: Uint8Array;
  let page: string;
  beforeAll(async () => {
    bytes = await render(doc);
    [page = ""] = await pagesText(bytes);
  });

  it("prints every mandatory mention of a self-billed invoice as real text", () => {
    const mentions = [
      "FACTURE",
      "N° F-SBERNARD-2026-0001", // number
      "Date d’émission : 12/03/2026", // issue date
      "Période de la prestation : du 02/02/2026 au 10/03/2026", // date or period of the service
      "Nature de l’opération : Prestation de services",
      // seller: name, legal form, SIREN, SIRET, address, VAT number
      "Sophie Bernard Conseil (EURL)",
      "12 rue des Lilas 69003 Lyon",
      "SIREN : 812345676",
      "SIRET : 81234567600025",
      "N° TVA intracommunautaire : FR19812345676",
      // buyer: name, address, SIREN, VAT number
      "Atelier Martin & Fils",
      "5 avenue Jean Jaurès Bâtiment B 75019 Paris",
      "SIREN : 443061841",
      "N° TVA intracommunautaire : FR64443061841",
      // lines: description, quantity, unit price excluding VAT, VAT rate, total excluding VAT
      "Prestation de services : Cartographie des 1 2 400,00 € 20 % 2 400,00 € risques (Audit de sécurité du SI)",
      "Atelier de restitution avec l’équipe de direction 2,5 450,00 € 20 % 1 125,00 € (demi-journées)",
      // totals excluding and including VAT
      "Total HT 3 525,00 €",
      "TVA 20 % 705,00 €",
      "Total TTC 4 230,00 €",
      "Reste à payer 0,00 €",
      // payment date and terms
      "Payée le 01/02/2026 via Compagnon (réf. pi_3QxY7bLkdIwHu7ix0a1B2c3D).",
      "Moyen de paiement : Carte bancaire",
      "Conditions de paiement : Payée à la commande par l’intermédiaire de Compagnon",
      // late-payment penalties and the 40 € fixed recovery fee
      "Pénalités de retard : taux d’intérêt appliqué par la Banque centrale européenne",
      "indemnité forfaitaire pour frais de recouvrement de 40 €",
      "Pas d’escompte pour paiement anticipé.",
      // issued by Compagnon in the expert's name, under a billing mandate (art. 289 I-2 CGI)
      "Mandat de facturation (art. 289 I-2 du CGI)",
      "Facture émise par Compagnon SAS (SIREN 901234567) au nom et pour le compte de Sophie Bernard Conseil, en vertu d’un mandat de facturation (art. 289 I-2 du CGI).",
      // a company's trade register and share capital (Code de commerce R123-237)
      "812 345 676 RCS Lyon",
      "Capital social : 5 000 €",
      "Page 1 / 1",
    ];
    for (const mention of mentions) expect(page, mention).toContain(fold(mention));
    expect(page).not.toContain("293 B");
    expect(page).not.toContain("AVOIR");
    expect(page).not.toMatch(/autofacturation/i);
    expect(page).not.toContain("Invoice"); // French only unless asked
  });

  it("prints the totals the XML carries (BT-109, BT-110, BT-112)", () => {
    const r = parseXml(buildFacturXXml(doc));
    const summation = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement/ram:SpecifiedTradeSettlementHeaderMonetarySummation";
    const bt = (name: string) => euros(cents(text(r, `${summation}/ram:${name}`)));
    expect(page).toContain(fold(`Total HT ${bt("TaxBasisTotalAmount")}`));
    expect(page).toContain(fold(`TVA 20 % ${bt("TaxTotalAmount")}`));
    expect(page).toContain(fold(`Total TTC ${bt("GrandTotalAmount")}`));
  });

  it("embeds factur-x.xml, equal to buildFacturXXml, as an associated file of the document", async () => {
    const pdf = await load(bytes);
    const { ref, spec, stream, xml } = embeddedFacturX(pdf);
    expect(xml).toBe(buildFacturXXml(doc));
    expect(spec.get(PDFName.of("AFRelationship"))).toBe(PDFName.of("Alternative"));
    expect(spec.lookup(PDFName.of("F"), PDFString).decodeText()).toBe("factur-x.xml");
    expect(spec.lookup(PDFName.of("UF"), PDFHexString).decodeText()).toBe("factur-x.xml");
    expect(stream.dict.get(PDFName.of("Subtype"))).toBe(PDFName.of("text/xml"));
    expect(stream.dict.lookup(PDFName.of("Params"), PDFDict).has(PDFName.of("ModDate"))).toBe(true);
    const af = pdf.catalog.lookup(PDFName.of("AF"), PDFArray);
    expect(af.asArray()).toEqual([ref]);
    // A PDF reader's view of the attachment: pdf.js.
    const attachments = (await (await getDocumentProxy(new Uint8Array(bytes))).getAttachments()) as Record<string, { content: Uint8Array }>;
    expect(Object.keys(attachments)).toEqual(["factur-x.xml"]);
    expect(new TextDecoder().decode(attachments["factur-x.xml"]?.content)).toBe(buildFacturXXml(doc));
  });

  it("is PDF/A-3B: XMP metadata with the Factur-X schema matching the Info dictionary, sRGB OutputIntent, trailer ID", async () => {
    expect(Buffer.from(bytes.subarray(0, 8)).toString("latin1")).toBe("%PDF-1.7");
    expect([...bytes.subarray(10, 14)].every((byte) => byte > 127)).toBe(true); // binary comment line
    const pdf = await load(bytes);

    const metadata = pdf.catalog.lookup(PDFName.of("Metadata"), PDFStream);
    expect(metadata.dict.get(PDFName.of("Type"))).toBe(PDFName.of("Metadata"));
    expect(metadata.dict.get(PDFName.of("Subtype"))).toBe(PDFName.of("XML"));
    expect(metadata.dict.has(PDFName.of("Filter"))).toBe(false); // PDF/A: uncompressed
    const xmp = streamText(metadata);
    parseXml(xmp.replace(/^<\?xpacket[^>]*\?>/, "").replace(/<\?xpacket[^>]*\?>$/, "")); // well-formed
    for (const expected of [
      "<pdfaid:part>3</pdfaid:part>",
      "<pdfaid:conformance>B</pdfaid:conformance>",
      '<rdf:li xml:lang="x-default">Facture F-SBERNARD-2026-0001</rdf:li>',
      "<rdf:li>Sophie Bernard Conseil</rdf:li>",
      "<xmp:CreateDate>2026-03-12T10:00:00Z</xmp:CreateDate>",
      "<xmp:ModifyDate>2026-03-12T10:00:00Z</xmp:ModifyDate>",
      "<xmp:CreatorTool>Compagnon</xmp:CreatorTool>",
      "<pdf:Producer>Compagnon (pdf-lib)</pdf:Producer>",
      "<pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>",
      "<pdfaSchema:prefix>fx</pdfaSchema:prefix>",
      "<fx:DocumentType>INVOICE</fx:DocumentType>",
      "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>",
      "<fx:Version>1.0</fx:Version>",
      "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>",
    ]) {
      expect(xmp).toContain(expected);
    }
    for (const property of ["DocumentFileName", "DocumentType", "Version", "ConformanceLevel"]) expect(xmp).toContain(`<pdfaProperty:name>${property}</pdfaProperty:name>`);
    // The Info dictionary says the same things (PDF/A requires them to match).
    expect(pdf.getTitle()).toBe("Facture F-SBERNARD-2026-0001");
    expect(pdf.getAuthor()).toBe("Sophie Bernard Conseil");
    expect(pdf.getCreator()).toBe("Compagnon");
    expect(pdf.getProducer()).toBe("Compagnon (pdf-lib)");
    expect(xmp).toContain(`<pdf:Keywords>${pdf.getKeywords()}</pdf:Keywords>`);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${pdf.getSubject()?.replace(/&/g, "&amp;")}</rdf:li>`);
    expect(pdf.getCreationDate()?.toISOString()).toBe(CREATED_AT.toISOString());
    expect(pdf.getModificationDate()?.toISOString()).toBe(CREATED_AT.toISOString());

    const [intent, ...moreIntents] = pdf.catalog.lookup(PDFName.of("OutputIntents"), PDFArray).asArray().map((ref) => pdf.context.lookup(ref, PDFDict));
    expect(moreIntents).toHaveLength(0);
    expect(intent?.get(PDFName.of("S"))).toBe(PDFName.of("GTS_PDFA1"));
    expect(intent?.lookup(PDFName.of("OutputConditionIdentifier"), PDFString).decodeText()).toBe("sRGB IEC61966-2.1");
    const profile = intent?.lookup(PDFName.of("DestOutputProfile"), PDFStream);
    if (!(profile instanceof PDFRawStream)) throw new Error("no ICC profile stream");
    expect(profile.dict.get(PDFName.of("N"))?.toString()).toBe("3");
    const icc = decodePDFRawStream(profile).decode();
    expect(Buffer.from(icc.subarray(36, 40)).toString("latin1")).toBe("acsp"); // an ICC profile
    expect(Buffer.from(icc.subarray(16, 20)).toString("latin1")).toBe("RGB ");

    const id = pdf.context.trailerInfo.ID;
    expect(id).toBeInstanceOf(PDFArray);
    expect((id as PDFArray).size()).toBe(2);
    expect(pdf.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("fr-FR");
  });

  it("uses only embedded fonts, and nothing PDF/A forbids (encryption, JavaScript, forms, transparency)", async () => {
    const pdf = await load(bytes);
    const dicts = pdf.context.enumerateIndirectObjects().flatMap(([, object]) => (object instanceof PDFDict ? [object] : object instanceof PDFStream ? [object.dict] : []));
    const fonts = dicts.filter((d) => d.get(PDFName.of("Type")) === PDFName.of("Font"));
    const descriptors = dicts.filter((d) => d.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"));
    expect(fonts.length).toBeGreaterThanOrEqual(4); // Type0 + CIDFontType2, regular and bold
    for (const font of fonts) {
      expect([PDFName.of("Type0"), PDFName.of("CIDFontType2")]).toContain(font.get(PDFName.of("Subtype")));
      expect(String(font.get(PDFName.of("BaseFont")))).toMatch(/^\/[A-Z]{6}\+Inter-(Regular|Bold)$/);
      expect(String(font.get(PDFName.of("BaseFont")))).not.toMatch(/Helvetica|Times|Courier|Symbol|ZapfDingbats/);
    }
    expect(descriptors.length).toBeGreaterThanOrEqual(2);
    for (const descriptor of descriptors) expect(descriptor.has(PDFName.of("FontFile2")) || descriptor.has(PDFName.of("FontFile3"))).toBe(true);

    expect(pdf.context.trailerInfo.Encrypt).toBeUndefined();
    for (const key of ["AcroForm", "OpenAction", "AA"]) expect(pdf.catalog.has(PDFName.of(key)), key).toBe(false);
    const names = pdf.catalog.lookup(PDFName.of("Names"), PDFDict);
    expect(names.has(PDFName.of("JavaScript"))).toBe(false);
    for (const p of pdf.getPages()) {
      expect(p.node.lookupMaybe(PDFName.of("Annots"), PDFArray)?.size() ?? 0).toBe(0); // pdf-lib leaves an empty array
      expect(p.node.has(PDFName.of("Group"))).toBe(false);
    }
    for (const d of dicts) {
      expect(d.has(PDFName.of("SMask")) || d.has(PDFName.of("JS")) || d.get(PDFName.of("S")) === PDFName.of("JavaScript")).toBe(false);
      if (d.get(PDFName.of("Type")) === PDFName.of("ExtGState")) expect([d.get(PDFName.of("CA")), d.get(PDFName.of("ca"))].every((v) => v === undefined || v.toString() === "1")).toBe(true);
    }
  });

  it("gives the same bytes for the same document and creation date", async () => {
    const again = await render(doc);
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const later = await renderInvoicePdf(doc, { createdAt: new Date("2026-03-13T10:00:00Z") });
    expect(Buffer.from(later).equals(Buffer.from(bytes))).toBe(false);
  });

  it("refuses a document whose figures do not add up", async () => {
    await expect(render({ ...doc, totals: { ...doc.totals, vatCents: 1 } })).rejects.toThrow(/BR-CO/);
  });
});

describe("renderInvoicePdf variants", () => {
  it("prints the 293 B mention and no VAT for an expert under the franchise, with names outside Latin-1", async () => {
    const [page = ""] = await pagesText(await render(sampleFranchiseInvoice()));
    for (const mention of ["TVA non applicable, art. 293 B du CGI", "Łukasz Nowak EI (Entrepreneur individuel (micro-entreprise))", "3 impasse des Érables 33000 Bordeaux", "Date de la prestation : 05/03/2026", "TVA 0 % 0,00 €", "Total TTC 1 800,00 €", "Moyen de paiement : Prélèvement SEPA", "au nom et pour le compte de Łukasz Nowak EI, en vertu d’un mandat de facturation"]) {
      expect(page, mention).toContain(fold(mention));
    }
    expect(page).not.toContain("Capital social"); // an entrepreneur individuel has none
    expect(page).not.toContain("N° TVA intracommunautaire : FR44"); // the franchise expert has none
  });

  it("titles a credit note AVOIR and names the invoice it corrects", async () => {
    const doc = sampleCreditNote();
    const bytes = await render(doc);
    const [page = ""] = await pagesText(bytes);
    for (const mention of ["AVOIR", "N° A-SBERNARD-2026-0001", "Avoir relatif à la facture n° F-SBERNARD-2026-0001 du 12/03/2026.", "Avoir émis par Compagnon SAS", "Total TTC 600,00 €", "Montant remboursé 600,00 €", "Remboursé le 20/03/2026 via Compagnon"]) {
      expect(page, mention).toContain(fold(mention));
    }
    expect(embeddedFacturX(await load(bytes)).xml).toBe(buildFacturXXml(doc));
  });

  it("prints Compagnon's commission invoice without the self-billing banner", async () => {
    const [page = ""] = await pagesText(await render(sampleCommissionInvoice()));
    for (const mention of ["FACTURE", "N° C-2026-00001", "Compagnon SAS", "SIREN : 901234567", "901 234 567 RCS Paris", "Capital social : 10 000 €", "Commission de mise en relation", "Total TTC 423,00 €", "Moyen de paiement : Compensation"]) {
      expect(page, mention).toContain(fold(mention));
    }
    expect(page).not.toContain("Mandat de facturation");
    expect(page).not.toContain("Compagnon SAS (SAS)"); // the legal form is already in the name
    expect(page).not.toContain("au nom et pour le compte");
  });

  it("runs long invoices over several pages, repeating the table header and numbering every page", async () => {
    const base = sampleInvoice();
    const lines = Array.from({ length: 45 }, (_, i) => line(`Journée d’accompagnement n° ${i + 1} : ateliers, revue de configuration et compte rendu détaillé pour l’équipe`, "1", 60_000 + i, 2000));
    const doc = withLines(base, lines);
    const pages = await pagesText(await render(doc));
    expect(pages.length).toBeGreaterThan(1);
    pages.forEach((p, i) => {
      expect(p).toContain(`Page ${i + 1} / ${pages.length}`);
      expect(p).toContain("Facture n° F-SBERNARD-2026-0001 — Sophie Bernard Conseil"); // footer
    });
    const tablePages = pages.filter((p) => p.includes("Journée d’accompagnement"));
    for (const p of tablePages) expect(p).toContain("DESCRIPTION QTÉ PRIX UNIT. HT TVA TOTAL HT");
    const all = pages.join(" ");
    for (let i = 1; i <= 45; i++) expect(all).toContain(`Journée d’accompagnement n° ${i} :`);
    expect(all).toContain(fold(`Total TTC ${euros(doc.totals.inclVatCents)}`));
    expect(all).toContain("indemnité forfaitaire pour frais de recouvrement de 40 €");
  });
});
