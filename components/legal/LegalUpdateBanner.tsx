import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { UpcomingLegalVersion } from "@/lib/legal/announcements";
import { documentPath } from "@/lib/legal/document-path";

/**
 * In the app, until it takes effect: each announced new version, with a link to read it (the
 * layout passes `upcomingLegalVersions`'s answer).
 */
export async function LegalUpdateBanner({ upcoming }: { upcoming: UpcomingLegalVersion[] }) {
  if (upcoming.length === 0) return null;
  const [t, format] = await Promise.all([getTranslations("legalVersions"), getFormatter()]);
  return (
    <aside aria-label={t("versionsTitle")} className="border-b border-brand-700 bg-brand-50 px-4 py-2 text-center text-sm text-brand-900">
      {upcoming.map((item) => (
        <p key={`${item.document}-${item.version}`}>
          {t("banner", { document: t(`document_${item.document}`), date: format.dateTime(item.effectiveAt, { dateStyle: "long", timeZone: "UTC" }) })}{" "}
          <Link href={documentPath(item.document, item.version)} className="font-semibold underline">
            {t("bannerLink")}
          </Link>
        </p>
      ))}
    </aside>
  );
}
