import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AdminUserHistory } from "@/components/admin/AdminUserHistory";
import { SuspensionForm } from "@/components/admin/SuspensionForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { getUserForAdmin } from "@/lib/accounts/admin-users";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { setSuspensionAction } from "../../actions";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminUser"))("title") };
}

const sectionClass = "rounded-lg border border-stone-200 bg-white p-6";

/** One account for admins: role, organisations, expert profile, contracts, suspension and history. */
export default async function AdminUserPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAdminPage(`/admin/users/${id}`);
  const detail = await getUserForAdmin(actor, id);
  if (!detail) notFound();
  const [t, a, c, p, format, locale] = await Promise.all([
    getTranslations("adminUser"),
    getTranslations("admin"),
    getTranslations("dashboard"),
    getTranslations("expertProfile"),
    getFormatter(),
    getLocale(),
  ]);
  const { user, organizations, expertProfile, contracts } = detail;
  const euros = (cents: number) => formatMoney(cents, locale);
  const facts: [string, string][] = [
    [a("email"), user.email],
    [a("name"), user.name ?? "—"],
    [a("role"), user.role ? a(`role_${user.role}`) : a("roleNone")],
    [t("language"), t(`language_${user.locale}`)],
    [a("created"), format.dateTime(user.createdAt, { dateStyle: "long" })],
    [a("status"), user.suspendedAt ? t("suspendedSince", { date: format.dateTime(user.suspendedAt, { dateStyle: "long", timeStyle: "short" }) }) : a("active")],
  ];
  return (
    <div className="flex flex-col gap-8">
      <Link href="/admin#accounts" className="self-start underline">
        {t("backToList")}
      </Link>
      <PageHeading title={user.name || user.email} lead={user.name ? user.email : undefined} />

      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="user-facts" className={sectionClass}>
            <h2 id="user-facts" className="text-xl font-semibold">{t("factsHeading")}</h2>
            <dl className="mt-3 grid grid-cols-[10rem_1fr] gap-2 text-sm">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-semibold">{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </section>

          <section aria-labelledby="user-organizations" className={sectionClass}>
            <h2 id="user-organizations" className="text-xl font-semibold">{t("organizationsHeading")}</h2>
            {organizations.length === 0 ? (
              <p className="mt-3 text-sm">{t("noOrganization")}</p>
            ) : (
              <ul className="mt-3 list-disc pl-6 text-sm">
                {organizations.map((o) => (
                  <li key={o.id}>{t("organizationLine", { name: o.name, siren: o.siren, role: t(`memberRole_${o.role}`) })}</li>
                ))}
              </ul>
            )}
          </section>

          {expertProfile ? (
            <section aria-labelledby="user-expert" className={sectionClass}>
              <h2 id="user-expert" className="text-xl font-semibold">{t("expertHeading")}</h2>
              <p className="mt-3 text-sm">{t("expertStatus", { status: p(`status_${expertProfile.status}`) })}</p>
              <p className="mt-2 flex flex-wrap gap-x-6 gap-y-2 text-sm">
                <Link href={`/admin/vetting/${expertProfile.id}`} className="font-semibold underline">
                  {t("openVetting")}
                </Link>
                {expertProfile.status === "verified" ? (
                  <Link href={`/experts/${expertProfile.slug}`} className="underline">
                    {t("openPublicProfile")}
                  </Link>
                ) : null}
              </p>
            </section>
          ) : null}

          <section aria-labelledby="user-contracts" className={sectionClass}>
            <h2 id="user-contracts" className="text-xl font-semibold">{t("contractsHeading")}</h2>
            {contracts.length === 0 ? (
              <p className="mt-3 text-sm">{t("noContract")}</p>
            ) : (
              <ul className="mt-3 divide-y divide-stone-200 text-sm">
                {contracts.map((contract) => (
                  <li key={contract.id} className="flex flex-wrap justify-between gap-2 py-2">
                    <span>
                      <Link href={`/contracts/${contract.id}`} className="font-semibold underline">
                        {contract.jobTitle}
                      </Link>{" "}
                      · {t(`side_${contract.side}`, { party: contract.otherParty })}
                    </span>
                    <span className="text-stone-700">
                      {c(`contractStatus_${contract.status}`)} · {euros(contract.totalCents)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="user-history" className={sectionClass}>
            <h2 id="user-history" className="text-xl font-semibold">{t("historyHeading")}</h2>
            <AdminUserHistory history={detail.history} />
          </section>
        </div>

        <aside aria-labelledby="user-suspension" className="flex flex-col gap-3 self-start rounded-lg border border-brand-100 bg-white p-6">
          <h2 id="user-suspension" className="text-xl font-semibold">{t("suspensionHeading")}</h2>
          {user.id === actor.id ? (
            <p className="text-sm">{a("self")}</p>
          ) : (
            <>
              <p className="text-sm">{user.suspendedAt ? t("reinstateExplain") : t("suspendExplain")}</p>
              <SuspensionForm userId={user.id} email={user.email} suspended={!!user.suspendedAt} action={setSuspensionAction} />
            </>
          )}
        </aside>
      </div>
    </div>
  );
}
