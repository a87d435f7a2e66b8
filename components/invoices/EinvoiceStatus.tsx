import { getFormatter, getTranslations } from "next-intl/server";
import type { EinvoiceDisplay } from "@/lib/einvoicing/statuses";

const tone = (display: EinvoiceDisplay) => {
  if (display.kind === "failed") return "text-red-800";
  if (display.kind === "status") {
    if ([210, 213, 207, 208].includes(display.code)) return "text-red-800 font-semibold";
    if (display.code === 212 || display.code === 205) return "text-green-800";
  }
  return "text-stone-800";
};

/** One document's e-invoicing status (XP Z12-012 lifecycle), with its date, in the reader's language. */
export async function EinvoiceStatus({ display }: { display: EinvoiceDisplay | undefined }) {
  const [t, format] = await Promise.all([getTranslations("einvoicing"), getFormatter()]);
  if (!display) return <span className="text-stone-600">—</span>;
  if (display.kind !== "status") return <span className={tone(display)}>{t(`state_${display.kind}`)}</span>;
  return (
    <span className={tone(display)}>
      {t(`status_${display.code}`)}
      <span className="block text-xs font-normal text-stone-600">{format.dateTime(display.at, { dateStyle: "medium" })}</span>
    </span>
  );
}
