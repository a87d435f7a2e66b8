import { getFormatter, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import type { FormState } from "@/lib/actions/form-state";
import type { CompanyStatus } from "@/lib/companies/check";
import { MemberRoleForm } from "./MemberRoleForm";

interface OrganizationPanelProps {
  organization: {
    id: string;
    legalName: string;
    siren: string;
    siret: string | null;
    vatNumber: string | null;
    addressLine1: string;
    addressLine2: string | null;
    postalCode: string;
    city: string;
  };
  members: { userId: string; email: string; name: string | null; role: "owner" | "member"; since: Date }[];
  invitations: { id: string; email: string; role: "owner" | "member"; expiresAt: Date }[];
  /** The last Sirene check of its SIRET (or SIREN), if any: the page reads it (`storedCompanyChecks`). */
  companyCheck?: CompanyStatus;
  currentUserId: string;
  inviteForm: ReactNode;
  /** The e-invoicing address row (dt/dd), when the page gives it. */
  einvoiceAddress?: ReactNode;
  /** Changes a member's role; owners see a button per member when it is given. */
  memberRoleAction?: (state: FormState, formData: FormData) => Promise<FormState>;
}

export async function OrganizationPanel({ organization, companyCheck: check, members, invitations, currentUserId, inviteForm, memberRoleAction, einvoiceAddress }: OrganizationPanelProps) {
  const [t, format] = await Promise.all([getTranslations("dashboard"), getFormatter()]);
  const roleLabel = (role: "owner" | "member") => (role === "owner" ? t("roleOwner") : t("roleMember"));
  const iAmOwner = members.some((m) => m.userId === currentUserId && m.role === "owner");
  // The last owner keeps the role: no button to remove it.
  const owners = members.filter((m) => m.role === "owner").length;
  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <section aria-labelledby="org-title" className="rounded-lg border border-stone-200 bg-white p-6">
        <h2 id="org-title" className="text-xl font-semibold">
          {t("organizationHeading", { name: organization.legalName })}
        </h2>
        <dl className="mt-4 grid grid-cols-[8rem_1fr] gap-x-4 gap-y-2 text-sm">
          <dt className="font-semibold">{organization.siret ? t("siret") : t("siren")}</dt>
          <dd>{organization.siret ?? organization.siren}</dd>
          <dt className="font-semibold">{t("sireneCheck")}</dt>
          <dd>{check?.checkedAt ? t("sireneCheckedOn", { date: format.dateTime(check.checkedAt, { dateStyle: "medium" }) }) : t("sireneNotChecked")}</dd>
          {organization.vatNumber ? (
            <>
              <dt className="font-semibold">{t("vat")}</dt>
              <dd>{organization.vatNumber}</dd>
            </>
          ) : null}
          <dt className="font-semibold">{t("address")}</dt>
          <dd>
            {organization.addressLine1}
            {organization.addressLine2 ? <>, {organization.addressLine2}</> : null}
            <br />
            {organization.postalCode} {organization.city}
          </dd>
          {einvoiceAddress}
        </dl>
        <h3 className="mt-6 font-semibold">{t("members")}</h3>
        <ul className="mt-2 divide-y divide-stone-200 text-sm">
          {members.map((member) => (
            <li key={member.userId} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {member.name ?? member.email}
                {member.userId === currentUserId ? <span className="text-stone-600"> ({t("you")})</span> : null}
              </span>
              <span className="text-stone-700">
                {roleLabel(member.role)} · {t("memberSince", { date: format.dateTime(member.since, { dateStyle: "medium" }) })}
              </span>
              {memberRoleAction && iAmOwner && (member.role === "member" || owners > 1) ? (
                <MemberRoleForm
                  organizationId={organization.id}
                  userId={member.userId}
                  name={member.name ?? member.email}
                  role={member.role}
                  action={memberRoleAction}
                />
              ) : null}
            </li>
          ))}
        </ul>
        {invitations.length > 0 ? (
          <>
            <h3 className="mt-6 font-semibold">{t("pendingInvitations")}</h3>
            <ul className="mt-2 divide-y divide-stone-200 text-sm">
              {invitations.map((invitation) => (
                <li key={invitation.id} className="flex flex-wrap justify-between gap-2 py-2">
                  <span>{invitation.email}</span>
                  <span className="text-stone-700">
                    {roleLabel(invitation.role)} · {t("expiresOn", { date: format.dateTime(invitation.expiresAt, { dateStyle: "medium" }) })}
                  </span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>
      {inviteForm ? (
        <section aria-labelledby="invite-title" className="rounded-lg border border-stone-200 bg-white p-6">
          <h2 id="invite-title" className="text-xl font-semibold">
            {t("inviteTitle")}
          </h2>
          <p className="mb-4 mt-1 text-sm text-stone-700">{t("inviteLead")}</p>
          {inviteForm}
        </section>
      ) : null}
    </div>
  );
}
