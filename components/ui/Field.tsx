import type { InputHTMLAttributes } from "react";

interface FieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name"> {
  name: string;
  /** Needed when the same field name appears in several forms on one page. */
  id?: string;
  label: string;
  hint?: string;
  /** Translated error message; sets aria-invalid and links the message to the input. */
  error?: string;
  optionalLabel?: string;
}

/** A labelled text input with its hint and error, accessible (RGAA): label, describedby, invalid. */
export function Field({ name, id: idOverride, label, hint, error, optionalLabel, className = "", ...input }: FieldProps) {
  const id = idOverride ?? `field-${name}`;
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={id} className="text-sm font-semibold text-stone-900">
        {label}
        {optionalLabel ? <span className="font-normal text-stone-600"> ({optionalLabel})</span> : null}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={`min-h-11 rounded-md border bg-white px-3 py-2 text-base text-stone-900 ${
          error ? "border-red-700" : "border-stone-400"
        }`}
        {...input}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
