import { readFileSync } from "node:fs";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDict, PDFDocument, PDFName, PDFString } from "pdf-lib";
import { extractText, getDocumentProxy, getMeta } from "unpdf";
import { describe, expect, it } from "vitest";
import { PDF_FONT_DIR, renderTextDocumentPdf, wrapText } from "@/lib/pdf/text-document";
import { woffToSfnt } from "@/lib/pdf/woff";

const FRENCH = "Les données à caractère personnel — « œuvre », ça coûte 4\u202f800,00\u00a0€ l’unité, déjà payé.";

async function pagesText(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocumentProxy(new Uint8Array(bytes));
  const { text } = await extractText(pdf, { mergePages: false });
  // Extractors may turn no-break spaces into plain ones; compare on plain spaces.
  return text.map((page) => page.replace(/[\u00a0\u202f]/g, " "));
}

// Rendering a long PDF (fonts subset, many pages) took 5 s on a busy 2-core machine: more than the default.
describe("renderTextDocumentPdf", { timeout: 30_000 }, () => {
  it("writes a one-page A4 PDF with selectable French text, title and language", async () => {
    const bytes = await renderTextDocumentPdf({
      title: "Accord de sous-traitance de données",
      subtitle: "Version dpa-2026-11",
      sections: [
        { heading: "Article 1 – Objet et durée", paragraphs: [FRENCH, "Deuxième paragraphe, Łukasz Ștefan."] },
        { heading: "Article 2 – Sécurité", paragraphs: ["Connexions chiffrées (VPN)."] },
      ],
      footer: "Empreinte SHA-256 : 0123abcd",
      lang: "fr",
      author: "Compagnon",
      createdAt: new Date("2026-11-28T10:00:00Z"),
    });
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");

    const [page] = await pagesText(bytes);
    expect(page).toContain("Accord de sous-traitance de données");
    expect(page).toContain("Article 1 – Objet et durée");
    expect(page).toContain("Article 2 – Sécurité");
    expect(page).toContain("données à caractère personnel");
    expect(page).toContain("« œuvre », ça coûte 4 800,00 € l’unité");
    expect(page).toContain("Łukasz Ștefan"); // from the Latin Extended fallback font
    expect(page).toContain("Empreinte SHA-256 : 0123abcd");
    expect(page).toContain("1 / 1");

    const { info } = await getMeta(new Uint8Array(bytes));
    expect(info).toMatchObject({ Title: "Accord de sous-traitance de données", Author: "Compagnon", Subject: "Version dpa-2026-11" });

    const doc = await PDFDocument.load(bytes);
    expect(doc.getPageCount()).toBe(1);
    const { width, height } = doc.getPage(0).getSize();
    expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
    expect(doc.catalog.lookup(PDFName.of("Lang"), PDFString).decodeText()).toBe("fr");
  });

  async function embeddedFonts(text: string) {
    const bytes = await renderTextDocumentPdf({ title: "Titre", sections: [{ heading: "Gras", paragraphs: [text] }], lang: "fr" });
    const doc = await PDFDocument.load(bytes);
    const dicts = doc.context.enumerateIndirectObjects().flatMap(([, object]) => (object instanceof PDFDict ? [object] : []));
    const fonts = dicts.filter((d) => d.get(PDFName.of("Type")) === PDFName.of("Font"));
    const descriptors = dicts.filter((d) => d.get(PDFName.of("Type")) === PDFName.of("FontDescriptor"));
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) expect(String(font.get(PDFName.of("BaseFont")))).not.toMatch(/Helvetica|Times|Courier/);
    expect(descriptors.every((d) => d.has(PDFName.of("FontFile2")))).toBe(true);
    return descriptors.map((d) => String(d.get(PDFName.of("FontName"))).replace(/-\d+$/, "")).sort();
  }

  it("embeds its fonts instead of relying on the standard 14, the fallback font only when needed", async () => {
    expect(await embeddedFonts("Données à caractère personnel, 4\u202f800,00\u00a0€")).toEqual(["/Inter-Bold", "/Inter-Regular"]);
    expect(await embeddedFonts("Łukasz")).toEqual(["/Inter-Bold", "/Inter-Regular", "/Inter-Regular"]); // bold text has no Ł
  });

  it("breaks long input across pages, numbering each one", async () => {
    const paragraph = `${FRENCH} `.repeat(12).trim();
    const sections = Array.from({ length: 24 }, (_, i) => ({ heading: `Article ${i + 1} – Clause numéro ${i + 1}`, paragraphs: [paragraph, paragraph] }));
    const bytes = await renderTextDocumentPdf({ title: "Document long", sections, lang: "fr" });
    const pages = await pagesText(bytes);
    expect(pages.length).toBeGreaterThan(5);
    pages.forEach((text, i) => expect(text).toContain(`${i + 1} / ${pages.length}`));
    // Page numbers sit after the last line of each page: drop them to read the text across breaks.
    const all = pages.map((text, i) => text.replace(`${i + 1} / ${pages.length}`, "")).join(" ").replace(/\s+/g, " ");
    for (const section of sections) expect(all).toContain(section.heading);
    expect(pages[0]).toContain("Document long");
    // Every word of every paragraph survives the wrapping and the page breaks.
    expect(all.match(/données à caractère personnel/g)?.length).toBe(24 * 2 * 12);
  });

  it("draws characters that no font has as a question mark instead of failing", async () => {
    const bytes = await renderTextDocumentPdf({ title: "Emoji 😀 et 中文", sections: [], lang: "fr" });
    const [page] = await pagesText(bytes);
    expect(page).toContain("Emoji ? et ??");
  });
});

describe("wrapText", () => {
  const measure = (s: string) => [...s].length; // one unit per character

  it("wraps on spaces within the width, never on no-break spaces", () => {
    const lines = wrapText("un deux trois quatre\u00a0€ cinq", 12, measure);
    expect(lines).toEqual(["un deux", "trois", "quatre\u00a0€", "cinq"]);
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(12);
  });

  it("keeps hard line breaks and cuts a word longer than a line", () => {
    expect(wrapText("a\nb", 10, measure)).toEqual(["a", "b"]);
    expect(wrapText("abcdefghij", 4, measure)).toEqual(["abcd", "efgh", "ij"]);
  });
});

describe("woffToSfnt", () => {
  it("unwraps WOFF into a TrueType file fontkit reads the same way", () => {
    const woff = readFileSync(path.join(PDF_FONT_DIR, "inter-latin-400-normal.woff"));
    const sfnt = woffToSfnt(woff);
    expect(Buffer.from(sfnt.subarray(0, 4)).readUInt32BE(0)).toBe(0x00010000);
    const [a, b] = [fontkit.create(Buffer.from(woff)), fontkit.create(Buffer.from(sfnt))];
    expect(b.numGlyphs).toBe(a.numGlyphs);
    expect(b.characterSet).toEqual(a.characterSet);
    expect(b.layout("données €").advanceWidth).toBe(a.layout("données €").advanceWidth);
  });
});
