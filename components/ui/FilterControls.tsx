import Link from "next/link";
import type { InputHTMLAttributes, ReactNode } from "react";
import { buttonClasses } from "./Button";

const labelClass = "text-sm font-semibold text-stone-900";
const hintClass = "text-sm text-stone-600";
const controlClass = "min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900";

/** A search form that works without JavaScript (GET), with a grid of labelled filters. */
export function FilterForm({ action, label, submit, reset, children }: { action: string; label: string; submit: string; reset: string | null; children: ReactNode }) {
  return (
    <form method="get" action={action} role="search" aria-label={label} className="rounded-lg border border-stone-200 bg-white p-5">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">{children}</div>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          {submit}
        </button>
        {reset ? (
          <Link href={action} className={buttonClasses("ghost")}>
            {reset}
          </Link>
        ) : null}
      </div>
    </form>
  );
}

/** A labelled input (search, number…) with an optional hint tied to it. */
export function FilterInput({ id, label, hint, wide, ...input }: InputHTMLAttributes<HTMLInputElement> & { id: string; label: string; hint?: string; wide?: boolean }) {
  return (
    <div className={`flex flex-col gap-1 ${wide ? "sm:col-span-2 lg:col-span-3" : ""}`}>
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className={hintClass}>
          {hint}
        </p>
      ) : null}
      <input id={id} aria-describedby={hint ? `${id}-hint` : undefined} className={controlClass} {...input} />
    </div>
  );
}

/** A labelled select whose first option means "any". */
export function FilterSelect({
  id,
  name,
  label,
  anyLabel,
  value,
  options,
}: {
  id: string;
  name: string;
  label: string;
  anyLabel: string;
  value: string;
  options: { value: string; label: string }[];
}) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={labelClass}>
        {label}
      </label>
      <select id={id} name={name} defaultValue={value} className={controlClass}>
        <option value="">{anyLabel}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A labelled checkbox (value "1"), with an optional hint. */
export function FilterCheckbox({ id, name, label, hint, checked }: { id: string; name: string; label: string; hint?: string; checked: boolean }) {
  return (
    <div className="flex items-start gap-3 sm:self-end sm:pb-2.5">
      <input
        id={id}
        name={name}
        type="checkbox"
        value="1"
        defaultChecked={checked}
        aria-describedby={hint ? `${id}-hint` : undefined}
        className="mt-0.5 size-5 shrink-0 rounded border-stone-400 accent-brand-700"
      />
      <div className="flex flex-col gap-1">
        <label htmlFor={id} className={labelClass}>
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className={hintClass}>
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}
