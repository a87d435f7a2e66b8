import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";

/** Frame of a legal page: its title, date of last update and the localised body. */
export async function LegalPage({ title, lastUpdated, children }: { title: string; lastUpdated: string; children: ReactNode }) {
  const [t, format] = await Promise.all([getTranslations("legal"), getFormatter()]);
  return (
    <article className="max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-2 text-sm text-stone-600">{t("updated", { date: format.dateTime(new Date(lastUpdated), { dateStyle: "long" }) })}</p>
      {children}
    </article>
  );
}
