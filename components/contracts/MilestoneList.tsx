import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { AttachmentList } from "@/components/attachments/AttachmentList";
import type { AttachmentLink } from "@/lib/attachments/store";
import type { FormState } from "@/lib/actions/form-state";
import type { ContractView } from "@/lib/contracts/queries";
import type { ContractMoney } from "@/lib/payments/contract-money";
import { FundingReturnNotice } from "@/components/payments/FundingReturnNotice";
import { MilestoneMoneyFacts } from "@/components/payments/MilestoneMoneyFacts";
import { ConfirmActionForm } from "./ConfirmActionForm";
import { DeliverMilestoneForm, DisputeForm, FundMilestoneForm } from "./MilestoneActions";
import { formatMoney } from "@/lib/money/format";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

interface MilestoneListProps {
  view: ContractView;
  money: ContractMoney;
  /** The `funding` query parameter: a payment id back from Checkout, or "cancelled". */
  fundingParam: string | null;
  actions: { fund: Action; deliver: Action; approve: Action; dispute: Action };
  /** Each milestone's latest dispute, linked to its page. */
  disputes: Map<string, { id: string; status: "open" | "settled" }>;
  /** The files sent with each delivery. */
  deliveryFiles: Map<string, AttachmentLink[]>;
  /** Payments run in test mode: a SEPA debit waiting for the bank can be settled by hand. */
  testMode?: boolean;
}

/**
 * The contract's milestones, each with its amount, due date and state in words, what happened
 * to its money, and what the person looking may do now: the client funds the next one,
 * approves or disputes a delivery; the expert marks a funded one delivered.
 */
export async function MilestoneList({ view, money, fundingParam, actions, disputes, deliveryFiles, testMode = false }: MilestoneListProps) {
  const [t, c, d, tm, prices, format, locale] = await Promise.all([getTranslations("payments"), getTranslations("contracts"), getTranslations("disputes"), getTranslations("testMode"), getTranslations("prices"), getFormatter(), getLocale()]);
  const { contract, side, milestones } = view;
  const euros = (cents: number) => formatMoney(cents, locale);
  const day = (d: string) => format.dateTime(new Date(`${d}T12:00:00Z`), { dateStyle: "long" });
  const active = contract.status === "active";
  const nextToFund = milestones.find((m) => m.status === "pending")?.id ?? null;
  return (
    <div className="flex flex-col gap-4">
      <FundingReturnNotice contractId={contract.id} fundingParam={fundingParam} funding={money.funding} milestones={milestones} />
      <ol className="flex flex-col gap-4">
        {milestones.map((m) => {
          const state = money.byMilestone[m.id];
          if (!state) return null;
          const ids = { contractId: contract.id, milestoneId: m.id };
          // Paid, waiting for the provider's word: no second payment, and the state says so.
          const confirming = m.status === "pending" && state.payment?.confirming === true;
          const canFund = side === "client" && active && m.id === nextToFund && !confirming;
          return (
            <li key={m.id} id={`milestone-${m.id}`} className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="text-lg font-semibold">{t("milestoneHeading", { position: m.position + 1, title: m.title })}</h3>
                {/* What the client pays for it: said so, beside the line that splits it into HT and VAT. */}
                <p className="text-lg font-semibold tabular-nums">{prices("inclVat", { amount: euros(state.charge.chargeCents) })}</p>
              </div>
              <p className="text-sm text-stone-700">
                {state.charge.vatCents > 0
                  ? t("chargeWithVat", { exVat: euros(state.charge.exVatCents), vat: euros(state.charge.vatCents) })
                  : t("chargeNoVat")}
              </p>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
                <dt className="font-semibold">{c("milestoneDue")}</dt>
                <dd>{day(m.dueOn)}</dd>
                <dt className="font-semibold">{c("milestoneStatus")}</dt>
                <dd>{confirming ? t("status_confirming") : t(`status_${m.status}`)}</dd>
              </dl>
              <MilestoneMoneyFacts status={m.status} side={side} money={state} />
              <AttachmentList links={deliveryFiles.get(m.id) ?? []} />
              {disputes.has(m.id) ? (
                <Link href={`/contracts/${contract.id}/disputes/${disputes.get(m.id)?.id}`} className="self-start font-semibold underline">
                  {d("seeDispute")}
                </Link>
              ) : null}
              {testMode && side === "client" && state.payment?.status === "processing" && state.payment.method === "sepa_debit" && state.payment.checkoutSessionId ? (
                <p className="text-sm">
                  <Link href={`/pay/test/checkout/${state.payment.checkoutSessionId}`} className="font-semibold text-brand-900 underline underline-offset-4">
                    {tm("settleFromContract")}
                  </Link>
                </p>
              ) : null}

              {canFund ? <FundMilestoneForm {...ids} action={actions.fund} resume={state.payment?.status === "open"} /> : null}
              {side === "expert" && m.status === "funded" ? <DeliverMilestoneForm {...ids} action={actions.deliver} /> : null}
              {side === "client" && m.status === "delivered" ? (
                <ConfirmActionForm
                  confirmLabel={t("approveConfirm", { amount: euros(state.charge.chargeCents) })}
                  buttonLabel={t("approve")}
                  hidden={ids}
                  action={actions.approve}
                />
              ) : null}
              {side === "client" && (m.status === "funded" || m.status === "delivered") ? <DisputeForm {...ids} action={actions.dispute} /> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
