import { getTranslations } from "next-intl/server";
import { FilterCheckbox, FilterForm, FilterInput, FilterSelect } from "@/components/ui/FilterControls";
import type { DirectoryFilters as Filters } from "@/lib/experts/directory";
import type { Departement } from "@/lib/geo/departements";
import { hasActiveFilters } from "./directory-query";
import type { ServiceKind } from "./directory-format";

const serviceKinds: readonly ServiceKind[] = ["installation", "support", "training"];

interface DirectoryFiltersProps {
  filters: Filters;
  catalog: { slug: string; name: string }[];
  departements: readonly Departement[];
}

/** The directory's GET search form: works without JavaScript, every control labelled. */
export async function DirectoryFilters({ filters, catalog, departements }: DirectoryFiltersProps) {
  const t = await getTranslations("directory");
  return (
    <FilterForm action="/experts" label={t("searchLabel")} submit={t("submit")} reset={hasActiveFilters(filters) ? t("reset") : null}>
      <FilterInput id="directory-q" name="q" type="search" maxLength={100} defaultValue={filters.q ?? ""} label={t("filterQ")} hint={t("filterQHint")} wide />
      <FilterSelect
        id="directory-software"
        name="software"
        label={t("filterSoftware")}
        anyLabel={t("allSoftware")}
        value={filters.software ?? ""}
        options={catalog.map((software) => ({ value: software.slug, label: software.name }))}
      />
      <FilterSelect id="directory-kind" name="kind" label={t("filterKind")} anyLabel={t("allKinds")} value={filters.kind ?? ""} options={serviceKinds.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))} />
      <FilterSelect
        id="directory-departement"
        name="departement"
        label={t("filterDepartement")}
        anyLabel={t("allDepartements")}
        value={filters.departement ?? ""}
        options={departements.map((d) => ({ value: d.code, label: t("departementOption", { code: d.code, name: d.name }) }))}
      />
      <FilterInput id="directory-max-rate" name="maxRate" type="number" inputMode="numeric" min={1} max={100000} step={1} defaultValue={filters.maxRate ?? ""} label={t("filterMaxRate")} />
      <FilterCheckbox id="directory-remote" name="remote" label={t("filterRemote")} checked={filters.remote} />
    </FilterForm>
  );
}
