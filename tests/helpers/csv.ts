import { parse } from "csv-parse/sync";

/** A French CSV of ours read back as objects keyed by the header (BOM, semicolons). */
export function readCsv(csv: string): Record<string, string>[] {
  return parse(csv, { delimiter: ";", bom: true, columns: true, record_delimiter: "\r\n" }) as Record<string, string>[];
}

/** "-1 234,56"-style cell → cents. */
export const cents = (cell: string | undefined) => Math.round(Number((cell ?? "").replace(",", ".")) * 100);
