import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LegalVersionPage } from "@/components/legal/LegalVersionPage";
import { PrivacyText } from "@/components/legal/TermsText";
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
  const t = await getTranslations("legalVersions");
  const replaced = (
    <>
      {t("privacyNotInForce")} <Link href="/legal/privacy" className="underline">{t("privacyCurrent")}</Link>
    </>
  );
  return (
    <LegalVersionPage title={t("privacyVersionTitle", { version })} entry={entry} replacedNotice={replaced}>
      <PrivacyText version={version} />
    </LegalVersionPage>
  );
}
