import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
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
      {threads.length === 0 ? (
        <p className="text-stone-700">{t("adminEmpty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full min-w-2xl border-collapse bg-white text-left text-sm">
            <caption className="sr-only">{t("adminCaption")}</caption>
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-3">{t("colSubject")}</th>
                <th scope="col" className="p-3">{t("colTopic")}</th>
                <th scope="col" className="p-3">{t("colFrom")}</th>
                <th scope="col" className="p-3">{t("colStatus")}</th>
                <th scope="col" className="p-3">{t("colLast")}</th>
              </tr>
            </thead>
            <tbody>
              {threads.map((row) => (
                <tr key={row.id} className="border-b border-stone-200 align-top">
                  <th scope="row" className="p-3 font-normal">
                    <Link href={`/admin/support/${row.id}`} className="font-semibold underline">
                      {row.subject}
                    </Link>
                  </th>
                  <td className="p-3">{t(`topic_${row.topic}`)}</td>
                  <td className="p-3">
                    {row.requesterName}
                    <span className="block text-stone-700">
                      {row.requesterEmail} · {row.hasAccount ? t("withAccount") : t("withoutAccount")}
                    </span>
                  </td>
                  <td className="p-3">{t(`status_${row.status}`)}</td>
                  <td className="p-3">{format.dateTime(row.lastMessageAt, { dateStyle: "medium", timeStyle: "short" })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
