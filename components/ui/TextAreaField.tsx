"use client";

import { useId, type TextareaHTMLAttributes } from "react";

/** A labelled textarea whose id is unique on the page, with its hint and error linked. */
export function TextAreaField({ label, hint, error, ...props }: { label: string; hint?: string; error?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-semibold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="text-sm text-stone-600">
          {hint}
        </p>
      ) : null}
      <textarea
        id={id}
        rows={5}
        required
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        className={`min-h-11 rounded-md border bg-white px-3 py-2 text-base text-stone-900 ${error ? "border-red-700" : "border-stone-400"}`}
        {...props}
      />
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
