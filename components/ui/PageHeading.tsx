import type { ReactNode } from "react";

export function PageHeading({ title, lead }: { title: string; lead?: ReactNode }) {
  return (
    <div className="mb-8">
      <h1 className="text-3xl font-bold tracking-tight text-stone-900">{title}</h1>
      {lead ? <p className="mt-3 max-w-2xl text-lg text-stone-700">{lead}</p> : null}
    </div>
  );
}
