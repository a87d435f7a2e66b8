"use client";

import { useTranslations } from "next-intl";
import { RESTRICTION_GROUNDS } from "@/lib/moderation/rules";

/** The ground of a restriction (terms clause or law), for the statement of reasons (DSA art. 17). */
export function GroundSelect({ id, label, defaultValue }: { id: string; label: string; defaultValue: string }) {
  const t = useTranslations("moderation");
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <select id={id} name="ground" defaultValue={defaultValue} className="min-h-11 max-w-72 rounded-md border border-stone-400 bg-white px-2 text-sm">
        {RESTRICTION_GROUNDS.map((ground) => (
          <option key={ground} value={ground}>
            {t(`ground.${ground}`)}
          </option>
        ))}
      </select>
    </>
  );
}
