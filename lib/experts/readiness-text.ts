import type { AppLocale } from "@/lib/i18n/locale";
import { translator } from "@/lib/i18n/translator";
import type { ReadinessItem } from "./readiness";

/** What an expert still lacks to be paid, in words for an email: "billing mandate not accepted and …". */
export function notReadyText(items: readonly ReadinessItem[], locale: AppLocale): string {
  const t = translator(locale, "bids");
  return new Intl.ListFormat(locale, { type: "conjunction" }).format(items.map((item) => t(`notReady_${item}`)));
}
