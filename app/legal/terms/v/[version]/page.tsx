import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LegalVersionPage } from "@/components/legal/LegalVersionPage";
import { TermsText } from "@/components/legal/TermsText";
import { termsVersionEntry } from "@/lib/legal/history";

type Props = { params: Promise<{ version: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { version } = await params;
  return { title: (await getTranslations("legalVersions"))("versionTitle", { version: version.slice(0, 40) }) };
}

/** One version of the terms, in force, replaced or announced; a version never announced is a 404. */
export default async function TermsVersionPage({ params }: Props) {
  const { version } = await params;
  const entry = await termsVersionEntry(version);
  if (!entry) notFound();
  const t = await getTranslations("legalVersions");
  const replaced = (
    <>
      {t("notInForce")} <Link href="/legal/terms" className="underline">{t("current")}</Link>
    </>
  );
  return (
    <LegalVersionPage title={t("versionTitle", { version })} entry={entry} replacedNotice={replaced}>
      <TermsText version={version} />
    </LegalVersionPage>
  );
}
