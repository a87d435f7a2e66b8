import Link from "next/link";
import { getTranslations } from "next-intl/server";

/** The link from a support contract to its plan page (current plan, change of plan). */
export async function RetainerPlanLink({ contractId }: { contractId: string }) {
  const t = await getTranslations("retainerPlan");
  return (
    <Link href={`/contracts/${contractId}/plan`} className="self-start underline">
      {t("link")}
    </Link>
  );
}
