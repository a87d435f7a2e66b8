import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { AnnounceVersionForm } from "@/components/admin/AnnounceVersionForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { Alert } from "@/components/ui/Alert";
import { listLegalAnnouncements, nobodyBound, unannouncedVersions } from "@/lib/legal/announcements";
import { earliestEffectiveDate } from "@/lib/legal/versions";
import { announceLegalVersionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminLegal"))("title") };
}

/** Announcing the new versions of the legal documents, and those already announced. */
export default async function AdminLegalPage() {
  const actor = await requireAdminPage("/admin/legal");
  const [t, v, format, announced, waiting, beforeLaunch] = await Promise.all([
    getTranslations("adminLegal"),
    getTranslations("legalVersions"),
    getFormatter(),
    listLegalAnnouncements(),
    unannouncedVersions(actor),
    nobodyBound(),
  ]);
  const choices = waiting.map(({ document, version }) => ({ document, version, label: `${v(`document_${document}`)} ${version}` }));
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("title")} lead={t("lead")} />
      {beforeLaunch ? <Alert tone="info">{t("beforeLaunch")}</Alert> : null}
      <AnnounceVersionForm action={announceLegalVersionAction} choices={choices} earliest={earliestEffectiveDate(new Date(), false, beforeLaunch).toISOString().slice(0, 10)} />
      <section aria-labelledby="announced" className="flex flex-col gap-3">
        <h2 id="announced" className="text-xl font-semibold">
          {t("announcedHeading")}
        </h2>
        {announced.length === 0 ? (
          <p className="text-stone-700">{t("none")}</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {announced.map((a) => (
              <li key={a.id} className="rounded border border-stone-200 bg-white p-3">
                {t("announcedRow", {
                  document: v(`document_${a.document}`),
                  version: a.version,
                  date: format.dateTime(a.effectiveAt, { dateStyle: "long", timeZone: "UTC" }),
                  announcedOn: format.dateTime(a.announcedAt, { dateStyle: "long" }),
                })}
                {a.changesFees ? ` · ${t("feesChange")}` : ""}
                {a.emailsQueuedAt ? ` · ${t("emailed")}` : ` · ${t("emailPending")}`}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
