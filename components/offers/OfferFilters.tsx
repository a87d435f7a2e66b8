import { getTranslations } from "next-intl/server";
import { FilterCheckbox, FilterForm, FilterInput, FilterSelect } from "@/components/ui/FilterControls";
import type { Departement } from "@/lib/geo/departements";
import type { OfferFilters as Filters } from "@/lib/offers/schemas";
import { hasOfferFilters } from "./offer-query";

const KINDS = ["installation", "support_one_off", "support_monthly", "training"] as const;

/** The catalogue's GET search form: works without JavaScript, every control labelled. */
export async function OfferFilters({ filters, catalog, departements }: { filters: Filters; catalog: { slug: string; name: string }[]; departements: readonly Departement[] }) {
  const t = await getTranslations("offers");
  return (
    <FilterForm action="/offers" label={t("searchLabel")} submit={t("submit")} reset={hasOfferFilters(filters) ? t("reset") : null}>
      <FilterInput id="offers-q" name="q" type="search" maxLength={100} defaultValue={filters.q} label={t("filterQ")} hint={t("filterQHint")} wide />
      <FilterSelect id="offers-software" name="software" label={t("fieldSoftware")} anyLabel={t("allSoftware")} value={filters.software} options={catalog.map((s) => ({ value: s.slug, label: s.name }))} />
      <FilterSelect id="offers-kind" name="kind" label={t("fieldKind")} anyLabel={t("allKinds")} value={filters.kind ?? ""} options={KINDS.map((kind) => ({ value: kind, label: t(`kind_${kind}`) }))} />
      <FilterInput id="offers-max-price" name="maxPrice" type="number" inputMode="numeric" min={1} step={1} defaultValue={filters.maxPrice ?? ""} label={t("filterMaxPrice")} />
      <FilterSelect
        id="offers-departement"
        name="departement"
        label={t("filterDepartement")}
        anyLabel={t("allDepartements")}
        value={filters.departement ?? ""}
        options={departements.map((d) => ({ value: d.code, label: `${d.code} · ${d.name}` }))}
      />
      <FilterCheckbox id="offers-remote" name="remote" label={t("filterRemote")} checked={Boolean(filters.remote)} />
    </FilterForm>
  );
}
