import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { ConfirmActionForm } from "@/components/contracts/ConfirmActionForm";
import { RetainerPlanLink } from "@/components/retainers/RetainerPlanLink";
import { SimpleActionForm } from "@/components/job-wizard/SimpleActionForm";
import { Alert } from "@/components/ui/Alert";
import type { FormState } from "@/lib/actions/form-state";
import type { RetainerView } from "@/lib/retainers/queries";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

export interface RetainerActions {
  startPaymentMethod: Action;
  pause: Action;
  resume: Action;
  giveNotice: Action;
}

/**
 * What a party may do with a running retainer: the client saves (or changes) the SEPA mandate or
 * card, and pays a refused month with a new one; pauses or resumes; either side gives notice.
 * `returnedFromSetup`: the client has just come back from the payment method page.
 */
export async function RetainerControls({ contractId, view, actions, returnedFromSetup }: { contractId: string; view: RetainerView; actions: RetainerActions; returnedFromSetup: boolean }) {
  const t = await getTranslations("retainers");
  const { retainer, side, latestSetup } = view;
  const client = side === "client";
  const running = side !== "admin" && retainer.status !== "ended";
  const refused = view.months.some((m) => m.state === "failed");
  const hidden = { contractId };
  const methodForms = (label: (kind: "sepa_debit" | "card") => string) =>
    (["sepa_debit", "card"] as const).map((kind) => <SimpleActionForm key={kind} label={label(kind)} hidden={{ ...hidden, kind }} action={actions.startPaymentMethod} />);
  return (
    <>
      <Link href={`/contracts/${contractId}/tickets`} className="self-start underline">
        {t("ticketsLink")}
      </Link>
      <RetainerPlanLink contractId={contractId} />
      {client && latestSetup?.status === "failed" ? <Alert tone="error">{t(`setupFailed_${latestSetup.kind}`)}</Alert> : null}
      {client && returnedFromSetup && latestSetup?.status === "open" ? <Alert tone="info">{t("setupConfirming")}</Alert> : null}
      {running && client && refused ? (
        <div className="flex flex-col gap-3">
          <Alert tone="warning">{t("monthRefusedAction")}</Alert>
          <div className="flex flex-wrap gap-4">{methodForms((kind) => t(`payNow_${kind}`))}</div>
        </div>
      ) : null}
      {running ? (
        <div className="flex flex-wrap gap-4">
          {client && !refused ? methodForms((kind) => t(retainer.paymentMethodId ? `changePaymentMethod_${kind}` : `savePaymentMethod_${kind}`)) : null}
          {client && retainer.status === "active" ? <SimpleActionForm label={t("pause")} hidden={hidden} action={actions.pause} /> : null}
          {client && retainer.status === "paused" ? <SimpleActionForm label={t("resume")} hidden={hidden} action={actions.resume} /> : null}
          {!retainer.noticeGivenAt ? (
            <ConfirmActionForm
              buttonLabel={t("giveNotice")}
              confirmLabel={t("giveNoticeConfirm", { days: retainer.noticeDays, months: retainer.minimumTermMonths })}
              hidden={hidden}
              action={actions.giveNotice}
            />
          ) : null}
        </div>
      ) : null}
    </>
  );
}
