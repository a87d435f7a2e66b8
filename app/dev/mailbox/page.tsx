import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { listMailbox } from "@/lib/email/mailbox";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export const metadata: Metadata = { title: "Mailbox", robots: { index: false } };

export default async function MailboxPage({ searchParams }: { searchParams: PageSearchParams }) {
  const { to } = searchParamsOf(await searchParams);
  const emails = await listMailbox({ to });
  const [t, format] = await Promise.all([getTranslations("mailbox"), getFormatter()]);
  return (
    <div className="flex flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead")} />
      <form className="flex flex-wrap items-end gap-3" role="search">
        <div className="flex flex-col gap-1">
          <label htmlFor="mailbox-to" className="text-sm font-semibold">
            {t("filter")}
          </label>
          <input id="mailbox-to" name="to" type="search" defaultValue={to ?? ""} className="min-h-11 w-72 rounded-md border border-stone-400 px-3" />
        </div>
        <button type="submit" className={buttonClasses("secondary")}>
          {t("filterButton")}
        </button>
      </form>
      {emails.length === 0 ? (
        <p>{t("empty")}</p>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-3">{t("date")}</th>
                <th scope="col" className="p-3">{t("to")}</th>
                <th scope="col" className="p-3">{t("subject")}</th>
                <th scope="col" className="p-3">{t("status")}</th>
              </tr>
            </thead>
            <tbody>
              {emails.map((email) => (
                <tr key={email.id} className="border-b border-stone-200">
                  <td className="p-3 whitespace-nowrap">{format.dateTime(email.createdAt, { dateStyle: "short", timeStyle: "medium" })}</td>
                  <td className="p-3">{email.toAddress}</td>
                  <td className="p-3">
                    <Link href={`/dev/mailbox/${email.id}`} className="font-medium underline">
                      {email.subject}
                    </Link>
                  </td>
                  <td className="p-3">{t(`status_${email.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
