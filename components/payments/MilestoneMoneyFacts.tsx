import Link from "next/link";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import type { MilestoneStatus } from "@/db/schema";
import type { MilestoneMoney } from "@/lib/payments/contract-money";
import { Alert } from "@/components/ui/Alert";
import { formatMoney } from "@/lib/money/format";

interface MilestoneMoneyFactsProps {
  status: MilestoneStatus;
  side: "client" | "expert" | "admin";
  money: MilestoneMoney;
}

/**
 * What happened to a milestone's money, in words: a payment being confirmed, the delivery
 * note, the automatic approval date, a dispute and how it was settled, the expert's transfer
 * (expert and admins) and the client's refund.
 */
export async function MilestoneMoneyFacts({ status, side, money }: MilestoneMoneyFactsProps) {
  const [t, h, format, locale] = await Promise.all([getTranslations("payments"), getTranslations("handover"), getFormatter(), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "long", timeStyle: "short" });
  const { payment, delivery, dispute, transfer, refund } = money;
  return (
    <div className="flex flex-col gap-3 text-sm">
      {status === "pending" && payment?.status === "processing" ? (
        <Alert tone="info">{payment.method === "sepa_debit" ? t("sepaProcessing") : t("paymentProcessing")}</Alert>
      ) : null}
      {status === "funded" ? <p className="text-stone-700">{t("heldExplain")}</p> : null}

      {delivery ? (
        <div className="rounded-md bg-stone-50 p-3">
          <p className="font-semibold">
            {delivery.deliveredAt ? t("deliveredOn", { date: when(delivery.deliveredAt) }) : t("deliveryNote")}
          </p>
          <p className="mt-1 whitespace-pre-line">{delivery.note}</p>
        </div>
      ) : null}
      {status === "delivered" && money.awaitsHandoverPack ? <p>{h("awaitsPack")}</p> : null}
      {status === "delivered" && money.autoApproveAt && !money.awaitsHandoverPack ? (
        <p>{t(side === "client" ? "autoApproveClient" : "autoApproveOther", { date: when(money.autoApproveAt) })}</p>
      ) : null}

      {dispute?.status === "open" ? (
        <Alert tone="warning">
          <p className="font-semibold">{t("frozen")}</p>
          <p className="mt-1">{t("disputeReasonIs", { reason: t(`reason_${dispute.reason}`) })}</p>
          {dispute.text ? <p className="mt-1 whitespace-pre-line">{dispute.text}</p> : null}
          {side === "admin" ? (
            <p className="mt-2">
              <Link href={`/admin/disputes/${dispute.id}`} className="font-semibold underline">
                {t("settleLink")}
              </Link>
            </p>
          ) : null}
        </Alert>
      ) : null}
      {dispute?.status === "settled" && dispute.outcome ? (
        <div className="rounded-md border border-stone-200 p-3">
          <p className="font-semibold">
            {dispute.outcome === "split"
              ? t("settled_split", { refund: euros(dispute.refundCents ?? 0), release: euros(dispute.releaseCents ?? 0) })
              : t(`settled_${dispute.outcome}`)}
          </p>
          {dispute.resolutionNote ? <p className="mt-1 whitespace-pre-line">{t("settlementNote", { note: dispute.resolutionNote })}</p> : null}
        </div>
      ) : null}

      {transfer && side !== "client" ? (
        <p>
          {t("expertNet", { net: euros(transfer.amountCents), gross: euros(transfer.grossCents), commission: euros(transfer.commissionCents) })}{" "}
          {transfer.status === "sent" && transfer.sentAt
            ? t("transferSentOn", { date: when(transfer.sentAt) })
            : t(`transfer_${transfer.status}`)}
          {transfer.status === "awaiting_payouts" && side === "expert" ? (
            <>
              {" "}
              <Link href="/expert/payouts" className="font-semibold underline">
                {t("setUpPayouts")}
              </Link>
            </>
          ) : null}
        </p>
      ) : null}
      {refund && side !== "expert" ? <p>{t(`refund_${refund.status}`, { amount: euros(refund.amountCents) })}</p> : null}
    </div>
  );
}
