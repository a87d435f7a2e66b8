import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { MandateText } from "@/components/invoices/MandateText";
import { LegalPage } from "@/components/legal/LegalPage";
import { Alert } from "@/components/ui/Alert";
import { env } from "@/lib/env";
import { versionEntry } from "@/lib/legal/history";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: (await getTranslations("legalVersions"))("mandateVersionTitle", { version: version.slice(0, 40) }) };
}

/** One version of the billing mandate, in force, replaced or announced; a version never in force nor announced is a 404. */
export default async function MandateVersionPage({ params }: Props) {
  const { version } = await params;
  const entry = await versionEntry("mandate", version);
  if (!entry) notFound();
  const [t, format, locale] = await Promise.all([getTranslations("legalVersions"), getFormatter(), getLocale()]);
  const effectiveOn = entry.effectiveAt.toISOString().slice(0, 10);
  return (
    <LegalPage title={t("mandateVersionTitle", { version })} lastUpdated={effectiveOn}>
      {entry.status === "replaced" ? (
        <Alert tone="warning">{t("mandateNotInForce")}</Alert>
      ) : entry.status === "upcoming" ? (
        <Alert tone="info">{t("notYet", { date: format.dateTime(entry.effectiveAt, { dateStyle: "long", timeZone: "UTC" }) })}</Alert>
      ) : null}
      <p className="mt-2 text-sm">
        <Link href="/legal/terms/versions" className="underline">
          {t("versionsTitle")}
        </Link>
      </p>
      <MandateText platform={env().PLATFORM_LEGAL_NAME} locale={locale === "en" ? "en" : "fr"} version={version} />
    </LegalPage>
  );
}
