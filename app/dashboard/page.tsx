import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { InviteMemberForm } from "@/components/dashboard/InviteMemberForm";
import { DeclarationReminder } from "@/components/dac7/DeclarationReminder";
import { MatchingJobs } from "@/components/dashboard/MatchingJobs";
import { MyBids } from "@/components/dashboard/MyBids";
import { MyContracts } from "@/components/dashboard/MyContracts";
import { MyJobs } from "@/components/dashboard/MyJobs";
import { UnreadConversations } from "@/components/dashboard/UnreadConversations";
import { OrganizationPanel } from "@/components/dashboard/OrganizationPanel";
import { EinvoiceAddress } from "@/components/dashboard/EinvoiceAddress";
import { organizationAddress } from "@/lib/einvoicing/directory-jobs";
import { refreshEinvoiceAddressAction } from "./einvoicing-actions";
import { buttonClasses } from "@/components/ui/Button";
import { ClientSpending } from "@/components/insights/ClientSpending";
import { clientSpending } from "@/lib/insights/spending";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { listMyBids } from "@/lib/bids/my-bids";
import { listMyContracts } from "@/lib/contracts/queries";
import { storedCompanyChecks } from "@/lib/companies/check";
import { myDeclarationReminder } from "@/lib/dac7/declaration";
import { unreadConversationsForUser } from "@/lib/conversations/queries";
import { getMyExpertProfile } from "@/lib/experts/queries";
import { getMyReadiness } from "@/lib/experts/readiness";
import { ReadinessChecklist } from "@/components/experts/ReadinessChecklist";
import { listMatchingJobs } from "@/lib/jobs/matching";
import { listMyJobs } from "@/lib/jobs/queries";
import { getMyOrganization } from "@/lib/organizations/queries";
import { inviteMemberAction } from "./actions";
import { setMemberRoleAction } from "./member-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("dashboard"))("title") };
}

export default async function DashboardPage() {
  const actor = await currentActor();
  if (!actor) redirect("/signin?callbackUrl=%2Fdashboard");
  if (!actor.role) redirect("/onboarding");
  if (actor.role === "admin") redirect("/admin");
  const t = await getTranslations("dashboard");
  const heading = (
    <PageHeading
      title={t("title")}
      lead={
        <>
          {t("welcome", { name: actor.name ?? actor.email })}{" "}
          <Link href="/account" className="ml-2 text-base font-semibold text-brand-800 underline underline-offset-4">
            {(await getTranslations("account"))("navLink")}
          </Link>
        </>
      }
    />
  );

  if (actor.role === "expert") {
    const [mine, readiness, p, payouts, invoices, matching, myBids, contracts, unread, declarationReminder] = await Promise.all([
      getMyExpertProfile(actor),
      getMyReadiness(actor),
      getTranslations("expertProfile"),
      getTranslations("payouts"),
      getTranslations("invoices"),
      listMatchingJobs(actor),
      listMyBids(actor),
      listMyContracts(actor),
      unreadConversationsForUser(actor),
      myDeclarationReminder(actor),
    ]);
    const verified = mine?.profile.status === "verified";
    return (
      <div className="flex flex-col gap-8">
        {heading}
        <DeclarationReminder reminder={declarationReminder} />
        <UnreadConversations conversations={unread} />
        <section aria-labelledby="expert-title" className="max-w-3xl rounded-lg border border-stone-200 bg-white p-6">
          <h2 id="expert-title" className="text-xl font-semibold">
            {t("expertTitle")}
          </h2>
          <p className="mt-3 text-stone-800">{t(verified ? "expertLeadVerified" : "expertLead")}</p>
          {mine ? (
            <>
              <p className="mt-4 font-semibold">{t("expertStatus", { status: p(`status_${mine.profile.status}`) })}</p>
              {mine.missing.length > 0 && (mine.profile.status === "draft" || mine.profile.status === "changes_requested") ? (
                <ul className="mt-2 list-disc pl-6 text-sm">
                  {mine.missing.map((item) => (
                    <li key={item}>{p(`missing_${item}`)}</li>
                  ))}
                </ul>
              ) : mine.missing.includes("legalMentions") ? (
                <p className="mt-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">{p("legalMentionsNeeded")}</p>
              ) : null}
            </>
          ) : null}
          <Link href="/expert/profile" className={buttonClasses(verified ? "secondary" : "primary", "mt-4")}>
            {t(verified ? "editVerifiedProfile" : "editProfile")}
          </Link>
        </section>
        <div className="max-w-3xl">
          <ReadinessChecklist readiness={readiness} />
        </div>
        <section aria-labelledby="expert-payouts" className="max-w-3xl rounded-lg border border-stone-200 bg-white p-6">
          <h2 id="expert-payouts" className="text-xl font-semibold">
            {payouts("cardTitle")}
          </h2>
          <p className="mt-3 text-stone-800">{payouts("cardLead")}</p>
          <div className="mt-4 flex flex-wrap gap-3">
            <Link href="/expert/payouts" className={buttonClasses("secondary")}>
              {payouts("cardLink")}
            </Link>
            <Link href="/invoices" className={buttonClasses("secondary")}>
              {invoices("dashboardLink")}
            </Link>
            <Link href="/expert/earnings" className={buttonClasses("secondary")}>
              {payouts("earningsLink")}
            </Link>
          </div>
        </section>
        <MyContracts contracts={contracts} />
        <MatchingJobs jobs={matching.ok ? matching.value : []} verified={matching.ok} />
        <MyBids bids={myBids} />
      </div>
    );
  }

  const mine = await getMyOrganization(actor);
  if (!mine) {
    return (
      <div>
        {heading}
        <p className="text-stone-800">{t("noOrganization")}</p>
        <Link href="/onboarding/organization" className={buttonClasses("primary", "mt-4")}>
          {t("createOrganization")}
        </Link>
      </div>
    );
  }
  const companyIdentifier = mine.organization.siret ?? mine.organization.siren;
  const [invoices, spending, companyChecks] = await Promise.all([getTranslations("invoices"), clientSpending(actor), storedCompanyChecks([companyIdentifier])]);
  const companyCheck = companyChecks.get(companyIdentifier);
  return (
    <div className="flex flex-col gap-8">
      {heading}
      <ClientSpending spending={spending} />
      <OrganizationPanel
        organization={mine.organization}
        companyCheck={companyCheck}
        members={mine.members}
        invitations={mine.invitations}
        currentUserId={actor.id}
        memberRoleAction={mine.myRole === "owner" ? setMemberRoleAction : undefined}
        einvoiceAddress={<EinvoiceAddress organizationId={mine.organization.id} address={await organizationAddress(mine.organization.siren)} action={refreshEinvoiceAddressAction} />}
        inviteForm={
          mine.myRole === "owner" ? <InviteMemberForm organizationId={mine.organization.id} action={inviteMemberAction} /> : null
        }
      />
      <UnreadConversations conversations={await unreadConversationsForUser(actor)} />
      <MyJobs jobs={await listMyJobs(actor)} />
      <MyContracts contracts={await listMyContracts(actor)} />
      <nav aria-label={invoices("linksLabel")}>
        <Link href="/invoices" className={buttonClasses("secondary")}>
          {invoices("dashboardLink")}
        </Link>
      </nav>
    </div>
  );
}
