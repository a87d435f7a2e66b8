import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { AppLocale } from "@/lib/i18n/locale";
import type { RetainerView } from "@/lib/retainers/queries";
import { monthLineText } from "./retainer-facts";

/**
 * The months of a retainer, each with its period, its fee and where its money is: upcoming,
 * being charged, paid and held, refused (with the next attempt), paid to the expert… Extra hours
 * charged on their own after the last month say so.
 */
export async function RetainerMonths({ months }: { months: RetainerView["months"] }) {
  const [t, format, locale] = await Promise.all([getTranslations("retainers"), getFormatter(), getLocale()]);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  const when = (d: Date) => format.dateTime(d, { dateStyle: "long" });
  const detail = (m: RetainerView["months"][number]): string | null => {
    if (m.state === "failed") return m.nextAttemptAt ? t("monthRetryOn", { date: when(m.nextAttemptAt) }) : t("monthNoRetry");
    if (m.state === "held" && m.chargedAt) return t("monthChargedOn", { date: when(m.chargedAt) });
    if (m.state === "released" && m.releasedAt) return t("monthReleasedOn", { date: when(m.releasedAt) });
    return null;
  };
  return (
    <div className="flex flex-col gap-2">
      <h3 className="font-semibold">{t("monthsHeading")}</h3>
      {months.length === 0 ? <p className="text-sm text-stone-800">{t("noMonthsYet")}</p> : null}
      <ol className="flex flex-col gap-2 text-sm">
        {months.map((m) => {
          const more = detail(m);
          return (
            <li key={m.id} className={m.state === "failed" ? "rounded-md border-l-4 border-red-700 bg-red-50 p-2 text-red-900" : undefined}>
              {monthLineText(m, t, locale as AppLocale, day)}
              {more ? ` — ${more}` : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
