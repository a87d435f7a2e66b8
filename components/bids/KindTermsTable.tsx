import { DataTable } from "@/components/ui/DataTable";

/** One term compared across the bids: its label and one value per bid, in the bids' order. */
export interface TermRow {
  key: string;
  label: string;
  values: string[];
}

/**
 * The terms specific to the kind of need (a training's hours, sessions, Qualiopi…) side by side:
 * one column per bid, headed by its expert, one row per term, headed by its label. Shown on every
 * screen width (it scrolls sideways when narrow).
 */
export function KindTermsTable({ caption, termHeader, bids, rows }: { caption: string; termHeader: string; bids: { id: string; expertName: string }[]; rows: TermRow[] }) {
  return (
    <section className="rounded-lg border border-stone-200 bg-white">
      <DataTable
        caption={<span className="font-semibold text-stone-900">{caption}</span>}
        columns={[
          { key: "term", header: termHeader, rowHeader: true, cell: (row: TermRow) => <span className="font-semibold">{row.label}</span> },
          ...bids.map((bid, index) => ({ key: bid.id, header: bid.expertName, cell: (row: TermRow) => row.values[index] ?? "—" })),
        ]}
        rows={rows}
        rowKey={(row) => row.key}
        empty={null}
      />
    </section>
  );
}
