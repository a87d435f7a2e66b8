import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { AFRelationship, PDFDocument, PDFHexString, PDFName, PDFString } from "pdf-lib";
import { buildXmp, FACTURX_FILENAME, type XmpInput } from "./xmp";

/** sRGB IEC 61966-2.1 (zlib licence, from Debian's icc-profiles-free: see assets/README.md). */
export const SRGB_ICC_PATH = path.join(process.cwd(), "lib/invoicing/assets/sRGB.icc");
let srgbProfile: Promise<Uint8Array> | null = null;

function loadSrgbProfile(): Promise<Uint8Array> {
  srgbProfile ??= readFile(SRGB_ICC_PATH).then(
    (bytes) => new Uint8Array(bytes),
    (error: unknown) => {
      srgbProfile = null;
      throw error;
    },
  );
  return srgbProfile;
}

/**
 * Turns a pdf-lib document whose pages use only embedded fonts and DeviceRGB (no transparency,
 * no annotations, no JavaScript) into a PDF/A-3B Factur-X file:
 * - the Info dictionary set from `metadata`, and the same facts in an XMP stream on the catalog
 *   (uncompressed, as PDF/A requires), with the Factur-X properties;
 * - an sRGB OutputIntent (GTS_PDFA1) for the DeviceRGB colours;
 * - the CII XML embedded as `factur-x.xml` (text/xml) with AFRelationship /Alternative, listed in
 *   the EmbeddedFiles name tree and in the catalog's /AF (pdf-lib's attach() writes both);
 * - a trailer /ID derived from the content, so the same invoice gives the same bytes.
 *
 * AFRelationship: Factur-X 1.0 (since 1.0.05, like ZUGFeRD 2.1) asks for /Data only for the
 * MINIMUM and BASIC WL profiles, whose XML is not a full invoice; for BASIC, EN 16931 and
 * EXTENDED the XML is a complete equivalent of the PDF, hence /Alternative.
 */
export async function makeFacturXPdfA3(doc: PDFDocument, xml: string, metadata: XmpInput): Promise<void> {
  doc.setTitle(metadata.title, { showInWindowTitleBar: true });
  doc.setAuthor(metadata.author);
  doc.setSubject(metadata.subject);
  doc.setKeywords([metadata.keywords]);
  doc.setCreator(metadata.creatorTool);
  doc.setProducer(metadata.producer);
  doc.setCreationDate(metadata.createdAt);
  doc.setModificationDate(metadata.createdAt);
  doc.setLanguage(metadata.lang);

  const { context, catalog } = doc;
  const xmp = context.stream(new TextEncoder().encode(buildXmp(metadata)), { Type: "Metadata", Subtype: "XML" });
  catalog.set(PDFName.of("Metadata"), context.register(xmp));

  const icc = context.flateStream(await loadSrgbProfile(), { N: 3 });
  const outputIntent = context.obj({
    Type: "OutputIntent",
    S: "GTS_PDFA1",
    OutputConditionIdentifier: PDFString.of("sRGB IEC61966-2.1"),
    Info: PDFString.of("sRGB IEC61966-2.1"),
    RegistryName: PDFString.of("http://www.color.org"),
    DestOutputProfile: context.register(icc),
  });
  catalog.set(PDFName.of("OutputIntents"), context.obj([context.register(outputIntent)]));

  const xmlBytes = new TextEncoder().encode(xml);
  await doc.attach(xmlBytes, FACTURX_FILENAME, {
    mimeType: "text/xml",
    description: "Factur-X (CII, profil EN 16931)",
    creationDate: metadata.createdAt,
    modificationDate: metadata.createdAt,
    afRelationship: AFRelationship.Alternative,
  });

  const id = createHash("sha256").update(xmlBytes).update(metadata.createdAt.toISOString()).digest("hex").slice(0, 32);
  context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
}
