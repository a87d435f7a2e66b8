import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/Button";

/**
 * The period of the invoices page: two dates in a GET form (works without JavaScript) and links
 * to the usual periods; the link of the period shown is marked current.
 */
export async function PeriodFilter({
  from,
  to,
  presets,
}: {
  from?: string;
  to?: string;
  /** The usual periods: label key (`preset_thisMonth`…), link, and whether it is the period shown. */
  presets: { key: string; href: string; current: boolean }[];
}) {
  const t = await getTranslations("invoices");
  const values = { from, to };
  return (
    <section aria-labelledby="invoice-period" className="flex flex-col gap-4 rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="invoice-period" className="text-xl font-semibold">
        {t("periodHeading")}
      </h2>
      <form method="get" action="/invoices" className="flex flex-wrap items-end gap-4">
        {(["from", "to"] as const).map((name) => (
          <div key={name} className="flex flex-col gap-1">
            <label htmlFor={`period-${name}`} className="text-sm font-semibold text-stone-900">
              {t(name)}
            </label>
            <input
              id={`period-${name}`}
              type="date"
              name={name}
              defaultValue={values[name] ?? ""}
              className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900"
            />
          </div>
        ))}
        <button type="submit" className={buttonClasses("primary")}>
          {t("apply")}
        </button>
      </form>
      <nav aria-label={t("presetsLabel")}>
        <ul className="flex flex-wrap gap-x-5 gap-y-2 text-sm">
          {presets.map((preset) => (
            <li key={preset.key}>
              <Link
                href={preset.href}
                aria-current={preset.current ? "true" : undefined}
                className={preset.current ? "font-semibold text-stone-900 no-underline" : "underline"}
              >
                {t(preset.key as never)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
    </section>
  );
}
