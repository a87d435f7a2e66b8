import { getTranslations } from "next-intl/server";
import { FilterCheckbox, FilterForm, FilterInput, FilterSelect } from "@/components/ui/FilterControls";
import type { Departement } from "@/lib/geo/departements";
import type { JobFilters as Filters } from "@/lib/jobs/queries";
import { JOB_KINDS, POSTED_WITHIN_DAYS } from "./job-format";
import { hasActiveJobFilters } from "./job-query";

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
    <FilterForm action="/jobs" label={t("searchLabel")} submit={t("submit")} reset={hasActiveJobFilters(filters) ? t("reset") : null}>
      <FilterInput id="jobs-q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ""} label={t("filterQ")} hint={t("filterQHint")} wide />
      <FilterSelect id="jobs-kind" name="kind" label={t("filterKind")} anyLabel={t("allKinds")} value={filters.kind ?? ""} options={JOB_KINDS.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))} />
      <FilterSelect
        id="jobs-software"
        name="software"
        label={t("filterSoftware")}
        anyLabel={t("allSoftware")}
        value={filters.software ?? ""}
        options={catalog.map((software) => ({ value: software.slug, label: software.name }))}
      />
      <FilterSelect
        id="jobs-posted"
        name="postedWithinDays"
        label={t("filterPosted")}
        anyLabel={t("postedAny")}
        value={filters.postedWithinDays ? String(filters.postedWithinDays) : ""}
        options={periods.map((days) => ({ value: String(days), label: t("postedWithin", { days }) }))}
      />
      <FilterSelect
        id="jobs-departement"
        name="departement"
        label={t("filterDepartement")}
        anyLabel={t("allDepartements")}
        value={filters.departement ?? ""}
        options={departements.map((d) => ({ value: d.code, label: t("departementOption", { code: d.code, name: d.name }) }))}
      />
      <FilterInput
        id="jobs-min-budget"
        name="minBudget"
        type="number"
        inputMode="numeric"
        min={1}
        max={10000000}
        step={1}
        defaultValue={filters.minBudget ?? ""}
        label={t("filterMinBudget")}
        hint={t("filterMinBudgetHint")}
      />
      <FilterCheckbox id="jobs-remote" name="remote" label={t("filterRemote")} hint={t("filterRemoteHint")} checked={filters.remote} />
    </FilterForm>
  );
}
