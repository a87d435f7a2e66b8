import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { DataTable } from "@/components/ui/DataTable";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { listSupportThreads } from "@/lib/support/queries";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support"))("adminTitle") };
}

const STATUSES = ["open", "answered", "closed"] as const;

/** The admins' support queue: what the contact form received, waiting threads first to filter. */
export default async function AdminSupportPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { status: wanted } = searchParamsOf(await searchParams);
  const status = STATUSES.find((s) => s === wanted);
  const actor = await requireAdminPage("/admin/support");
  const [t, format, threads] = await Promise.all([getTranslations("support"), getFormatter(), listSupportThreads(actor, { status })]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("adminTitle")} lead={t("adminLead")} />
      <nav aria-label={t("colStatus")}>
        <ul className="flex flex-wrap gap-4">
          {[undefined, ...STATUSES].map((s) => (
            <li key={s ?? "all"}>
              <Link href={s ? `/admin/support?status=${s}` : "/admin/support"} aria-current={s === status ? "page" : undefined} className="underline aria-[current=page]:font-bold">
                {s ? t(`status_${s}`) : t("filterAll")}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <DataTable
        caption={t("adminCaption")}
        captionHidden
        empty={t("adminEmpty")}
        className="min-w-2xl"
        rows={threads}
        rowKey={(row) => row.id}
        columns={[
          {
            key: "subject",
            header: t("colSubject"),
            rowHeader: true,
            cell: (row) => (
              <Link href={`/admin/support/${row.id}`} className="font-semibold underline">
                {row.subject}
              </Link>
            ),
          },
          { key: "topic", header: t("colTopic"), cell: (row) => t(`topic_${row.topic}`) },
          {
            key: "from",
            header: t("colFrom"),
            cell: (row) => (
              <>
                {row.requesterName}
                <span className="block text-stone-700">
                  {row.requesterEmail} · {row.hasAccount ? t("withAccount") : t("withoutAccount")}
                </span>
              </>
            ),
          },
          { key: "status", header: t("colStatus"), cell: (row) => t(`status_${row.status}`) },
          { key: "last", header: t("colLast"), cell: (row) => format.dateTime(row.lastMessageAt, { dateStyle: "medium", timeStyle: "short" }) },
        ]}
      />
    </div>
  );
}
