"use client";

import { useState, type ReactNode } from "react";

interface RepeatableRowsProps {
  /** Indexes of the rows present at first render. */
  initialCount: number;
  max: number;
  legend: string;
  addLabel: string;
  removeLabel: (position: number) => string;
  renderRow: (index: number) => ReactNode;
}

/** A list of field rows the person can add to and remove from (fields are named by row index). */
export function RepeatableRows({ initialCount, max, legend, addLabel, removeLabel, renderRow }: RepeatableRowsProps) {
  const [rows, setRows] = useState(() => Array.from({ length: initialCount }, (_, i) => i));
  const [nextId, setNextId] = useState(initialCount);
  return (
    <fieldset className="flex flex-col gap-3">
      <legend className="text-base font-semibold">{legend}</legend>
      <ol className="flex flex-col gap-3">
        {rows.map((rowId, position) => (
          <li key={rowId} className="flex flex-wrap items-end gap-3 rounded-md border border-stone-200 bg-stone-50 p-3">
            {renderRow(rowId)}
            <button
              type="button"
              onClick={() => setRows((current) => current.filter((id) => id !== rowId))}
              className="min-h-11 rounded-md px-3 text-sm font-semibold text-red-800 underline-offset-4 hover:underline"
            >
              {removeLabel(position + 1)}
            </button>
          </li>
        ))}
      </ol>
      {rows.length < max ? (
        <button
          type="button"
          onClick={() => {
            setRows((current) => [...current, nextId]);
            setNextId((id) => id + 1);
          }}
          className="min-h-11 self-start rounded-md border border-stone-300 bg-white px-3 text-sm font-semibold hover:bg-stone-100"
        >
          {addLabel}
        </button>
      ) : null}
    </fieldset>
  );
}
