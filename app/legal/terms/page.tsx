import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal/LegalPage";
import { TermsText } from "@/components/legal/TermsText";
import { versionInForce } from "@/lib/legal/acceptance";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("legal"))("termsTitle") };
}

/** The version of the terms in force today; the others on /legal/terms/versions. */
export default async function Page() {
  const [t, v, current] = await Promise.all([getTranslations("legal"), getTranslations("legalVersions"), versionInForce("terms")]);
  return (
    <LegalPage title={t("termsTitle")} lastUpdated={current.effectiveAt.toISOString().slice(0, 10)}>
      <p className="mt-1 text-sm text-stone-600">
        {v("version", { version: current.version })} · <Link href="/legal/terms/versions" className="underline">{v("versionsTitle")}</Link>
      </p>
      <TermsText version={current.version} />
    </LegalPage>
  );
}
