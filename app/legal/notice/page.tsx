import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal/LegalPage";
import { publisher } from "@/lib/legal/publisher";
import { LegalNoticeEn, lastUpdated as updatedEn } from "@/components/legal/LegalNoticeEn";
import { LegalNoticeFr, lastUpdated as updatedFr } from "@/components/legal/LegalNoticeFr";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("noticeTitle") };
}

export default async function Page() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("legal")]);
  return locale === "en" ? (
    <LegalPage title={t("noticeTitle")} lastUpdated={updatedEn}>
      <LegalNoticeEn publisher={publisher()} />
    </LegalPage>
  ) : (
    <LegalPage title={t("noticeTitle")} lastUpdated={updatedFr}>
      <LegalNoticeFr publisher={publisher()} />
    </LegalPage>
  );
}
