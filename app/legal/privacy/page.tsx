import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal/LegalPage";
import { PrivacyText } from "@/components/legal/TermsText";
import { versionInForce } from "@/lib/legal/acceptance";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("privacyTitle") };
}

/** The version of the privacy policy in force today; the others on /legal/terms/versions. */
export default async function Page() {
  const [t, v, current] = await Promise.all([getTranslations("legal"), getTranslations("legalVersions"), versionInForce("privacy")]);
  return (
    <LegalPage title={t("privacyTitle")} lastUpdated={current.effectiveAt.toISOString().slice(0, 10)}>
      <p className="mt-1 text-sm text-stone-600">
        {v("version", { version: current.version })} · <Link href="/legal/terms/versions" className="underline">{v("versionsTitle")}</Link>
      </p>
      <PrivacyText version={current.version} />
    </LegalPage>
  );
}
