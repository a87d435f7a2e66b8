import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/dashboard/AcceptInvitationForm";
import { Alert } from "@/components/ui/Alert";
import { buttonClasses } from "@/components/ui/Button";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { getInvitationByToken } from "@/lib/organizations/invitations";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("invitation"))("title"), referrer: "no-referrer" };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, dashboard, invitation, actor] = await Promise.all([
    getTranslations("invitation"),
    getTranslations("dashboard"),
    getInvitationByToken(token),
    currentActor(),
  ]);
  if (!invitation || invitation.revokedAt) {
    return (
      <div className="max-w-2xl">
        <PageHeading title={t("title")} />
        <Alert tone="error">{t("not_found")}</Alert>
      </div>
    );
  }
  const problem = invitation.acceptedAt ? t("used") : invitation.expiresAt < new Date() ? t("expired") : null;
  const role = invitation.role === "owner" ? dashboard("roleOwner") : dashboard("roleMember");
  return (
    <div className="flex max-w-2xl flex-col gap-6">
      <PageHeading title={t("title")} lead={t("lead", { organization: invitation.organizationName, role })} />
      <p className="text-stone-700">{t("forEmail", { email: invitation.email })}</p>
      {problem ? (
        <Alert tone="error">{problem}</Alert>
      ) : actor ? (
        <AcceptInvitationForm token={token} label={t("accept", { organization: invitation.organizationName })} action={acceptInvitationAction} />
      ) : (
        <>
          <p>{t("signInFirst", { email: invitation.email })}</p>
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(`/invitations/${token}`)}`}
            className={buttonClasses("primary", "self-start")}
          >
            {t("signIn")}
          </Link>
        </>
      )}
    </div>
  );
}
