import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { listContractsForAdmin } from "@/lib/contracts/admin-queries";
import { isUuidLike } from "@/lib/ids";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { formatMoney } from "@/lib/money/format";

const STATUSES = ["awaiting_documents", "active", "completed", "cancelled"] as const;

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("contractsAdmin"))("title") };
}

export default async function AdminContractsPage({
  searchParams,
}: {
  searchParams: PageSearchParams;
}) {
  const params = searchParamsOf(await searchParams);
  const actor = await requireAdminPage("/admin/contracts");
  const [t, format, locale, list] = await Promise.all([
    getTranslations("contractsAdmin"),
    getFormatter(),
    getLocale(),
    listContractsForAdmin(actor, { status: params.status, page: Number(params.page ?? 1) }),
  ]);
  const cancelled = params.cancelled;
  const cancelledId = cancelled && isUuidLike(cancelled) ? cancelled : null;
  const euros = (cents: number) => formatMoney(cents, locale);
  const hrefFor = (page: number) => `/admin/contracts?${new URLSearchParams({ ...(list.status ? { status: list.status } : {}), page: String(page) })}`;
  return (
    <div className="flex flex-col gap-6">
      <Link href="/admin" className="self-start underline">
        {t("backToAdmin")}
      </Link>
      <PageHeading title={t("title")} lead={t("lead")} />
      {cancelledId ? (
        <Alert tone="success">
          {t("cancelledDone")}{" "}
          <Link href={`/contracts/${cancelledId}`} className="underline">
            {t("openCancelled")}
          </Link>
        </Alert>
      ) : null}

      <form method="get" action="/admin/contracts" className="flex flex-wrap items-end gap-3">
        <div className="flex flex-col gap-1">
          <label htmlFor="contracts-status" className="text-sm font-semibold">
            {t("filterLabel")}
          </label>
          <select
            id="contracts-status"
            name="status"
            defaultValue={list.status ?? ""}
            className="min-h-11 rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
          >
            <option value="">{t("filterAll")}</option>
            {STATUSES.map((status) => (
              <option key={status} value={status}>
                {t(`status_${status}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("filterButton")}
        </button>
      </form>

      <p role="status" className="text-sm text-stone-700">
        {t("count", { count: list.totalCount })}
      </p>

      <DataTable
        caption={t("caption")}
        captionHidden
        empty={null}
        className="min-w-2xl"
        rows={list.contracts}
        rowKey={(row) => row.id}
        columns={[
          {
            key: "job",
            header: t("colJob"),
            rowHeader: true,
            cell: (row) => (
              <Link href={`/contracts/${row.id}`} className="font-semibold underline">
                {row.jobTitle || t("untitled")}
              </Link>
            ),
          },
          {
            key: "parties",
            header: t("colParties"),
            cell: (row) => (
              <>
                <span className="block">{t("client", { name: row.clientName })}</span>
                <span className="block">{t("expert", { name: row.expertName })}</span>
              </>
            ),
          },
          { key: "status", header: t("colStatus"), cell: (row) => t(`status_${row.status}`) },
          { key: "total", header: t("colTotal"), numeric: true, cell: (row) => t("totalExVat", { total: euros(row.totalCents) }) },
          { key: "created", header: t("colCreated"), cell: (row) => format.dateTime(row.createdAt, { dateStyle: "medium" }) },
        ]}
      />

      {list.pages > 1 ? (
        <nav aria-label={t("paginationLabel")} className="flex flex-wrap items-center justify-between gap-4">
          <div className="min-w-40">
            {list.page > 1 ? (
              <Link href={hrefFor(list.page - 1)} rel="prev" className={buttonClasses("secondary")}>
                <span aria-hidden="true">←</span> {t("previous")}
              </Link>
            ) : null}
          </div>
          <p aria-current="page" className="text-sm font-semibold text-stone-800">
            {t("pageOf", { page: list.page, pages: list.pages })}
          </p>
          <div className="flex min-w-40 justify-end">
            {list.page < list.pages ? (
              <Link href={hrefFor(list.page + 1)} rel="next" className={buttonClasses("secondary")}>
                {t("next")} <span aria-hidden="true">→</span>
              </Link>
            ) : null}
          </div>
        </nav>
      ) : null}
    </div>
  );
}
