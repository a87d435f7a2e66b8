import { describe, expect, it } from "vitest";
import { csvAmount, csvLine, csvText } from "@/lib/text/csv";

describe("CSV cells", () => {
  it.each([
    ["=HYPERLINK(\"http://evil.example\";\"x\")", `"'=HYPERLINK(""http://evil.example"";""x"")"`],
    ["+33 6 12 34 56 78", `"'+33 6 12 34 56 78"`],
    ["-2+3", `"'-2+3"`],
    ["@SUM(A1)", `"'@SUM(A1)"`],
    ["\t=1+1", `"'\t=1+1"`],
    ["\r=1+1", `"'\r=1+1"`],
  ])("neutralises a text cell a spreadsheet would run: %j", (value, cell) => {
    expect(csvText(value)).toBe(cell);
  });

  it("leaves ordinary text alone, and quotes separators and quotes", () => {
    expect(csvText("Boulangerie Martin SARL")).toBe("Boulangerie Martin SARL");
    expect(csvText("Dupont; fils")).toBe('"Dupont; fils"');
    expect(csvText('Le "bon" coin')).toBe('"Le ""bon"" coin"');
    expect(csvText("A=B")).toBe("A=B");
    expect(csvText("")).toBe("");
  });

  it("writes amounts as French decimal numbers, negative ones included", () => {
    expect(csvAmount(12_050)).toBe("120,50");
    expect(csvAmount(-1_250)).toBe("-12,50");
    expect(csvAmount(-5)).toBe("-0,05");
    expect(csvAmount(0)).toBe("0,00");
    expect(() => csvAmount(1.5)).toThrow();
  });

  it("keeps a credit note's negative amount a number while a name starting with - is text", () => {
    expect(csvLine(["-Dupont", { amount: -1_000 }])).toBe(`"'-Dupont";-10,00`);
  });
});
