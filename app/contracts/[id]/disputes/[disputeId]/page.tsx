import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { DisputeFacts } from "@/components/disputes/DisputeFacts";
import { DisputeMessageForm } from "@/components/disputes/DisputeMessageForm";
import { DisputeThread } from "@/components/disputes/DisputeThread";
import { DisputeWindowNotice } from "@/components/disputes/DisputeWindowNotice";
import { ReadyForDecisionForm } from "@/components/disputes/ReadyForDecisionForm";
import { Alert } from "@/components/ui/Alert";
import { PageHeading } from "@/components/ui/PageHeading";
import { redirectPendingAdmin } from "@/lib/auth/admin-page";
import { currentActor } from "@/lib/auth/current-actor";
import { PolicyError } from "@/lib/auth/policy";
import { getDisputeCase } from "@/lib/disputes/queries";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";
import { declareReadyAction, postDisputeMessageAction } from "./actions";
import { formatMoney } from "@/lib/money/format";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("disputes"))("pageTitle") };
}

/** A dispute for the contract's parties (and admins): the facts, the response window, the thread, the decision. */
export default async function ContractDisputePage({ params, searchParams }: { params: Promise<{ id: string; disputeId: string }>; searchParams: PageSearchParams }) {
  const [{ id, disputeId }, { done }] = await Promise.all([params, searchParams.then(searchParamsOf)]);
  const path = `/contracts/${id}/disputes/${disputeId}`;
  const actor = await currentActor();
  if (!actor) redirect(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  redirectPendingAdmin(actor, path);
  const found = await getDisputeCase(actor, disputeId).catch((error: unknown) => {
    if (error instanceof PolicyError) return null;
    throw error;
  });
  if (!found || found.contract.id !== id) notFound();
  const [t, p, locale] = await Promise.all([getTranslations("disputes"), getTranslations("payments"), getLocale()]);
  const euros = (cents: number) => formatMoney(cents, locale);
  const { dispute, side } = found;
  const open = dispute.status === "open";
  const ready = side === "client" ? Boolean(dispute.clientReadyAt) : Boolean(dispute.expertReadyAt);
  return (
    <div className="flex flex-col gap-8">
      <Link href={`/contracts/${id}`} className="self-start underline">
        {t("backToContract")}
      </Link>
      <PageHeading title={t("heading", { position: found.milestone.number, milestone: found.milestone.title })} lead={open ? t("leadOpen") : t("leadSettled")} />
      {done === "opened" ? <Alert tone="success">{t("opened")}</Alert> : null}
      <DisputeWindowNotice found={found} />
      <DisputeFacts found={found} />
      {!open ? (
        <section aria-labelledby="dispute-decision" className="rounded-lg border border-brand-100 bg-white p-6 text-sm">
          <h2 id="dispute-decision" className="text-xl font-semibold">{t("settledHeading")}</h2>
          <p className="mt-2 font-semibold">
            {dispute.outcome === "split"
              ? p("settled_split", { refund: euros(dispute.refundCents ?? 0), release: euros(dispute.releaseCents ?? 0) })
              : dispute.outcome ? p(`settled_${dispute.outcome}`) : null}
          </p>
          {dispute.resolutionNote ? <p className="mt-2 whitespace-pre-line">{p("settlementNote", { note: dispute.resolutionNote })}</p> : null}
        </section>
      ) : null}
      <DisputeThread messages={found.thread} />
      {open ? <DisputeMessageForm disputeId={dispute.id} action={postDisputeMessageAction} /> : <p className="text-stone-700">{t("closed")}</p>}
      {open && side !== "admin" ? <ReadyForDecisionForm disputeId={dispute.id} ready={ready} action={declareReadyAction} /> : null}
    </div>
  );
}
