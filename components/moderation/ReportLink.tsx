import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { ReportTarget } from "@/db/schema";

/** The "Signaler" link of a piece of content: opens the notice form with where it is prefilled. */
export async function ReportLink({ type, id, from }: { type: ReportTarget; id: string; from: string }) {
  const t = await getTranslations("moderation");
  const href = `/report?type=${type}&id=${id}&from=${encodeURIComponent(from)}`;
  return (
    <Link href={href} rel="nofollow" aria-label={t("reportLinkLabel", { what: t(`target.${type}`) })} className="text-sm text-stone-700 underline underline-offset-4 hover:text-brand-800">
      {t("reportLink")}
    </Link>
  );
}
