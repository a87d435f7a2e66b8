import { readFile } from "node:fs/promises";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { woffToSfnt } from "./woff";

/**
 * A plain text document (title, headed sections of paragraphs) as an A4 PDF with real,
 * selectable text in the embedded Inter font: contracts today, invoices later.
 */
export interface TextDocumentInput {
  title: string;
  subtitle?: string;
  sections: { heading: string; paragraphs: string[] }[];
  /** Short line printed at the foot of every page, left of the page number. */
  footer?: string;
  /** BCP 47 language of the text ("fr", "en"), stored in the PDF catalogue. */
  lang: string;
  author?: string;
  /** Creation date in the metadata; now by default. */
  createdAt?: Date;
}

/**
 * Static Inter files from @fontsource/inter, read at run time. Latin covers French (é, œ, « », ’,
 * €); Latin Extended is the fallback for names such as Łukasz or Ștefan. A standalone Next.js
 * build must trace them: outputFileTracingIncludes with PDF_FONT_GLOB.
 */
export const PDF_FONT_DIR = path.join(process.cwd(), "node_modules/@fontsource/inter/files");
export const PDF_FONT_GLOB = "./node_modules/@fontsource/inter/files/inter-latin*-{400,700}-normal.woff";
const FONT_FILES = {
  regular: ["inter-latin-400-normal.woff", "inter-latin-ext-400-normal.woff"],
  bold: ["inter-latin-700-normal.woff", "inter-latin-ext-700-normal.woff"],
} as const;

export type Weight = keyof typeof FONT_FILES;
export interface FontFile {
  bytes: Uint8Array;
  chars: Set<number>;
}
let fontFiles: Promise<Record<Weight, FontFile[]>> | null = null;

/** Reads and unwraps the font files once per process (they never change while it runs). */
export function loadFontFiles(): Promise<Record<Weight, FontFile[]>> {
  fontFiles ??= (async () => {
    const read = (names: readonly string[]) =>
      Promise.all(
        names.map(async (name) => {
          const bytes = woffToSfnt(await readFile(path.join(PDF_FONT_DIR, name)));
          return { bytes, chars: new Set(fontkit.create(Buffer.from(bytes)).characterSet) };
        }),
      );
    const [regular, bold] = await Promise.all([read(FONT_FILES.regular), read(FONT_FILES.bold)]);
    return { regular, bold };
  })().catch((error: unknown) => {
    fontFiles = null;
    throw error;
  });
  return fontFiles;
}

/** A primary font and its fallbacks: each character is drawn with the first that has it. */
export interface FontStack {
  fonts: { font: PDFFont; chars: Set<number> }[];
  widths: Map<string, number>;
}
export interface Run {
  font: PDFFont;
  text: string;
}

const SPACE_LIKE = /[\u2000-\u200a\u202f\u205f]/; // drawn as a no-break space when the font lacks them

export function runsOf(stack: FontStack, text: string): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    let entry = stack.fonts.find((f) => f.chars.has(code));
    let drawn = char;
    if (!entry) {
      drawn = SPACE_LIKE.test(char) ? "\u00a0" : "?";
      entry = stack.fonts.find((f) => f.chars.has(drawn.codePointAt(0) ?? 0)) ?? stack.fonts[0];
    }
    if (!entry) continue;
    const last = runs[runs.length - 1];
    if (last && last.font === entry.font) last.text += drawn;
    else runs.push({ font: entry.font, text: drawn });
  }
  return runs;
}

/** Width in points; words recur a lot, so widths at size 1 are cached per font stack. */
export function widthOf(stack: FontStack, text: string, size: number): number {
  let width = stack.widths.get(text);
  if (width === undefined) {
    width = runsOf(stack, text).reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, 1), 0);
    stack.widths.set(text, width);
  }
  return width * size;
}

/** Drops control characters and tabs, keeps "\n" as a hard line break. */
export function clean(text: string): string {
  return text
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/\t/g, " ")
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200b\u200e\u200f\ufeff]/g, "");
}

/**
 * Greedy word wrap on ordinary spaces (no-break spaces hold); a word too long for a line is cut.
 * `measure` is called on single words and pieces of words only, so it can be cached.
 */
export function wrapText(text: string, width: number, measure: (s: string) => number): string[] {
  const space = measure(" ");
  const lines: string[] = [];
  for (const hardLine of clean(text).split("\n")) {
    let line = "";
    let lineWidth = 0;
    for (const word of hardLine.split(" ").filter((w) => w !== "")) {
      const wordWidth = measure(word);
      if (line && lineWidth + space + wordWidth <= width) {
        line += ` ${word}`;
        lineWidth += space + wordWidth;
        continue;
      }
      if (line) lines.push(line);
      let rest = word;
      let restWidth = wordWidth;
      while (restWidth > width) {
        const chars = [...rest];
        let cut = chars.length - 1;
        while (cut > 1 && measure(chars.slice(0, cut).join("")) > width) cut--;
        lines.push(chars.slice(0, cut).join(""));
        rest = chars.slice(cut).join("");
        restWidth = measure(rest);
      }
      line = rest;
      lineWidth = restWidth;
    }
    lines.push(line);
  }
  return lines;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = { top: 64, bottom: 72, side: 62 };
const INK = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.38, 0.38, 0.42);
const STYLE = {
  title: { size: 18, leading: 24, weight: "bold" as Weight, color: INK },
  subtitle: { size: 10, leading: 14, weight: "regular" as Weight, color: MUTED },
  heading: { size: 11.5, leading: 16, weight: "bold" as Weight, color: INK },
  body: { size: 10, leading: 14.5, weight: "regular" as Weight, color: INK },
  footer: { size: 8, leading: 10, weight: "regular" as Weight, color: MUTED },
};
type Style = (typeof STYLE)[keyof typeof STYLE];

