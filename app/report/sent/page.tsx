import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PageHeading } from "@/components/ui/PageHeading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("sentTitle"), robots: { index: false } };
}

export default async function ReportSentPage() {
  const t = await getTranslations("moderation");
  return <PageHeading title={t("sentTitle")} lead={t("sentBody")} />;
}
