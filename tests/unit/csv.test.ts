import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { csvAmount, csvResponse, toCsv } from "@/lib/export/csv";

/** The file's one data line, without the BOM and the header. */
const line = (cells: Parameters<typeof toCsv>[1][number]) => toCsv(["A"], [cells]).replace(/^\uFEFF/, "").split("\r\n")[1];

describe("CSV export", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\";\"x\")", `"'=HYPERLINK(""http://evil.example"";""x"")"`],
    ["+33 6 12 34 56 78", `"'+33 6 12 34 56 78"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", `"'\r=1+1"`],
  ])("neutralises a text cell a spreadsheet would run: %j", (value, written) => {
    expect(line([value])).toBe(written);
  });

  it("leaves ordinary text alone, and quotes separators and quotes", () => {
    expect(line(["Boulangerie Martin SARL"])).toBe("Boulangerie Martin SARL");
    expect(line(["Dupont; fils"])).toBe('"Dupont; fils"');
    expect(line(['Le "bon" coin'])).toBe('"Le ""bon"" coin"');
    expect(line(["A=B"])).toBe("A=B");
    expect(line([""])).toBe("");
  });

  it("writes amounts and rates as French decimal numbers, negative ones included", () => {
    expect(csvAmount(12_050)).toBe("120,50");
    expect(csvAmount(-1_250)).toBe("-12,50");
    expect(csvAmount(-5)).toBe("-0,05");
    expect(csvAmount(0)).toBe("0,00");
    expect(() => csvAmount(1.5)).toThrow();
    expect(line([{ rateBps: 550 }])).toBe("5,50");
  });

  it("keeps a credit note's negative amount a number while a name starting with - is text", () => {
    expect(line(["-Dupont", { amount: -1_000 }])).toBe(`"'-Dupont";-10,00`);
  });

  it("is a French CSV: BOM, semicolons, CRLF, a line break kept inside its quoted cell", () => {
    const csv = toCsv(["Nom", "Montant"], [["Ligne 1\nLigne 2", { amount: 100 }], ["=1+1", { amount: -5 }]]);
    expect(csv).toBe('\uFEFFNom;Montant\r\n"Ligne 1\nLigne 2";1,00\r\n"\'=1+1";-0,05\r\n');
  });
});

describe("every CSV the app offers goes through lib/export/csv.ts", () => {
  const root = path.resolve(import.meta.dirname, "../..");
  const sources = (dir: string): string[] =>
    readdirSync(path.join(root, dir)).flatMap((name) => {
      const relative = path.join(dir, name);
      return statSync(path.join(root, relative)).isDirectory() ? sources(relative) : /\.(ts|tsx)$/.test(name) ? [relative] : [];
    });
  /** Writing CSV (a CSV library, a CSV content type, lines joined with separators) anywhere but the export helper. */
  const handWritten = (source: string) => /from\s+["']csv-stringify|["']text\/csv|\.join\(\s*["'][;,]["']\s*\)\s*(\+|\))|\.join\(\s*["']\\r\\n["']\s*\)/.test(source);

  it("finds no other CSV writer in app, components, lib or emails", () => {
    const files = ["app", "components", "emails", "lib"].flatMap(sources).filter((file) => file !== path.join("lib", "export", "csv.ts"));
    expect(files.filter((file) => handWritten(readFileSync(path.join(root, file), "utf8")))).toEqual([]);
  });

  it.each([
    'import { stringify } from "csv-stringify/sync";',
    'headers: { "Content-Type": "text/csv; charset=utf-8" }',
    'rows.map((r) => r.join(";")).join("\\r\\n")',
  ])("recognises a hand-written CSV: %s", (source) => {
    expect(handWritten(source)).toBe(true);
  });

  it("answers a download that is never cached or sniffed, with a safe file name", () => {
    const response = csvResponse("\uFEFFA\r\n", 'factures "2026"/../x.csv');
    expect(response.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="factures__2026__.._x.csv"');
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    expect(response.headers.get("X-Content-Type-Options")).toBe("nosniff");
  });

  it("neutralises a header cell too", () => {
    expect(toCsv(["=cmd", "Nom"], []).replace(/^\uFEFF/, "")).toBe(`"'=cmd";Nom\r\n`);
  });
});
