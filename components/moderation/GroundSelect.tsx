"use client";

import { useTranslations } from "next-intl";
import { RESTRICTION_GROUNDS } from "@/lib/moderation/rules";

interface GroundSelectProps {
  id: string;
  label: string;
  defaultValue: string;
  /** An empty first choice: the admin must pick the ground themselves (no default). */
  placeholder?: string;
  /** Shown above the list (otherwise the label is for screen readers only). */
  visibleLabel?: boolean;
  error?: string;
}

/** The ground of a restriction (terms clause or law), for the statement of reasons (DSA art. 17). */
export function GroundSelect({ id, label, defaultValue, placeholder, visibleLabel = false, error }: GroundSelectProps) {
  const t = useTranslations("moderation");
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className={visibleLabel ? "font-semibold" : "sr-only"}>
        {label}
      </label>
      <select
        id={id}
        name="ground"
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="min-h-11 max-w-full rounded-md border border-stone-400 bg-white px-2 text-sm"
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {RESTRICTION_GROUNDS.map((ground) => (
          <option key={ground} value={ground}>
            {t(`ground.${ground}`)}
          </option>
        ))}
      </select>
      {error ? (
        <p id={`${id}-error`} className="text-sm font-medium text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
