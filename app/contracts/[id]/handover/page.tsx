import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { AccessForm } from "@/components/handover/AccessForm";
import { AccessRegisterTable } from "@/components/handover/AccessRegisterTable";
import { HandoverPackForm } from "@/components/handover/HandoverPackForm";
import { HandoverPackSummary } from "@/components/handover/HandoverPackSummary";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { currentActor } from "@/lib/auth/current-actor";
import { parisDay } from "@/lib/dates";
import { getHandoverView, type AccessRow } from "@/lib/handover/queries";
import { loadContractPage } from "../load-contract";
import { decideAccessAction, deliverHandoverPackAction, recordAccessAction, revokeAccessAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("handover"))("pageTitle") };
}

/** A contract's access register and handover pack, for its parties and admins (who read only). */
export default async function HandoverPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  await loadContractPage(id, `/contracts/${id}/handover`);
  const [view, t, format] = await Promise.all([getHandoverView(await currentActor(), id), getTranslations("handover"), getFormatter()]);
  const today = parisDay();
  const contractId = view.contract.id;
  const rowActions = (row: AccessRow) => (
    <div className="flex flex-col gap-2">
      {view.can.decide && row.toRevoke && !row.decision ? (
        <>
          <SimpleActionForm label={t("confirmRevoked", { label: row.label })} hidden={{ contractId, accessId: row.id, decision: "revoked" }} action={decideAccessAction} />
          {row.revokedAt ? null : <SimpleActionForm label={t("keep", { label: row.label })} hidden={{ contractId, accessId: row.id, decision: "kept" }} action={decideAccessAction} />}
        </>
      ) : null}
      {!row.revokedAt && !(view.can.decide && row.toRevoke && !row.decision) ? (
        <SimpleActionForm label={t("revoke", { label: row.label })} hidden={{ contractId, accessId: row.id }} action={revokeAccessAction} />
      ) : null}
    </div>
  );
  const openAccesses = view.accesses.filter((a) => !a.revokedAt).map((a) => ({ id: a.id, kindLabel: t(`kind_${a.kind}`), label: a.label, holder: a.holder }));
  return (
    <div className="flex flex-col gap-8">
      <Link href={`/contracts/${contractId}`} className="self-start underline">
        {t("backToContract")}
      </Link>
      <PageHeading title={t("heading", { job: view.contract.title })} lead={t("lead")} />

      <section aria-labelledby="handover-pack" className="flex flex-col gap-3">
        <h2 id="handover-pack" className="text-xl font-semibold">
          {t("packHeading")}
        </h2>
        {!view.required ? (
          <p>{t("packNotRequired")}</p>
        ) : view.pack ? (
          <HandoverPackSummary contractId={contractId} pack={view.pack} clientLocale={view.clientLocale} deliveredOn={format.dateTime(view.pack.deliveredAt, { dateStyle: "long" })} expert={view.contract.expert} />
        ) : view.can.deliver ? (
          <>
            <p>{t("packLead")}</p>
            <HandoverPackForm contractId={contractId} today={today} accesses={openAccesses} action={deliverHandoverPackAction} />
          </>
        ) : (
          <p>{t("packWaiting")}</p>
        )}
        {view.can.decide && view.accesses.some((a) => a.toRevoke && !a.decision) ? (
          <Alert tone="info">
            <strong>{t("decisionsHeading")}</strong> {t("decisionsLead")}
          </Alert>
        ) : null}
      </section>

      {view.register ? (
        <section aria-labelledby="handover-register" className="flex flex-col gap-3">
          <h2 id="handover-register" className="text-xl font-semibold">
            {t("registerHeading")}
          </h2>
          <p>{t("registerLead")}</p>
          <AccessRegisterTable rows={view.accesses} actions={view.side === "admin" ? null : rowActions} />
          {view.can.record ? (
            <div className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
              <Alert tone="warning">{t("noSecretsWarning")}</Alert>
              <AccessForm contractId={contractId} today={today} action={recordAccessAction} />
            </div>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
