import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { DisputeMessageForm } from "@/components/disputes/DisputeMessageForm";
import { DisputeThread } from "@/components/disputes/DisputeThread";
import { DisputeWindowNotice } from "@/components/disputes/DisputeWindowNotice";
import { SettleDisputeForm } from "@/components/payments/SettleDisputeForm";
import { PageHeading } from "@/components/ui/PageHeading";
import { requireAdminPage } from "@/lib/auth/admin-page";
import { getDisputeCase } from "@/lib/disputes/queries";
import { getDisputeDetail } from "@/lib/payments/admin-queries";
import { postDisputeMessageAction } from "@/app/contracts/[id]/disputes/[disputeId]/actions";
import { settleDisputeAction } from "../actions";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("adminPayments"))("disputeTitle") };
}

export default async function AdminDisputePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireAdminPage(`/admin/disputes/${id}`);
  const detail = await getDisputeDetail(actor, id);
  const found = detail ? await getDisputeCase(actor, id) : null;
  if (!detail || !found) notFound();
  const [t, p, d, format, locale] = await Promise.all([getTranslations("adminPayments"), getTranslations("payments"), getTranslations("disputes"), getFormatter(), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const when = (date: Date) => format.dateTime(date, { dateStyle: "medium", timeStyle: "short" });
  const { dispute, milestone, contract, payment, refund, transfer } = detail;
  const who = (person: { name: string | null; email: string } | null, fallback: string) => (person ? (person.name ?? person.email) : fallback);
  // Codes from the audit log and the payment provider, in words (an unknown one says so plainly).
  const actionLabel = (action: string) => {
    const key = `action_${action.replaceAll(".", "_")}`;
    return t.has(key) ? t(key) : t("action_other");
  };
  const statusLabel = (status: string) =>
    p.has(`status_${status}`) ? p(`status_${status}`) : t.has(`disputeStatus_${status}`) ? t(`disputeStatus_${status}`) : t.has(`paymentStatus_${status}`) ? t(`paymentStatus_${status}`) : status;
  const method = (code: string) => (t.has(`paymentMethod_${code}`) ? t(`paymentMethod_${code}`) : t("paymentMethod_other"));
  const facts: [string, string][] = [
    [t("client"), `${contract.client.legalName} (${contract.client.representative})`],
    [t("expert"), contract.expert.name],
    [t("milestone"), `${p("milestoneNumber", { position: milestone.position + 1, title: milestone.title })} — ${p(`status_${milestone.status}`)}`],
    [t("amount"), t("chargeDetail", { total: euros(detail.charge.chargeCents), exVat: euros(detail.charge.exVatCents), vat: euros(detail.charge.vatCents) })],
    [t("payment"), payment ? `${t(`paymentStatus_${payment.status}`)} · ${euros(payment.amountCents)}${payment.paymentMethod ? ` · ${method(payment.paymentMethod)}` : ""}${payment.paymentIntentId ? ` · ${payment.paymentIntentId}` : ""}` : t("noPayment")],
    [t("openedBy"), `${who(detail.openedBy, t("nobody"))} · ${when(dispute.createdAt)}`],
    [t("frozenFrom"), p(`status_${dispute.frozenFrom}`)],
    [t("reason"), p(`reason_${dispute.reason}`)],
  ];
  if (!dispute.openedById && dispute.text) facts.push([d("openedByBank"), dispute.text]);
  if (milestone.deliveryNote) facts.push([p("deliveryNote"), milestone.deliveryNote]);
  return (
    <div className="flex flex-col gap-8">
      <Link href="/admin/disputes" className="self-start underline">
        {t("backToDisputes")}
      </Link>
      <PageHeading title={t("disputeHeading", { job: contract.jobTitle })} lead={dispute.status === "open" ? p("frozen") : t("alreadySettled")} />
      <DisputeWindowNotice found={found} />
      <div className="grid gap-8 lg:grid-cols-[2fr_1fr]">
        <div className="flex flex-col gap-6">
          <section aria-labelledby="dispute-facts" className="rounded-lg border border-stone-200 bg-white p-6">
            <h2 id="dispute-facts" className="text-xl font-semibold">{t("facts")}</h2>
            <dl className="mt-3 grid gap-2 text-sm sm:grid-cols-[12rem_1fr]">
              {facts.map(([label, value]) => (
                <div key={label} className="contents">
                  <dt className="font-semibold">{label}</dt>
                  <dd className="whitespace-pre-line">{value}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-4 text-sm">
              <Link href={`/contracts/${contract.id}`} className="underline">{t("openContract")}</Link>
            </p>
          </section>
          <DisputeThread messages={found.thread} />
          {dispute.status === "open" ? <DisputeMessageForm disputeId={dispute.id} action={postDisputeMessageAction} /> : null}
          <section aria-labelledby="dispute-history" className="rounded-lg border border-stone-200 bg-white p-6">
            <h2 id="dispute-history" className="text-xl font-semibold">{t("history")}</h2>
            <ol className="mt-3 flex flex-col gap-2 text-sm">
              {detail.history.map((h) => (
                <li key={h.id}>
                  {when(h.createdAt)} · {actionLabel(h.action)}
                  {h.fromStatus ? ` · ${statusLabel(h.fromStatus)} → ${h.toStatus ? statusLabel(h.toStatus) : ""}` : ""}
                  {h.actorName || h.actorEmail ? ` · ${h.actorName ?? h.actorEmail}` : ""}
                  {h.reason ? ` · « ${p.has(`reason_${h.reason}`) ? p(`reason_${h.reason}`) : h.reason} »` : ""}
                </li>
              ))}
            </ol>
          </section>
        </div>
        <aside aria-labelledby="dispute-settle" className="flex flex-col gap-4 self-start rounded-lg border border-brand-100 bg-white p-6">
          <h2 id="dispute-settle" className="text-xl font-semibold">{t("settleHeading")}</h2>
          {dispute.status === "open" && !found.mayDecide ? (
            <p className="text-sm font-medium text-amber-950">{d("settleBlocked", { date: when(found.dueAt) })}</p>
          ) : null}
          {dispute.status === "open" ? (
            <SettleDisputeForm disputeId={dispute.id} amount={euros(detail.charge.chargeCents)} action={settleDisputeAction} />
          ) : (
            <div className="flex flex-col gap-2 text-sm">
              <p className="font-semibold">
                {dispute.outcome === "split"
                  ? p("settled_split", { refund: euros(dispute.refundCents ?? 0), release: euros(dispute.releaseCents ?? 0) })
                  : dispute.outcome ? p(`settled_${dispute.outcome}`) : null}
              </p>
              <p>{t("settledBy", { name: who(detail.settledBy, "—"), date: dispute.settledAt ? when(dispute.settledAt) : "—" })}</p>
              {dispute.resolutionNote ? <p className="whitespace-pre-line">{p("settlementNote", { note: dispute.resolutionNote })}</p> : null}
              {refund ? <p>{p(`refund_${refund.status}`, { amount: euros(refund.amountCents) })}</p> : null}
              {transfer ? (
                <p>
                  {p("expertNet", { net: euros(transfer.amountCents), gross: euros(transfer.grossCents), commission: euros(transfer.commissionCents) })}{" "}
                  {p(`transfer_${transfer.status}`)}
                </p>
              ) : null}
            </div>
          )}
        </aside>
      </div>
    </div>
  );
}