/** Lays text out top to bottom, opening a new page when the next lines do not fit. */
class Layout {
  readonly pages: PDFPage[] = [];
  private y = 0;
  private readonly width = A4[0] - 2 * MARGIN.side;

  constructor(
    private readonly doc: PDFDocument,
    private readonly stacks: Record<Weight, FontStack>,
  ) {
    this.newPage();
  }

  private newPage() {
    this.pages.push(this.doc.addPage(A4));
    this.y = A4[1] - MARGIN.top;
  }

  private get page(): PDFPage {
    const page = this.pages[this.pages.length - 1];
    if (!page) throw new Error("No page");
    return page;
  }

  lines(text: string, style: Style): string[] {
    const stack = this.stacks[style.weight];
    return wrapText(text, this.width, (s) => widthOf(stack, s, style.size));
  }

  space(points: number) {
    if (this.y < A4[1] - MARGIN.top) this.y -= points;
  }

  /** Makes room for `height` points, on a new page if this one lacks it. */
  ensure(height: number) {
    if (this.y - height < MARGIN.bottom) this.newPage();
  }

  write(text: string, style: Style) {
    for (const line of this.lines(text, style)) {
      this.ensure(style.leading);
      this.y -= style.leading;
      drawLine(this.page, this.stacks[style.weight], line, MARGIN.side, this.y + (style.leading - style.size) / 2, style);
    }
  }
}

function drawLine(page: PDFPage, stack: FontStack, text: string, x: number, y: number, style: Style) {
  let left = x;
  for (const run of runsOf(stack, text)) {
    page.drawText(run.text, { x: left, y, size: style.size, font: run.font, color: style.color });
    left += run.font.widthOfTextAtSize(run.text, style.size);
  }
}

export async function renderTextDocumentPdf(input: TextDocumentInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const files = await loadFontFiles();
  const codesOf = (texts: (string | undefined)[]) => new Set([...clean(texts.join(" "))].map((char) => char.codePointAt(0) ?? 0));
  const codes: Record<Weight, Set<number>> = {
    bold: codesOf([input.title, ...input.sections.map((s) => s.heading)]),
    regular: codesOf([input.subtitle, input.footer, ...input.sections.flatMap((s) => s.paragraphs)]),
  };
  // Ligatures and contextual alternates off: each glyph then maps back to exactly one character
  // when text is copied or searched, and shaping stays fast. Kerning stays on.
  const features = { liga: false, clig: false, calt: false, rclt: false };
  const embed = async (weight: Weight): Promise<FontStack> => {
    // A fallback font is embedded only when the text has characters that the fonts before it lack.
    const stack = files[weight];
    const needed = stack.filter((file, i) => i === 0 || [...codes[weight]].some((code) => file.chars.has(code) && !stack.slice(0, i).some((f) => f.chars.has(code))));
    const fonts = await Promise.all(needed.map(async (file) => ({ font: await doc.embedFont(file.bytes, { subset: true, features }), chars: file.chars })));
    return { fonts, widths: new Map() };
  };
  const stacks = { regular: await embed("regular"), bold: await embed("bold") };

  doc.setTitle(clean(input.title), { showInWindowTitleBar: true });
  doc.setLanguage(input.lang);
  if (input.author) doc.setAuthor(clean(input.author));
  if (input.subtitle) doc.setSubject(clean(input.subtitle));
  doc.setCreator("Compagnon");
  doc.setProducer("Compagnon (pdf-lib)");
  const createdAt = input.createdAt ?? new Date();
  doc.setCreationDate(createdAt);
  doc.setModificationDate(createdAt);

  const layout = new Layout(doc, stacks);
  layout.write(input.title, STYLE.title);
  if (input.subtitle) {
    layout.space(4);
    layout.write(input.subtitle, STYLE.subtitle);
  }
  for (const section of input.sections) {
    layout.space(14);
    // Keep a heading with the first two lines of what follows it.
    const first = section.paragraphs[0];
    const headingHeight = layout.lines(section.heading, STYLE.heading).length * STYLE.heading.leading;
    const followHeight = first === undefined ? 0 : Math.min(layout.lines(first, STYLE.body).length, 2) * STYLE.body.leading + 4;
    layout.ensure(headingHeight + followHeight);
    layout.write(section.heading, STYLE.heading);
    for (const paragraph of section.paragraphs) {
      layout.space(4);
      layout.write(paragraph, STYLE.body);
    }
  }

  const total = layout.pages.length;
  const footerLines = input.footer ? wrapText(input.footer, A4[0] - 2 * MARGIN.side - 60, (s) => widthOf(stacks.regular, s, STYLE.footer.size)).slice(0, 2) : [];
  layout.pages.forEach((page, index) => {
    const number = `${index + 1} / ${total}`;
    const y = MARGIN.bottom - 30;
    const numberWidth = widthOf(stacks.regular, number, STYLE.footer.size);
    drawLine(page, stacks.regular, number, A4[0] - MARGIN.side - numberWidth, y, STYLE.footer);
    footerLines.forEach((line, i) => drawLine(page, stacks.regular, line, MARGIN.side, y - i * STYLE.footer.leading, STYLE.footer));
  });

  return doc.save();
}
