import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/Button";
import type { Departement } from "@/lib/geo/departements";
import type { JobFilters as Filters } from "@/lib/jobs/queries";
import { JOB_KINDS, POSTED_WITHIN_DAYS } from "./job-format";
import { hasActiveJobFilters } from "./job-query";

const labelClass = "text-sm font-semibold text-stone-900";
const hintClass = "text-sm text-stone-600";
const controlClass = "min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base text-stone-900";

interface JobFiltersProps {
  filters: Filters;
  catalog: { slug: string; name: string }[];
  departements: readonly Departement[];
}

/** The job board's GET search form: works without JavaScript, every control labelled. */
export async function JobFilters({ filters, catalog, departements }: JobFiltersProps) {
  const t = await getTranslations("jobBoard");
  // A hand-written URL may ask for another period than the offered ones: keep it selectable.
  const periods = [...new Set([...POSTED_WITHIN_DAYS, ...(filters.postedWithinDays ? [filters.postedWithinDays] : [])])].sort((a, b) => a - b);
  return (
    <form method="get" action="/jobs" role="search" aria-label={t("searchLabel")} className="rounded-lg border border-stone-200 bg-white p-5">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="flex flex-col gap-1 sm:col-span-2 lg:col-span-3">
          <label htmlFor="jobs-q" className={labelClass}>
            {t("filterQ")}
          </label>
          <p id="jobs-q-hint" className={hintClass}>
            {t("filterQHint")}
          </p>
          <input id="jobs-q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ""} aria-describedby="jobs-q-hint" className={controlClass} />
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="jobs-kind" className={labelClass}>
            {t("filterKind")}
          </label>
          <select id="jobs-kind" name="kind" defaultValue={filters.kind ?? ""} className={controlClass}>
            <option value="">{t("allKinds")}</option>
            {JOB_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind_${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="jobs-software" className={labelClass}>
            {t("filterSoftware")}
          </label>
          <select id="jobs-software" name="software" defaultValue={filters.software ?? ""} className={controlClass}>
            <option value="">{t("allSoftware")}</option>
            {catalog.map((software) => (
              <option key={software.slug} value={software.slug}>
                {software.name}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="jobs-posted" className={labelClass}>
            {t("filterPosted")}
          </label>
          <select id="jobs-posted" name="postedWithinDays" defaultValue={filters.postedWithinDays ? String(filters.postedWithinDays) : ""} className={controlClass}>
            <option value="">{t("postedAny")}</option>
            {periods.map((days) => (
              <option key={days} value={String(days)}>
                {t("postedWithin", { days })}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="jobs-departement" className={labelClass}>
            {t("filterDepartement")}
          </label>
          <select id="jobs-departement" name="departement" defaultValue={filters.departement ?? ""} className={controlClass}>
            <option value="">{t("allDepartements")}</option>
            {departements.map((d) => (
              <option key={d.code} value={d.code}>
                {t("departementOption", { code: d.code, name: d.name })}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-col gap-1">
          <label htmlFor="jobs-min-budget" className={labelClass}>
            {t("filterMinBudget")}
          </label>
          <p id="jobs-min-budget-hint" className={hintClass}>
            {t("filterMinBudgetHint")}
          </p>
          <input
            id="jobs-min-budget"
            name="minBudget"
            type="number"
            inputMode="numeric"
            min={1}
            max={10000000}
            step={1}
            defaultValue={filters.minBudget ?? ""}
            aria-describedby="jobs-min-budget-hint"
            className={controlClass}
          />
        </div>
        <div className="flex items-start gap-3 sm:self-end sm:pb-2.5">
          <input
            id="jobs-remote"
            name="remote"
            type="checkbox"
            value="1"
            defaultChecked={filters.remote}
            aria-describedby="jobs-remote-hint"
            className="mt-0.5 size-5 shrink-0 rounded border-stone-400 accent-brand-700"
          />
          <div className="flex flex-col gap-1">
            <label htmlFor="jobs-remote" className={labelClass}>
              {t("filterRemote")}
            </label>
            <p id="jobs-remote-hint" className={hintClass}>
              {t("filterRemoteHint")}
            </p>
          </div>
        </div>
      </div>
      <div className="mt-5 flex flex-wrap items-center gap-3">
        <button type="submit" className={buttonClasses("primary")}>
          {t("submit")}
        </button>
        {hasActiveJobFilters(filters) ? (
          <Link href="/jobs" className={buttonClasses("ghost")}>
            {t("reset")}
          </Link>
        ) : null}
      </div>
    </form>
  );
}
