import { stringify } from "csv-stringify/sync";
import { decimalString } from "@/lib/money/format";

/**
 * The one way the app writes CSV: French spreadsheet conventions (semicolon, decimal comma,
 * CRLF, UTF-8 with a BOM so Excel reads the accents), written by `csv-stringify`, with every text
 * cell a spreadsheet would run made harmless.
 *
 * A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula
 * by Excel and LibreOffice ("CSV injection", OWASP): such a cell gets a leading apostrophe, which
 * makes it plain text, and is quoted. Amounts are cells of their own and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** An amount in cents ("-12,50" in the file), a rate in basis points ("20,00"), or text. */
export type CsvCell = string | { amount: number } | { rateBps: number };

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** Cents as a French decimal number ("-12,50"): a number to the spreadsheet, never text. */
export function csvAmount(cents: number): string {
  return decimalString(cents, ",");
}

function cell(value: CsvCell): string {
  if (typeof value === "string") return neutraliseFormula(value);
  return csvAmount("amount" in value ? value.amount : value.rateBps);
}

/** A whole CSV file: the header, then one line per row. */
export function toCsv(header: string[], rows: CsvCell[][]): string {
  return stringify([header.map(neutraliseFormula), ...rows.map((row) => row.map(cell))], {
    delimiter: ";",
    record_delimiter: "\r\n",
    bom: true,
    // Quote what the apostrophe neutralised and any line break (csv-stringify itself quotes only
    // the record delimiter, CRLF, not a lone LF), besides separators and quotes.
    quoted_match: [/^'[=+\-@\t\r]/, /[\r\n]/],
  });
}

/** The HTTP answer for a CSV download: never cached, never sniffed. */
export function csvResponse(csv: string, fileName: string): Response {
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${fileName.replace(/[^\w.-]/g, "_")}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
