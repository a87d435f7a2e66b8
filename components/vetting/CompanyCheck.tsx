import { getFormatter, getTranslations } from "next-intl/server";
import type { ExpertProfile } from "@/db/schema";
import { Alert } from "@/components/ui/Alert";
import type { CompanyFlags } from "@/lib/experts/company-flags";

/** The declared business beside INSEE's Sirene answer, with the vetting desk's warnings. */
export async function CompanyCheck({ flags, declared }: { flags: CompanyFlags; declared: Pick<ExpertProfile, "displayName" | "legalForm"> }) {
  const [t, p, format] = await Promise.all([getTranslations("vetting"), getTranslations("expertProfile"), getFormatter()]);
  const { company } = flags;
  const state = company?.status ?? "not_checked";
  const date = (d: Date) => format.dateTime(d, { dateStyle: "medium" });
  const rows: [string, string, string][] = [
    ["SIRET", flags.siret ?? "—", company ? (flags.siret ?? "—") : "—"],
    [t("companyName"), declared.displayName || "—", company?.legalName ?? "—"],
    [t("companyForm"), declared.legalForm ? p(`form_${declared.legalForm}`) : "—", company?.legalForm ?? "—"],
    [t("companyAddress"), "—", company?.address ?? "—"],
    [t("companyNaf"), "—", company?.nafCode ?? "—"],
    [t("companyState"), "—", t(`companyState_${state}`)],
  ];
  const names = flags.sharedWith.map((s) => (s.kind === "expert" ? t("sharedExpert", { name: s.name || "—" }) : t("sharedOrganization", { name: s.name }))).join(", ");
  return (
    <section aria-labelledby="company" className="rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="company" className="text-xl font-semibold">{t("companyTitle")}</h2>
      <p className="mt-1 text-sm text-stone-700">{company?.checkedAt ? t("companyCheckedOn", { date: date(company.checkedAt) }) : t("companyNotChecked")}</p>
      <div className="mt-3 flex flex-col gap-2">
        {company?.status === "closed" || company?.status === "not_found" ? <Alert tone="error">{t(`companyState_${company.status}`)}</Alert> : null}
        {flags.sharedWith.length > 0 ? <Alert tone="warning">{t("flagSirenShared", { names })}</Alert> : null}
        {flags.changedSince ? (
          <Alert tone="warning">{t("flagSiretChanged", { date: date(flags.changedSince.decidedAt), siret: flags.changedSince.siret ?? "—" })}</Alert>
        ) : null}
      </div>
      <table className="mt-3 w-full border-collapse text-left text-sm">
        <caption className="sr-only">{t("companyTitle")}</caption>
        <thead>
          <tr className="border-b border-stone-300">
            <td className="py-2 pr-3" />
            <th scope="col" className="py-2 pr-3">{t("companyDeclared")}</th>
            <th scope="col" className="py-2">{t("companySirene")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, mine, theirs]) => (
            <tr key={label} className="border-b border-stone-200">
              <th scope="row" className="py-2 pr-3 font-semibold">{label}</th>
              <td className="py-2 pr-3">{mine}</td>
              <td className="py-2">{theirs}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** Short warnings for a row of the vetting queue. */
export async function CompanyFlagBadges({ flags }: { flags: CompanyFlags }) {
  const t = await getTranslations("vetting");
  const badges = [
    flags.company?.status === "closed" ? t("flagClosedShort") : null,
    flags.company?.status === "not_found" ? t("companyState_not_found") : null,
    flags.sharedWith.length > 0 ? t("flagSirenSharedShort") : null,
    flags.changedSince ? t("flagSiretChangedShort") : null,
  ].filter((b): b is string => b !== null);
  if (badges.length === 0) return <span className="text-stone-600">—</span>;
  return (
    <ul className="flex flex-wrap gap-1">
      {badges.map((b) => (
        <li key={b} className="rounded border border-amber-600 bg-amber-50 px-2 py-0.5 font-semibold text-amber-950">{b}</li>
      ))}
    </ul>
  );
}
