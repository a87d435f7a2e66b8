import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { LegalPage } from "@/components/legal/LegalPage";
import { PrivacyText } from "@/components/legal/TermsText";
import { Alert } from "@/components/ui/Alert";
import { versionEntry } from "@/lib/legal/history";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: (await getTranslations("legalVersions"))("privacyVersionTitle", { version: version.slice(0, 40) }) };
}

/** One version of the privacy policy, in force, replaced or announced; a version never announced is a 404. */
export default async function PrivacyVersionPage({ params }: Props) {
  const { version } = await params;
  const entry = await versionEntry("privacy", version);
  if (!entry) notFound();
  const [t, format] = await Promise.all([getTranslations("legalVersions"), getFormatter()]);
  return (
    <LegalPage title={t("privacyVersionTitle", { version })} lastUpdated={entry.effectiveAt.toISOString().slice(0, 10)}>
      {entry.status === "replaced" ? (
        <Alert tone="warning">
          {t("privacyNotInForce")} <Link href="/legal/privacy" className="underline">{t("privacyCurrent")}</Link>
        </Alert>
      ) : entry.status === "upcoming" ? (
        <Alert tone="info">{t("notYet", { date: format.dateTime(entry.effectiveAt, { dateStyle: "long", timeZone: "UTC" }) })}</Alert>
      ) : null}
      <p className="mt-2 text-sm">
        <Link href="/legal/terms/versions" className="underline">{t("versionsTitle")}</Link>
      </p>
      <PrivacyText version={version} />
    </LegalPage>
  );
}
