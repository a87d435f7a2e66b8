import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { InvoiceTable } from "@/components/invoices/InvoiceTable";
import { PeriodFilter } from "@/components/invoices/PeriodFilter";
import { StatementList } from "@/components/invoices/StatementList";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { redirectPendingAdmin } from "@/lib/auth/admin-page";
import { currentActor } from "@/lib/auth/current-actor";
import { parisDay } from "@/lib/dates";
import { listInvoices, statementYears } from "@/lib/invoicing/queries";
import { einvoiceDisplays } from "@/lib/einvoicing/queries";
import { isEinvoicingOn } from "@/lib/einvoicing/config";
import { PRESETS, parsePeriod, periodSearch, presetPeriod, queryPeriod } from "./period";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invoices"))("title") };
}


/**
 * The actor's invoices and credit notes for a period (client: its organisation's; expert: those
 * issued in its name and the commission invoices it received; admin: all), the accountant's CSV
 * for the same period and, for experts, the yearly statements.
 */
export default async function InvoicesPage({ searchParams }: { searchParams: PageSearchParams }) {
  const actor = await currentActor();
  const filter = parsePeriod(searchParamsOf(await searchParams));
  const search = periodSearch(filter);
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(`/invoices${search}`)}`);
  if (!actor.role) redirect("/onboarding");
  redirectPendingAdmin(actor, `/invoices${search}`);
  const role = actor.role;
  const [t, te, format, invoices, years] = await Promise.all([
    getTranslations("invoices"),
    getTranslations("einvoicing"),
    getFormatter(),
    listInvoices(actor, queryPeriod(filter)),
    role === "expert" ? statementYears(actor) : Promise.resolve(null),
  ]);
  const einvoice = await einvoiceDisplays(invoices.map((invoice) => invoice.id));
  const day = (isoDay: string) => format.dateTime(new Date(`${isoDay}T12:00:00Z`), { dateStyle: "long" });
  const period =
    filter.from && filter.to
      ? t("periodBetween", { from: day(filter.from), to: day(filter.to) })
      : filter.from
        ? t("periodFrom", { from: day(filter.from) })
        : filter.to
          ? t("periodUntil", { to: day(filter.to) })
          : t("periodAll");
  const today = parisDay(new Date());
  const presets = [
    ...PRESETS.map((preset) => ({ key: `preset_${preset}`, ...presetPeriod(preset, today) })),
    { key: "preset_all", from: undefined, to: undefined },
  ].map((preset) => ({
    key: preset.key,
    href: `/invoices${periodSearch({ from: preset.from, to: preset.to, invalid: false })}`,
    current: !filter.invalid && preset.from === filter.from && preset.to === filter.to,
  }));
  const lead = role === "admin" ? t("leadAdmin") : role === "expert" ? t("leadExpert") : t("leadClient");
  return (
    <div className="flex flex-col gap-8">
      <Link href={role === "admin" ? "/admin" : "/dashboard"} className="self-start underline">
        {t("backToDashboard")}
      </Link>
      <PageHeading title={t("title")} lead={lead} />
      <PeriodFilter from={filter.from} to={filter.to} presets={presets} />
      {filter.invalid ? <Alert tone="warning">{t("invalidPeriod")}</Alert> : null}

      <section aria-labelledby="invoice-list" className="flex flex-col gap-4">
        <h2 id="invoice-list" className="text-xl font-semibold">
          {t("title")} <span className="font-normal text-stone-700">— {period}</span>
        </h2>
        {invoices.length === 0 ? (
          <p className="text-stone-700">{filter.from || filter.to ? t("none") : t("noneYet")}</p>
        ) : (
          <>
            <InvoiceTable invoices={invoices} viewer={role} period={period} einvoice={einvoice} />
            <p className="text-sm text-stone-700">{t("creditNotesNegative")}</p>
            <p className="max-w-3xl text-sm text-stone-700">{isEinvoicingOn() ? te("listHint") : te("listHintOff")}</p>
          </>
        )}
        <div className="flex flex-col gap-1">
          <a href={`/invoices/export${search}`} download className="self-start font-semibold underline">
            {t("csvLink")}
          </a>
          <p className="max-w-2xl text-sm text-stone-700">{t("csvHint")}</p>
        </div>
      </section>

      {years ? <StatementList years={years} /> : null}
    </div>
  );
}
