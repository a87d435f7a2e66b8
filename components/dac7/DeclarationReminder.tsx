import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";

/**
 * On the expert's dashboard, from November to January: the DAC7 declaration misses their data
 * (the page passes `myDeclarationReminder`'s answer).
 */
export async function DeclarationReminder({ reminder }: { reminder: { year: number } | null }) {
  if (!reminder) return null;
  const t = await getTranslations("dac7");
  return (
    <Alert tone="warning">
      <p>{t("dashboardReminder", { year: String(reminder.year) })}</p>
      <Link href="/expert/tax-details" className="mt-1 inline-block font-semibold underline">
        {t("noticeLinkMissing")}
      </Link>
    </Alert>
  );
}
