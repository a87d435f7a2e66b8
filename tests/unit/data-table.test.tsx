import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DataTable, type DataColumn, type DataTableProps } from "@/components/ui/DataTable";

interface Line {
  id: string;
  name: string;
  cents: number;
}

const columns: DataColumn<Line>[] = [
  { key: "name", header: "Jalon", rowHeader: true, cell: (line) => line.name },
  { key: "amount", header: "Montant", numeric: true, className: "font-semibold", cell: (line) => String(line.cents) },
  { key: "note", header: "Note", cell: () => "—" },
];
const lines: Line[] = [
  { id: "a", name: "Installation", cents: 1200 },
  { id: "b", name: "Formation", cents: 50 },
];

const html = (props: Partial<DataTableProps<Line>> = {}) =>
  renderToStaticMarkup(<DataTable caption="Virements reçus" empty="Aucun virement." columns={columns} rows={lines} rowKey={(line) => line.id} {...props} />);
/** Each element of a kind as [its attributes, its text]. */
const elements = (markup: string, tag: string): [string, string][] => [...markup.matchAll(new RegExp(`<${tag}( [^>]*)?>(.*?)</${tag}>`, "g"))].map((m) => [m[1]?.trim() ?? "", m[2] ?? ""]);
const section = (markup: string, tag: string) => new RegExp(`<${tag}>(.*)</${tag}>`).exec(markup)?.[1] ?? "";

describe("DataTable", () => {
  it("has a caption, column headers with scope, and a row header per row", () => {
    const markup = html();
    expect(elements(markup, "caption").map(([, text]) => text)).toEqual(["Virements reçus"]);
    expect(elements(section(markup, "thead"), "th").map(([attributes, text]) => [/scope="(\w+)"/.exec(attributes)?.[1], text])).toEqual([
      ["col", "Jalon"],
      ["col", "Montant"],
      ["col", "Note"],
    ]);
    const body = section(markup, "tbody");
    expect(elements(body, "th").map(([attributes, text]) => [/scope="(\w+)"/.exec(attributes)?.[1], text])).toEqual([
      ["row", "Installation"],
      ["row", "Formation"],
    ]);
    expect(elements(body, "td").map(([, text]) => text)).toEqual(["1200", "—", "50", "—"]);
    expect(elements(body, "tr")).toHaveLength(2);
  });

  it("right-aligns numbers in tabular figures, header included, and keeps a column's own classes", () => {
    const markup = html();
    const [, amountHeader] = elements(section(markup, "thead"), "th");
    const [amount, note] = elements(section(markup, "tbody"), "td");
    expect(amountHeader?.[0]).toContain("text-right tabular-nums");
    expect(amount?.[0]).toContain("text-right tabular-nums");
    expect(amount?.[0]).toContain("font-semibold");
    expect(note?.[0]).not.toContain("text-right");
  });

  it("shows the caption on screen, or to screen readers only", () => {
    expect(elements(html(), "caption")[0]?.[0]).not.toContain("sr-only");
    expect(elements(html({ captionHidden: true }), "caption")[0]?.[0]).toBe('class="sr-only"');
  });

  it("says so in a sentence when there is no row, without an empty table", () => {
    const markup = html({ rows: [] });
    expect(markup).not.toContain("<table");
    expect(elements(markup, "p").map(([, text]) => text)).toEqual(["Aucun virement."]);
  });

  it("shows nothing at all when the page already says there is no row", () => {
    expect(html({ rows: [], empty: null })).toBe("");
  });

  it("makes plain cells of every column when none names the row", () => {
    const body = section(html({ columns: columns.map((column) => ({ ...column, rowHeader: false })) }), "tbody");
    expect(elements(body, "th")).toHaveLength(0);
    expect(elements(body, "td")).toHaveLength(6);
  });
});
