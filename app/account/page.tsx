import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { getMyAccount } from "@/lib/accounts/erase";
import { currentActor } from "@/lib/auth/current-actor";
import { latestDataExport } from "@/lib/privacy/data-export";
import { eraseAccountAction, requestDataExportAction } from "./actions";
import { DataExportForm } from "./DataExportForm";
import { EraseAccountForm } from "./EraseAccountForm";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("title") };
}

/** "Mon compte": the account's email, role and language, and its erasure (what goes, what stays, why). */
export default async function AccountPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Faccount");
  const [t, language, format, account, dataExport] = await Promise.all([
    getTranslations("account"),
    getTranslations("language"),
    getFormatter(),
    getMyAccount(actor),
    latestDataExport(actor),
  ]);
  const isExpert = account.role === "expert";
  const isClient = account.role === "client";
  const erased = ["erased_account", "erased_messages", ...(isExpert ? ["erased_expert", "erased_mandate", "erased_dac7"] : []), ...(isClient ? ["erased_client"] : [])] as const;
  const kept = ["kept_invoices", "kept_contracts", ...(isExpert ? ["kept_dac7"] : []), ...(isClient ? ["kept_organization"] : []), "kept_trace"] as const;

  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("title")} lead={t("lead")} />

      <section aria-labelledby="account-details" className="max-w-3xl rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="account-details" className="text-xl font-semibold">
          {t("detailsHeading")}
        </h2>
        <dl className="mt-4 grid gap-x-6 gap-y-3 sm:grid-cols-[auto_1fr]">
          <dt className="font-semibold">{t("email")}</dt>
          <dd className="break-all">{account.email}</dd>
          <dt className="font-semibold">{t("role")}</dt>
          <dd>{t(account.role ? `role_${account.role}` : "role_none")}</dd>
          <dt className="font-semibold">{t("language")}</dt>
          <dd>
            <span className="capitalize">{language(account.locale)}</span>
            <p className="mt-1 text-sm text-stone-600">{t("languageHint")}</p>
          </dd>
        </dl>
        <p className="mt-4">
          <Link href="/support" className="font-semibold underline">
            {t("supportLink")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="account-reports" className="flex max-w-3xl flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="account-reports" className="text-xl font-semibold">
          {t("reportsHeading")}
        </h2>
        <p className="text-stone-800">{t("reportsLead")}</p>
        <p>
          <Link href="/account/reports" className="font-semibold underline">
            {t("reportsLink")}
          </Link>
        </p>
      </section>

      <section aria-labelledby="account-export" className="flex max-w-3xl flex-col gap-3 rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="account-export" className="text-xl font-semibold">
          {t("exportHeading")}
        </h2>
        <p className="text-stone-800">{t("exportLead")}</p>
        {dataExport?.status === "ready" && dataExport.expiresAt ? (
          <p>
            <a href={`/account/export/${dataExport.id}`} className="font-semibold underline" download>
              {t("exportDownload", { until: format.dateTime(dataExport.expiresAt, { dateStyle: "long" }) })}
            </a>
          </p>
        ) : dataExport?.status === "requested" ? (
          <p className="text-stone-800">{t("exportPending")}</p>
        ) : null}
        <DataExportForm action={requestDataExportAction} disabled={dataExport?.status === "requested"} />
      </section>

      <section aria-labelledby="account-erase" className="flex max-w-3xl flex-col gap-4 rounded-lg border border-red-200 bg-white p-6">
        <h2 id="account-erase" className="text-xl font-semibold">
          {t("eraseHeading")}
        </h2>
        <p className="text-stone-800">{t("eraseLead")}</p>
        <div>
          <h3 className="font-semibold">{t("erasedHeading")}</h3>
          <ul className="mt-2 list-disc space-y-2 pl-6 text-stone-800">
            {erased.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </div>
        <div>
          <h3 className="font-semibold">{t("keptHeading")}</h3>
          <ul className="mt-2 list-disc space-y-2 pl-6 text-stone-800">
            {kept.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </div>
        {account.role !== "admin" && account.role !== null ? (
          <p className="text-stone-800">
            {t("beforeHint")}{" "}
            <Link href="/invoices" className="font-semibold underline">
              {t("invoicesLink")}
            </Link>
          </p>
        ) : null}

        {!account.erasable ? (
          <Alert tone="info">{t("adminNotErasable")}</Alert>
        ) : account.blockers.length > 0 ? (
          <Alert tone="warning">
            <p className="font-semibold">{t("blockedHeading")}</p>
            <ul className="mt-2 list-disc space-y-1 pl-5">
              {account.blockers.map((blocker) => (
                <li key={blocker}>{t(`blocked_${blocker}`)}</li>
              ))}
            </ul>
            <Link href="/dashboard" className={buttonClasses("secondary", "mt-3")}>
              {t("seeContracts")}
            </Link>
          </Alert>
        ) : (
          <EraseAccountForm email={account.email} action={eraseAccountAction} />
        )}
      </section>
    </div>
  );
}
