import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFPage } from "pdf-lib";
import { clean, loadFontFiles, runsOf, widthOf, wrapText, type FontStack, type Weight } from "./text-document";

/**
 * A one-table form as an A4 PDF (landscape when it has many columns): a title, a few labelled
 * facts, a grid whose empty cells are for signatures, and a footer. Used for attendance sheets.
 */
export interface TableDocumentInput {
  title: string;
  subtitle?: string;
  facts: { label: string; value: string }[];
  /** Column headings; the first column holds the row's name, the others stay empty to sign. */
  columns: string[];
  rows: string[];
  /** Rows after the attendees' (the trainer's), drawn the same way. */
  closingRows?: string[];
  note?: string;
  footer?: string;
  lang: string;
  createdAt?: Date;
}

const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const LINE = rgb(0.55, 0.55, 0.6);
const HEAD_FILL = rgb(0.93, 0.95, 0.95);

function draw(page: PDFPage, stack: FontStack, text: string, x: number, y: number, size: number, color = INK) {
  let left = x;
  for (const run of runsOf(stack, text)) {
    page.drawText(run.text, { x: left, y, size, font: run.font, color });
    left += run.font.widthOfTextAtSize(run.text, size);
  }
}

export async function renderTableDocumentPdf(input: TableDocumentInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = await loadFontFiles();
  const features = { liga: false, clig: false, calt: false, rclt: false };
  const embed = async (weight: Weight): Promise<FontStack> => ({
    fonts: await Promise.all(files[weight].map(async (file) => ({ font: await doc.embedFont(file.bytes, { subset: true, features }), chars: file.chars }))),
    widths: new Map(),
  });
  const regular = await embed("regular");
  const bold = await embed("bold");
  doc.setTitle(clean(input.title), { showInWindowTitleBar: true });
  doc.setLanguage(input.lang);
  doc.setCreator("Compagnon");
  doc.setProducer("Compagnon (pdf-lib)");
  const createdAt = input.createdAt ?? new Date();
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);

  const landscape = input.columns.length > 3;
  const [width, height] = landscape ? [841.89, 595.28] : [595.28, 841.89];
  const margin = 48;
  const inner = width - 2 * margin;
  const pages: PDFPage[] = [];
  let page = doc.addPage([width, height]);
  pages.push(page);
  let y = height - margin;

  const write = (text: string, stack: FontStack, size: number, leading: number, color = INK, indent = 0) => {
    for (const line of wrapText(text, inner - indent, (s) => widthOf(stack, s, size))) {
      y -= leading;
      draw(page, stack, line, margin + indent, y, size, color);
    }
  };
  write(input.title, bold, 18, 24);
  if (input.subtitle) write(input.subtitle, regular, 11, 16, MUTED);
  y -= 8;
  const labelWidth = Math.max(...input.facts.map((f) => widthOf(bold, f.label, 9.5)), 0) + 10;
  for (const fact of input.facts) {
    const lines = wrapText(fact.value, inner - labelWidth, (s) => widthOf(regular, s, 9.5));
    y -= 13;
    draw(page, bold, fact.label, margin, y, 9.5);
    lines.forEach((line, i) => {
      if (i > 0) y -= 13;
      draw(page, regular, line, margin + labelWidth, y, 9.5);
    });
  }
  y -= 16;

  // The grid: the name column takes a third (a quarter in landscape), the signature columns share the rest.
  const nameWidth = inner * (landscape ? 0.25 : 0.34);
  const signWidth = (inner - nameWidth) / Math.max(input.columns.length - 1, 1);
  const headHeight = 22;
  const rowHeight = 34;
  const columnX = (i: number) => (i === 0 ? margin : margin + nameWidth + (i - 1) * signWidth);
  const columnWidth = (i: number) => (i === 0 ? nameWidth : signWidth);
  const header = () => {
    y -= headHeight;
    input.columns.forEach((heading, i) => {
      page.drawRectangle({ x: columnX(i), y, width: columnWidth(i), height: headHeight, color: HEAD_FILL, borderColor: LINE, borderWidth: 0.6 });
      const text = wrapText(heading, columnWidth(i) - 8, (s) => widthOf(bold, s, 9))[0] ?? "";
      draw(page, bold, text, columnX(i) + 4, y + 7.5, 9);
    });
  };
  header();
  const row = (name: string, emphasis: boolean) => {
    if (y - rowHeight < margin + 40) {
      page = doc.addPage([width, height]);
      pages.push(page);
      y = height - margin;
      header();
    }
    y -= rowHeight;
    input.columns.forEach((_, i) => page.drawRectangle({ x: columnX(i), y, width: columnWidth(i), height: rowHeight, borderColor: LINE, borderWidth: 0.6 }));
    const lines = wrapText(name, nameWidth - 8, (s) => widthOf(emphasis ? bold : regular, s, 9.5)).slice(0, 2);
    lines.forEach((line, i) => draw(page, emphasis ? bold : regular, line, margin + 4, y + rowHeight - 13 - i * 11.5, 9.5));
  };
  for (const name of input.rows) row(name, false);
  for (const name of input.closingRows ?? []) row(name, true);
  if (input.note) {
    y -= 6;
    write(input.note, regular, 8.5, 12, MUTED);
  }

  pages.forEach((p, i) => {
    const number = `${i + 1} / ${pages.length}`;
    draw(p, regular, number, width - margin - widthOf(regular, number, 8), 28, 8, MUTED);
    if (input.footer) draw(p, regular, wrapText(input.footer, inner - 60, (s) => widthOf(regular, s, 8))[0] ?? "", margin, 28, 8, MUTED);
  });
  return doc.save();
}
