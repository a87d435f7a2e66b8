import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/Button";
import type { DirectoryFilters as Filters } from "@/lib/experts/directory";
import type { Departement } from "@/lib/geo/departements";
import { hasActiveFilters } from "./directory-query";
import type { ServiceKind } from "./directory-format";

const serviceKinds: readonly ServiceKind[] = ["installation", "support", "training"];

const labelClass = "text-sm font-semibold text-stone-900";
const controlClass = "min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900";

interface DirectoryFiltersProps {
  filters: Filters;
  catalog: { slug: string; name: string }[];
  departements: readonly Departement[];
}

/** The directory's GET search form: works without JavaScript, every control labelled. */
export async function DirectoryFilters({ filters, catalog, departements }: DirectoryFiltersProps) {
  const t = await getTranslations("directory");
  return (
    <form method="get" action="/experts" role="search" aria-label={t("searchLabel")} className="rounded-lg border border-stone-200 bg-white p-5">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="flex flex-col gap-1 sm:col-span-2 lg:col-span-3">
          <label htmlFor="directory-q" className={labelClass}>
            {t("filterQ")}
          </label>
          <p id="directory-q-hint" className="text-sm text-stone-600">
            {t("filterQHint")}
          </p>
          <input
            id="directory-q"
            name="q"
            type="search"
            maxLength={100}
            defaultValue={filters.q ?? ""}
            aria-describedby="directory-q-hint"
            className={controlClass}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="directory-software" className={labelClass}>
            {t("filterSoftware")}
          </label>
          <select id="directory-software" name="software" defaultValue={filters.software ?? ""} className={controlClass}>
            <option value="">{t("allSoftware")}</option>
            {catalog.map((software) => (
              <option key={software.slug} value={software.slug}>
                {software.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="directory-kind" className={labelClass}>
            {t("filterKind")}
          </label>
          <select id="directory-kind" name="kind" defaultValue={filters.kind ?? ""} className={controlClass}>
            <option value="">{t("allKinds")}</option>
            {serviceKinds.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind_${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="directory-departement" className={labelClass}>
            {t("filterDepartement")}
          </label>
          <select id="directory-departement" name="departement" defaultValue={filters.departement ?? ""} className={controlClass}>
            <option value="">{t("allDepartements")}</option>
            {departements.map((d) => (
              <option key={d.code} value={d.code}>
                {t("departementOption", { code: d.code, name: d.name })}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="directory-max-rate" className={labelClass}>
            {t("filterMaxRate")}
          </label>
          <input
            id="directory-max-rate"
            name="maxRate"
            type="number"
            inputMode="numeric"
            min={1}
            max={100000}
            step={1}
            defaultValue={filters.maxRate ?? ""}
            className={controlClass}
          />
        </div>
        <div className="flex items-center gap-3 sm:self-end sm:pb-2.5">
          <input
            id="directory-remote"
            name="remote"
            type="checkbox"
            value="1"
            defaultChecked={filters.remote}
            className="size-5 rounded border-stone-400 accent-brand-700"
          />
          <label htmlFor="directory-remote" className={labelClass}>
            {t("filterRemote")}
          </label>
        </div>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          {t("submit")}
        </button>
        {hasActiveFilters(filters) ? (
          <Link href="/experts" className={buttonClasses("ghost")}>
            {t("reset")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
