import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { transparencyFor, type CountRow } from "@/lib/moderation/transparency";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("transparencyTitle", { year: "" }) };
}

interface CountLine {
  label: string;
  count: number;
}

function CountTable({ id, caption, rows, label, empty }: { id: string; caption: string; rows: CountLine[]; label: [string, string]; empty: string }) {
  return (
    <section aria-labelledby={id} className="rounded-lg border border-stone-200 bg-white p-6">
      <h2 id={id} className="mb-3 text-xl font-semibold text-stone-900">
        {caption}
      </h2>
      <DataTable
        caption={caption}
        captionHidden
        empty={empty}
        density="compact"
        className="max-w-2xl"
        rows={rows}
        rowKey={(row) => row.label}
        columns={[
          { key: "label", header: label[0], rowHeader: true, cell: (row) => row.label },
          { key: "count", header: label[1], numeric: true, cell: (row) => row.count },
        ]}
      />
    </section>
  );
}

/** The DSA transparency report of a calendar year (art. 15), with its CSV. */
export default async function AdminTransparencyPage({ searchParams }: { searchParams: PageSearchParams }) {
  const actor = await requireAdminPage("/admin/transparency");
  const { year: rawYear } = searchParamsOf(await searchParams);
  const [t, report] = await Promise.all([getTranslations("moderation"), transparencyFor(actor, rawYear)]);
  const label: [string, string] = [t("kindLabel"), t("countLabel")];
  const outcome = (rows: CountRow[]) => rows.map((row) => ({ label: t(`outcome.${row.key}` as never), count: row.count }));
  const byType = report.reportsByType.map((row) => {
    const [type, reason] = row.key.split(":");
    return { label: `${t(`target.${type}` as never)} — ${t(`reason.${reason}` as never)}`, count: row.count };
  });
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("transparencyTitle", { year: report.year })} lead={t("transparencyLead")} />
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="year" className="text-sm font-semibold">
            {t("transparencyYear")}
          </label>
          <input id="year" name="year" type="number" min={2024} defaultValue={report.year} className="min-h-11 w-32 rounded-md border border-stone-400 bg-white px-3 py-2" />
        </div>
        <button type="submit" className="min-h-11 rounded-md border border-stone-400 bg-white px-4 font-semibold">
          {t("transparencyShow")}
        </button>
        <a href={`/admin/transparency/csv?year=${report.year}`} className="min-h-11 py-2 font-medium text-brand-900 underline underline-offset-4">
          {t("transparencyCsv")}
        </a>
      </form>
      <CountTable id="reports-by-type" caption={t("reportsByType")} rows={byType} label={label} empty={t("transparencyNone")} />
      <CountTable id="decisions" caption={t("decisionsByOutcome")} rows={outcome(report.decisionsByOutcome)} label={label} empty={t("transparencyNone")} />
      <p className="text-lg text-stone-900">
        {report.medianHoursToDecide === null ? t("medianNone") : t("medianTime", { hours: report.medianHoursToDecide })}
      </p>
      <CountTable id="restrictions" caption={t("statementsByKind")} rows={outcome(report.restrictions)} label={label} empty={t("transparencyNone")} />
      <CountTable id="complaints" caption={t("complaintsByOutcome")} rows={outcome(report.complaints)} label={label} empty={t("transparencyNone")} />
      <CountTable id="reporter-complaints" caption={t("reporterComplaintsByOutcome")} rows={outcome(report.reporterComplaints)} label={label} empty={t("transparencyNone")} />
      <p className="text-lg text-stone-900">{t("suspensions", { count: report.suspensions })}</p>
      <CountTable
        id="reversals"
        caption={t("reversalsByKind")}
        rows={report.reversals.map((row) => {
          const [restriction, how] = row.key.split(":");
          return { label: `${t(`outcome.${restriction}` as never)} — ${t(`reversal.${how}` as never)}`, count: row.count };
        })}
        label={label}
        empty={t("transparencyNone")}
      />
    </div>
  );
}
