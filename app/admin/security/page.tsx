import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { SecondFactorForm } from "@/components/second-factor/SecondFactorForm";
import { TotpSetup } from "@/components/second-factor/TotpSetup";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { pendingTotpSecret } from "@/lib/auth/second-factor/enrolment";
import { getSecondFactorOverview } from "@/lib/auth/second-factor/management";
import { qrCodeDataUrl } from "@/lib/auth/second-factor/qr";
import { reenrolAction, regenerateCodesAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("secondFactor"))("securityTitle") };
}

/** An admin's second factor: new recovery codes, or a move to another authenticator app. */
export default async function AdminSecurityPage() {
  const actor = await requireAdminPage("/admin/security");
  const [t, format, overview, pending] = await Promise.all([
    getTranslations("secondFactor"),
    getFormatter(),
    getSecondFactorOverview(actor),
    pendingTotpSecret(actor),
  ]);
  const currentCode = { name: "currentCode", label: t("currentCodeLabel"), hint: t("currentCodeHint") };
  return (
    <div className="flex flex-col gap-10">
      <PageHeading
        title={t("securityTitle")}
        lead={t("securityLead", {
          since: overview.enrolledAt ? format.dateTime(overview.enrolledAt, { dateStyle: "long" }) : "—",
          count: overview.recoveryCodesLeft,
        })}
      />
      <section aria-labelledby="regenerate" className="flex flex-col gap-4">
        <h2 id="regenerate" className="text-xl font-semibold">
          {t("regenerateTitle")}
        </h2>
        <p className="max-w-2xl text-stone-700">{t("regenerateLead")}</p>
        <SecondFactorForm id="regenerate" action={regenerateCodesAction} fields={[{ ...currentCode, name: "code" }]} submitLabel={t("regenerate")} />
      </section>
      <section aria-labelledby="reenrol" className="flex flex-col gap-4">
        <h2 id="reenrol" className="text-xl font-semibold">
          {t("reenrolTitle")}
        </h2>
        <p className="max-w-2xl text-stone-700">{t("reenrolLead")}</p>
        <TotpSetup qrDataUrl={await qrCodeDataUrl(pending.uri)} secret={pending.secret} />
        <SecondFactorForm
          id="reenrol"
          action={reenrolAction}
          fields={[currentCode, { name: "newCode", label: t("newCodeLabel"), hint: t("codeHint"), numeric: true }]}
          submitLabel={t("reenrol")}
        />
      </section>
    </div>
  );
}
