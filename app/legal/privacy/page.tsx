import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal/LegalPage";
import { publisher } from "@/lib/legal/publisher";
import { PrivacyEn, lastUpdated as updatedEn } from "@/components/legal/PrivacyEn";
import { PrivacyFr, lastUpdated as updatedFr } from "@/components/legal/PrivacyFr";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("privacyTitle") };
}

export default async function Page() {
  const [locale, t] = await Promise.all([getLocale(), getTranslations("legal")]);
  return locale === "en" ? (
    <LegalPage title={t("privacyTitle")} lastUpdated={updatedEn}>
      <PrivacyEn publisher={publisher()} />
    </LegalPage>
  ) : (
    <LegalPage title={t("privacyTitle")} lastUpdated={updatedFr}>
      <PrivacyFr publisher={publisher()} />
    </LegalPage>
  );
}
