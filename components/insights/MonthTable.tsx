import type { ReactNode } from "react";
import { DataTable, type DataColumn } from "@/components/ui/DataTable";

interface Column {
  label: string;
  numeric?: boolean;
}

interface MonthRow {
  key: string;
  header: ReactNode;
  cells: ReactNode[];
}

/**
 * The figures of a chart as a table (components/ui/DataTable): one row per month (a row header,
 * the first column), one column per figure; a region the keyboard scrolls on a narrow screen.
 */
export function MonthTable({ caption, columns, rows, testId }: { caption: string; columns: Column[]; rows: MonthRow[]; testId?: string }) {
  const dataColumns: DataColumn<MonthRow>[] = columns.map((column, index) =>
    index === 0
      ? { key: `${index}`, header: column.label, cell: (row) => row.header, rowHeader: true, className: "whitespace-nowrap" }
      : { key: `${index}`, header: column.label, cell: (row) => row.cells[index - 1], numeric: column.numeric ?? true, className: "whitespace-nowrap" },
  );
  return <DataTable caption={caption} columns={dataColumns} rows={rows} rowKey={(row) => row.key} empty={null} density="compact" regionLabel={caption} testId={testId} />;
}
