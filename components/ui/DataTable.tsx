import type { ReactNode } from "react";

/** One column: its header, what each row shows in it, and how it is laid out. */
export interface DataColumn<Row> {
  /** Unique among the table's columns (React key). */
  key: string;
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** Amounts and counts: right-aligned, in tabular figures so the digits line up. */
  numeric?: boolean;
  /** The cell names its row: a `<th scope="row">` (one column at most, usually the first). */
  rowHeader?: boolean;
  /** Extra classes on the column's cells (not its header): width limits, emphasis. */
  className?: string;
}

export interface DataTableProps<Row> {
  /** What the table lists, for screen readers (and on screen unless `captionHidden`). */
  caption: ReactNode;
  /** The caption is read but not shown: when a heading right above already says it. */
  captionHidden?: boolean;
  columns: readonly DataColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there is no row; null when the page already says so. */
  empty: ReactNode;
  /** "compact": smaller cell padding, for short summary tables. */
  density?: "regular" | "compact";
  /** Extra classes on the table: a minimum width before it scrolls sideways, a maximum width. */
  className?: string;
  /**
   * Tables wide enough to scroll sideways (a month per row and many figures): the scrolling box
   * becomes a region with this name that the keyboard reaches, so it can scroll without a mouse.
   */
  regionLabel?: string;
  /** `data-testid` of the table, for the journeys that read it. */
  testId?: string;
}

const join = (...classes: (string | false | undefined)[]) => classes.filter(Boolean).join(" ");

/**
 * The app's data table: a caption, column headers with `scope`, an optional row header, numbers
 * right-aligned in tabular figures, a plain sentence when there is nothing to list, and sideways
 * scrolling on a narrow screen. Markup only, so it serves server and client components alike.
 */
export function DataTable<Row>({ caption, captionHidden = false, columns, rows, rowKey, empty, density = "regular", className, regionLabel, testId }: DataTableProps<Row>) {
  if (rows.length === 0) return empty === null ? null : <p className="text-stone-700">{empty}</p>;
  const pad = density === "compact" ? "p-2" : "p-3";
  const align = (column: DataColumn<Row>) => (column.numeric ? "text-right tabular-nums" : undefined);
  return (
    <div className="overflow-x-auto" {...(regionLabel ? { tabIndex: 0, role: "region", "aria-label": regionLabel } : {})}>
      <table className={join("w-full border-collapse bg-white text-left text-sm", className)} data-testid={testId}>
        <caption className={captionHidden ? "sr-only" : join(pad, "text-left text-stone-700")}>{caption}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            {columns.map((column) => (
              <th key={column.key} scope="col" className={join(pad, align(column))}>
                {column.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-stone-200 align-top">
              {columns.map((column) =>
                column.rowHeader ? (
                  <th key={column.key} scope="row" className={join(pad, "font-normal", align(column), column.className)}>
                    {column.cell(row)}
                  </th>
                ) : (
                  <td key={column.key} className={join(pad, align(column), column.className)}>
                    {column.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
