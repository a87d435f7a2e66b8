import { useTranslations } from "next-intl";
import { Alert } from "@/components/ui/Alert";

/**
 * "Test mode: no real money" on the local stand-ins for Stripe's pages (usable from server and
 * client components). The site-wide banner is the layout's.
 */
export function TestModeNotice({ detail }: { detail?: string }) {
  const t = useTranslations("testMode");
  return (
    <Alert tone="warning">
      <p className="font-semibold">{t("notice")}</p>
      <p className="mt-1">{detail ?? t("noticeDetail")}</p>
    </Alert>
  );
}
