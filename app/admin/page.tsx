import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SuspensionForm } from "@/components/admin/SuspensionForm";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { buttonClasses } from "@/components/ui/Button";
import { getAdminOverview } from "@/lib/accounts/queries";
import { getVettingStats } from "@/lib/experts/admin-queries";
import { env, isDemoMode } from "@/lib/env";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { setSuspensionAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin"))("title") };
}

export default async function AdminPage() {
  const actor = await requireAdminPage("/admin");
  const [t, d, m, i, format, overview, vetting] = await Promise.all([
    getTranslations("admin"),
    getTranslations("dashboard"),
    getTranslations("adminPayments"),
    getTranslations("invoices"),
    getFormatter(),
    getAdminOverview(actor),
    getVettingStats(actor),
  ]);
  const [contractsAdmin, background] = await Promise.all([getTranslations("contractsAdmin"), getTranslations("backgroundAdmin")]);
  const roleName = (role: string | null) => (role ? t(`role_${role}` as "role_client") : t("roleNone"));
  return (
    <div className="flex flex-col gap-8">
      <PageHeading title={t("title")} />
      {!isDemoMode() && !env().RESEND_API_KEY ? (
        <Alert tone="warning">
          <strong>{t("mailProviderMissing")}</strong> {t("mailProviderMissingHelp")}
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
        <Link href="/admin/reports" className={buttonClasses("secondary")}>
          {t("reportsLink")}
        </Link>
        <Link href="/admin/background" className={buttonClasses("secondary")}>
          {background("linkLabel")}
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
      <section aria-labelledby="latest">
        <h2 id="latest" className="text-xl font-semibold">
          {t("latest")}
        </h2>
        <div className="mt-3 overflow-x-auto">
          <table className="w-full border-collapse bg-white text-left text-sm">
            <thead>
              <tr className="border-b border-stone-300">
                <th scope="col" className="p-3">{t("email")}</th>
                <th scope="col" className="p-3">{t("role")}</th>
                <th scope="col" className="p-3">{t("created")}</th>
                <th scope="col" className="p-3">{t("status")}</th>
                <th scope="col" className="p-3">{t("actions")}</th>
              </tr>
            </thead>
            <tbody>
              {overview.latest.map((user) => (
                <tr key={user.id} className="border-b border-stone-200 align-top">
                  <td className="p-3">{user.email}</td>
                  <td className="p-3">{roleName(user.role)}</td>
                  <td className="p-3">{format.dateTime(user.createdAt, { dateStyle: "medium" })}</td>
                  <td className="p-3">{user.suspendedAt ? t("suspended") : t("active")}</td>
                  <td className="p-3">
                    {user.id === actor.id ? null : (
                      <SuspensionForm userId={user.id} email={user.email} suspended={!!user.suspendedAt} action={setSuspensionAction} />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
