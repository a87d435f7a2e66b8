import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { LegalVersionPage } from "@/components/legal/LegalVersionPage";
import { MandateText } from "@/components/invoices/MandateText";
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
  const [t, locale] = await Promise.all([getTranslations("legalVersions"), getLocale()]);
  return (
    <LegalVersionPage title={t("mandateVersionTitle", { version })} entry={entry} replacedNotice={t("mandateNotInForce")}>
      <MandateText platform={env().PLATFORM_LEGAL_NAME} locale={locale === "en" ? "en" : "fr"} version={version} />
    </LegalVersionPage>
  );
}
