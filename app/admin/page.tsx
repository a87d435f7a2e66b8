import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { UserTable } from "@/components/admin/UserTable";
import { Pagination } from "@/components/ui/Pagination";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { buttonClasses } from "@/components/ui/Button";
import { getAdminOverview } from "@/lib/accounts/queries";
import { listUsersForAdmin } from "@/lib/accounts/admin-users";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { getVettingStats } from "@/lib/experts/admin-queries";
import { env, isDemoMode } from "@/lib/env";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { unannouncedVersions } from "@/lib/legal/announcements";
import { setSuspensionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage({ searchParams }: { searchParams: PageSearchParams }) {
  const params = searchParamsOf(await searchParams);
  const actor = await requireAdminPage("/admin");
  const [t, d, m, i, overview, vetting, list, unannounced, v] = await Promise.all([
    getTranslations("admin"),
    getTranslations("dashboard"),
    getTranslations("adminPayments"),
    getTranslations("invoices"),
    getAdminOverview(actor),
    getVettingStats(actor),
    listUsersForAdmin(actor, { q: params.q, page: Number(params.page ?? 1) }),
    unannouncedVersions(actor),
    getTranslations("legalVersions"),
  ]);
  const hrefFor = (page: number) => `/admin?${new URLSearchParams({ ...(list.q ? { q: list.q } : {}), page: String(page) })}#accounts`;
  const [contractsAdmin, background, einvoicing, tickets] = await Promise.all([
    getTranslations("contractsAdmin"),
    getTranslations("backgroundAdmin"),
    getTranslations("einvoicing"),
    getTranslations("tickets"),
  ]);
  const roleName = (role: string | null) => (role ? t(`role_${role}` as "role_client") : t("roleNone"));
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("title")} />
      {!isDemoMode() && !env().RESEND_API_KEY ? (
        <Alert tone="warning">
          <strong>{t("mailProviderMissing")}</strong> {t("mailProviderMissingHelp")}
        </Alert>
      ) : null}
      {unannounced.length > 0 ? (
        <Alert tone="warning">
          {t("legalToDo", { count: unannounced.length, versions: unannounced.map((entry) => `${v(`document_${entry.document}`)} ${entry.version}`).join(", ") })}{" "}
          <Link href="/admin/legal" className="font-semibold underline underline-offset-4">
            {t("legalToDoLink")}
          </Link>
        </Alert>
      ) : null}
      <section aria-labelledby="vetting-queue" className="rounded-lg bg-brand-50 p-6">
        <h2 id="vetting-queue" className="text-xl font-semibold text-brand-900">
          {vetting.queued > 0
            ? d("adminQueue", { count: vetting.queued, hours: Math.round(vetting.medianWaitHours ?? 0) })
            : d("adminQueueEmpty")}
        </h2>
        <Link href="/admin/vetting" className={buttonClasses("primary", "mt-3")}>
          {d("openQueue")}
        </Link>
      </section>
      <nav aria-label={m("adminLinksLabel")} className="flex flex-wrap gap-3">
        <Link href="/admin/payments" className={buttonClasses("secondary")}>
          {m("title")}
        </Link>
        <Link href="/admin/disputes" className={buttonClasses("secondary")}>
          {m("disputesTitle")}
        </Link>
        <Link href="/admin/contracts" className={buttonClasses("secondary")}>
          {contractsAdmin("linkLabel")}
        </Link>
        <Link href="/admin/support-tickets" className={buttonClasses("secondary")}>
          {tickets("adminTitle")}
        </Link>
        <Link href="/invoices" className={buttonClasses("secondary")}>
          {i("dashboardLink")}
        </Link>
        <Link href="/admin/dac7" className={buttonClasses("secondary")}>
          {t("dac7Link")}
        </Link>
        <Link href="/admin/security" className={buttonClasses("secondary")}>
          {t("securityLink")}
        </Link>
        <Link href="/admin/support" className={buttonClasses("secondary")}>
          {t("supportLink")}
        </Link>
        <Link href="/admin/legal" className={buttonClasses("secondary")}>
          {t("legalLink")}
        </Link>
        <Link href="/admin/reports" className={buttonClasses("secondary")}>
          {t("reportsLink")}
        </Link>
        <Link href="/admin/background" className={buttonClasses("secondary")}>
          {background("linkLabel")}
        </Link>
        <Link href="/admin/einvoicing" className={buttonClasses("secondary")}>
          {einvoicing("adminLink")}
        </Link>
        <Link href="/admin/insights" className={buttonClasses("secondary")}>
          {t("insightsLink")}
        </Link>
        <Link href="/admin/savings" className={buttonClasses("secondary")}>
          {t("savingsLink")}
        </Link>
      </nav>
      <section aria-labelledby="by-role">
        <h2 id="by-role" className="text-xl font-semibold">
          {t("byRole")}
        </h2>
        <ul className="mt-3 flex flex-wrap gap-3">
          {overview.byRole.map((row) => (
            <li key={row.role ?? "none"} className="rounded-md border border-stone-200 bg-white px-4 py-2">
              <span className="font-semibold">{row.total}</span> {roleName(row.role)}
            </li>
          ))}
        </ul>
        <p className="mt-3 text-sm text-stone-700">{t("suspendedCount", { count: overview.suspended })}</p>
      </section>
      <section aria-labelledby="accounts" className="flex flex-col gap-3">
        <h2 id="accounts" className="text-xl font-semibold">
          {t("accounts")}
        </h2>
        <form method="get" action="/admin" role="search" className="flex flex-wrap items-end gap-3">
          <div className="flex flex-col gap-1">
            <label htmlFor="users-q" className="text-sm font-semibold">
              {t("searchLabel")}
            </label>
            <input
              id="users-q"
              name="q"
              type="search"
              defaultValue={list.q}
              maxLength={200}
              aria-describedby="users-q-hint"
              className="min-h-11 w-80 max-w-full rounded-md border border-stone-400 bg-white px-3 py-2 text-base"
            />
            <p id="users-q-hint" className="text-sm text-stone-600">
              {t("searchHint")}
            </p>
          </div>
          <button type="submit" className={buttonClasses("secondary", "mb-6")}>
            {t("searchButton")}
          </button>
        </form>
        <p role="status" className="text-sm text-stone-700">
          {list.q ? t("usersFound", { count: list.totalCount, q: list.q }) : t("usersCount", { count: list.totalCount })}
        </p>
        {list.users.length > 0 ? <UserTable users={list.users} selfId={actor.id} action={setSuspensionAction} /> : null}
        <Pagination page={list.page} pages={list.pages} hrefFor={hrefFor} namespace="admin" />
      </section>
    </div>
  );
}
