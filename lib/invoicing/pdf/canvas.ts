import { createHash } from "node:crypto";
import type { PDFDocument, PDFPage, RGB } from "pdf-lib";
import { rgb } from "pdf-lib";
import { clean, loadFontFiles, runsOf, widthOf, wrapText, type FontStack, type Weight } from "@/lib/pdf/text-document";

/** Positioned drawing on A4 pages in the embedded Inter fonts: no standard 14 font anywhere. */

export const A4 = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 56, bottom: 72, side: 48 };
export const CONTENT_WIDTH = A4.width - 2 * MARGIN.side;
export const INK = rgb(0.1, 0.1, 0.12);
export const MUTED = rgb(0.4, 0.4, 0.45);
export const RULE = rgb(0.8, 0.8, 0.83);
export const TINT = rgb(0.95, 0.95, 0.96);

export interface TextStyle {
  size: number;
  leading: number;
  weight: Weight;
  color: RGB;
}

// Ligatures and contextual alternates off, so each glyph maps back to one character (as in
// lib/pdf/text-document.ts); kerning stays on.
const FEATURES = { liga: false, clig: false, calt: false, rclt: false };

/**
 * Embeds Inter regular and bold, each with the Latin Extended fallback only when `text` needs
 * it. Fonts are subset; the subset tag comes from the characters, not from chance, so the same
 * invoice gives the same file.
 */
export async function embedInvoiceFonts(doc: PDFDocument, text: string): Promise<Record<Weight, FontStack>> {
  const files = await loadFontFiles();
  const codes = [...new Set([...clean(text)].map((char) => char.codePointAt(0) ?? 0))].sort((a, b) => a - b);
  const embed = async (weight: Weight): Promise<FontStack> => {
    const stack = files[weight];
    const needed = stack.filter((file, i) => i === 0 || codes.some((code) => file.chars.has(code) && !stack.slice(0, i).some((f) => f.chars.has(code))));
    const fonts = await Promise.all(
      needed.map(async (file, i) => {
        const digest = createHash("sha256").update(`${weight}:${i}:${codes.join(",")}`).digest();
        const tag = [...digest.subarray(0, 6)].map((byte) => String.fromCharCode(65 + (byte % 26))).join("");
        const customName = `${tag}+Inter-${weight === "bold" ? "Bold" : "Regular"}`;
        return { font: await doc.embedFont(file.bytes, { subset: true, features: FEATURES, customName }), chars: file.chars };
      }),
    );
    return { fonts, widths: new Map() };
  };
  return { regular: await embed("regular"), bold: await embed("bold") };
}

/** Pages drawn top to bottom; `y` is the top of the next thing to draw. */
export class Canvas {
  readonly pages: PDFPage[] = [];
  y = 0;

  constructor(
    private readonly doc: PDFDocument,
    private readonly stacks: Record<Weight, FontStack>,
    /** Called on every new page after the first, e.g. to repeat a table header. */
    public onNewPage: (() => void) | null = null,
  ) {
    this.addPage();
  }

  get page(): PDFPage {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error("No page");
    return page;
  }

  private addPage() {
    this.pages.push(this.doc.addPage([A4.width, A4.height]));
    this.y = A4.height - MARGIN.top;
  }

  newPage() {
    this.addPage();
    this.onNewPage?.();
  }

  /** Makes room for `height` points, on a new page if this one lacks it. */
  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  measure(text: string, style: TextStyle): number {
    return widthOf(this.stacks[style.weight], clean(text), style.size);
  }

  wrap(text: string, width: number, style: TextStyle): string[] {
    return wrapText(text, width, (s) => widthOf(this.stacks[style.weight], s, style.size));
  }

  /** One line of text in a box `style.leading` high whose top is `top`, starting at `x` (ending there when right-aligned). */
  line(text: string, x: number, top: number, style: TextStyle, align: "left" | "right" = "left", page: PDFPage = this.page) {
    const cleaned = clean(text).replace(/\n/g, " ");
    const y = top - style.leading / 2 - 0.35 * style.size; // baseline: cap height centred in the box
    let left = align === "right" ? x - this.measure(cleaned, style) : x;
    for (const run of runsOf(this.stacks[style.weight], cleaned)) {
      page.drawText(run.text, { x: left, y, size: style.size, font: run.font, color: style.color });
      left += run.font.widthOfTextAtSize(run.text, style.size);
    }
  }

  /** Wrapped text at the cursor, moving it down, across pages when needed. */
  paragraph(text: string, style: TextStyle, x = MARGIN.side, width = CONTENT_WIDTH) {
    for (const line of this.wrap(text, width, style)) {
      this.ensure(style.leading);
      this.line(line, x, this.y, style);
      this.y -= style.leading;
    }
  }

  rect(x: number, top: number, width: number, height: number, color: RGB, border?: RGB) {
    this.page.drawRectangle({ x, y: top - height, width, height, color, borderColor: border, borderWidth: border ? 0.75 : 0 });
  }

  rule(top: number, color: RGB = RULE, x = MARGIN.side, width = CONTENT_WIDTH) {
    this.page.drawLine({ start: { x, y: top }, end: { x: x + width, y: top }, thickness: 0.75, color });
  }
}
