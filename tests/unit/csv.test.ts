import { describe, expect, it } from "vitest";
import { csvAmount, toCsv } from "@/lib/export/csv";

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
