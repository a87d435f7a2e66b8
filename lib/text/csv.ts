/**
 * Cells of a French CSV (semicolon-separated) that a spreadsheet opens safely.
 *
 * A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return is read as a formula
 * by Excel and LibreOffice ("CSV injection", OWASP): such a cell gets a leading apostrophe, which
 * makes it plain text, and is quoted. Amounts are written with `csvAmount` and stay numbers.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvText(value: string): string {
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return text !== value || /[";\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Cents as a French decimal number ("-12,50"): a number to the spreadsheet, never text. */
export function csvAmount(cents: number): string {
  if (!Number.isInteger(cents)) throw new Error(`Amount must be whole cents, got ${cents}`);
  const sign = cents < 0 ? "-" : "";
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, "0")}`;
}

/** One CSV line: text cells neutralised, amount cells as numbers. */
export function csvLine(cells: ({ amount: number } | string)[]): string {
  return cells.map((cell) => (typeof cell === "string" ? csvText(cell) : csvAmount(cell.amount))).join(";");
}
