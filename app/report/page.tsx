import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ReportForm } from "@/components/moderation/ReportForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { REPORT_TARGETS } from "@/lib/moderation/rules";
import { reportAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderation"))("reportTitle"), robots: { index: false } };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The notice form (DSA art. 16), opened from the "Report" link of a need, profile, review or message. */
export default async function ReportPage({ searchParams }: { searchParams: PageSearchParams }) {
  const params = searchParamsOf(await searchParams);
  const type = REPORT_TARGETS.find((target) => target === params.type);
  if (!type || !params.id || !UUID.test(params.id)) notFound();
  const [t, actor] = await Promise.all([getTranslations("moderation"), currentActor()]);
  const from = params.from && params.from.startsWith("/") && !params.from.startsWith("//") ? params.from : "";
  return (
    <>
      <PageHeading title={t("reportTitle")} lead={t("reportLead")} />
      <p className="font-semibold text-stone-900">{t("reportedContent", { what: t(`target.${type}`) })}</p>
      <ReportForm action={reportAction} targetType={type} targetId={params.id} location={from || `${type}:${params.id}`} signedInEmail={actor?.email ?? null} />
    </>
  );
}
