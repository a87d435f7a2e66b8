import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/PageHeading";
import { documentPath } from "@/lib/legal/document-path";
import { legalHistory } from "@/lib/legal/history";
import { LEGAL_DOCUMENTS } from "@/lib/legal/versions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legalVersions"))("versionsTitle") };
}

/** Every version of the terms, the privacy policy and the billing mandate, each readable. */
export default async function LegalVersionsPage() {
  const [t, format, history] = await Promise.all([getTranslations("legalVersions"), getFormatter(), legalHistory()]);
  const day = (date: Date) => format.dateTime(date, { dateStyle: "long", timeZone: "UTC" });
  return (
    <div className="flex max-w-3xl flex-col gap-8">
      <PageHeading title={t("versionsTitle")} lead={t("versionsLead")} />
      {LEGAL_DOCUMENTS.map((document) => (
        <section key={document} aria-labelledby={`versions-${document}`} className="flex flex-col gap-3">
          <h2 id={`versions-${document}`} className="text-xl font-semibold">
            {t(`document_${document}`)}
          </h2>
          <ul className="flex flex-col gap-2">
            {history[document].map((entry) => (
              <li key={entry.version} className="rounded-lg border border-stone-200 bg-white p-4">
                <p className="font-semibold">
                  {document === "mandate" ? (
                    t("version", { version: entry.version })
                  ) : (
                    <Link href={document === "terms" ? documentPath(document, entry.version) : "/legal/privacy"} className="underline">
                      {t("read", { version: entry.version })}
                    </Link>
                  )}{" "}
                  <span className="font-normal text-stone-700">· {t(entry.status)}</span>
                </p>
                <p className="text-sm text-stone-700">
                  {entry.status === "upcoming" ? t("inForceFrom", { date: day(entry.effectiveAt) }) : t("inForceSince", { date: day(entry.effectiveAt) })}
                </p>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
