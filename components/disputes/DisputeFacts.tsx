import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { DisputeCase } from "@/lib/disputes/queries";
import { formatMoney } from "@/lib/money/format";

/** The dispute in words: job, milestone, reason, amount at stake, opening, the expert's deadline. */
export async function DisputeFacts({ found }: { found: DisputeCase }) {
  const [t, p, format, locale] = await Promise.all([getTranslations("disputes"), getTranslations("payments"), getFormatter(), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const { dispute, milestone, charge } = found;
  const facts: [string, string][] = [
    [t("job"), found.contract.jobTitle],
    [p("milestoneNumber", { position: milestone.number, title: milestone.title }), p(`status_${milestone.status}`)],
    [t("reason"), p(`reason_${dispute.reason}`)],
    [t("amount"), `${euros(charge.chargeCents)} · ${charge.vatCents > 0 ? p("chargeWithVat", { exVat: euros(charge.exVatCents), vat: euros(charge.vatCents) }) : p("chargeNoVat")}`],
    [t("openedOn"), dispute.openedById ? when(dispute.createdAt) : `${when(dispute.createdAt)} · ${t("openedByBank")}`],
  ];
  if (dispute.status === "open") facts.push([t("responseDue"), when(found.dueAt)]);
  return (
    <section aria-labelledby="dispute-facts" className="rounded-lg border border-stone-200 bg-white p-6">
      <h2 id="dispute-facts" className="text-xl font-semibold">{t("factsHeading")}</h2>
      <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[14rem_1fr]">
        {facts.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="font-semibold">{label}</dt>
            <dd className="whitespace-pre-line">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
