import type { ReactNode } from "react";

interface Column {
  label: string;
  numeric?: boolean;
}

/** The figures of a chart as a table: one row per month (a row header), one column per figure. */
export function MonthTable({ caption, columns, rows, testId }: { caption: string; columns: Column[]; rows: { key: string; header: ReactNode; cells: ReactNode[] }[]; testId?: string }) {
  return (
    <div className="max-w-full overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table className="w-full border-collapse text-sm" data-testid={testId}>
        <caption className="mb-2 text-left text-stone-700">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <th key={column.label} scope="col" className={`border-b border-stone-300 px-3 py-2 font-semibold ${column.numeric ? "text-right" : "text-left"}`}>
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="border-b border-stone-200 px-3 py-2 text-left font-normal whitespace-nowrap">
                {row.header}
              </th>
              {row.cells.map((cell, index) => (
                <td key={index} className="border-b border-stone-200 px-3 py-2 text-right tabular-nums whitespace-nowrap">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
