import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * Amounts are integer cents everywhere, and only lib/money turns them into euros (issue 18): a
 * `cents / 100` or a currency format anywhere else is a second money formatter
 * in the making. Use `formatMoney`, `documentMoney`, `decimalString`, `amountInput`,
 * `wholeEuros` or `bpsToPercent` from lib/money/format.ts instead.
 */
const root = path.resolve(import.meta.dirname, "../..");
const MONEY_DIR = path.join("lib", "money");

const FORBIDDEN: [name: string, pattern: RegExp][] = [
  ["division by 100", /\/\s*100(?![\d.]|\s*\*)/],
  ["currency format outside lib/money", /style:\s*["']currency["']|currency:\s*["']EUR["']/],
];

function sources(dir: string): string[] {
  return readdirSync(path.join(root, dir)).flatMap((name) => {
    const relative = path.join(dir, name);
    if (statSync(path.join(root, relative)).isDirectory()) return relative === MONEY_DIR ? [] : sources(relative);
    return /\.(ts|tsx|mts)$/.test(name) ? [relative] : [];
  });
}

/** Each offending line as "file:line: text", comments included (an example in a comment is copied). */
function offences(file: string, source: string): string[] {
  return source.split("\n").flatMap((line, i) =>
    FORBIDDEN.filter(([, pattern]) => pattern.test(line)).map(([name]) => `${file}:${i + 1}: ${name}: ${line.trim()}`),
  );
}

describe("money is formatted in lib/money only", () => {
  it("finds no cents-to-euros conversion outside lib/money", () => {
    const files = ["app", "components", "emails", "lib"].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    expect(files.some((f) => f.startsWith(MONEY_DIR))).toBe(false);
    expect(files.flatMap((file) => offences(file, readFileSync(path.join(root, file), "utf8")))).toEqual([]);
  });

  it.each([
    "format.number(cents / 100, { style: \"currency\", currency: \"EUR\" })",
    "const euros = String(amountCents/100);",
    "new Intl.NumberFormat(\"fr-FR\", { style: 'currency', currency: 'EUR' })",
    "(cents / 100).toFixed(2)",
  ])("recognises %s", (line) => {
    expect(offences("x.ts", line)).not.toEqual([]);
  });

  it("leaves what is not money alone", () => {
    expect(offences("x.ts", "const seconds = (skew / 1000).toFixed(2); const pct = done / 1000;")).toEqual([]);
  });
});
