import Link from "next/link";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { BidPrice } from "@/lib/bids/prices";
import { BidDetails, type BidView } from "./BidDetails";

interface ExpertBidPanelProps {
  bid: (BidView & { jobId: string; contractId: string | null; price: BidPrice | null }) | null;
  canBid: boolean;
  notVerified: boolean;
  /** Shown above the bid form when the expert is not yet ready to be paid (see ReadinessChecklist). */
  readinessNotice?: ReactNode;
  bidForm: ReactNode;
  withdrawForm: ReactNode;
  /** A training need: the bid's training terms (program, sessions…) are stated on their own page. */
  trainingTerms?: boolean;
  /** A monthly support need: the bid's service level (fee, hours, response targets…) is stated on its own page. */
  retainerTerms?: boolean;
}

/** Why a bid can no longer be edited nor withdrawn, by status (the client has acted on it). */
const lockedReason = {
  shortlisted: "lockedShortlisted",
  declined: "lockedDeclined",
  accepted: "lockedAccepted",
} as const;

/** On a job page, for experts: their own bid (to edit or withdraw while the client has not acted), or the form to send one. */
export async function ExpertBidPanel({ bid, canBid, notVerified, readinessNotice, bidForm, withdrawForm, trainingTerms = false, retainerTerms = false }: ExpertBidPanelProps) {
  const [t, m, tr, rt] = await Promise.all([getTranslations("bids"), getTranslations("conversation"), getTranslations("training"), getTranslations("retainers")]);
  return (
    <section aria-labelledby="my-bid" className="rounded-lg border border-brand-100 bg-white p-6">
      <h2 id="my-bid" className="text-xl font-semibold">{bid ? t("myBid") : t("sendBid")}</h2>
      <div className="mt-4 flex flex-col gap-4">
        {bid ? (
          <>
            <BidDetails bid={bid} showNet price={bid.price ?? undefined} />
            {bid.status === "submitted" ? (
              <>
                <p className="text-sm text-stone-800">{t("editableNote")}</p>
                <p>
                  <Link href={`/jobs/${bid.jobId}/bid/edit`} className="font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700">
                    {t("editMyBid")}
                  </Link>
                </p>
                {trainingTerms ? (
                  <p>
                    <Link href={`/jobs/${bid.jobId}/bid/training`} className="font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700">
                      {tr("editTerms")}
                    </Link>
                  </p>
                ) : null}
                {retainerTerms ? (
                  <p>
                    <Link href={`/jobs/${bid.jobId}/bid/retainer`} className="font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700">
                      {rt("editTerms")}
                    </Link>
                  </p>
                ) : null}
                {withdrawForm}
              </>
            ) : bid.status in lockedReason ? (
              <p className="rounded-md bg-stone-100 p-3 text-sm text-stone-900">{t(lockedReason[bid.status as keyof typeof lockedReason])}</p>
            ) : null}
            <p className="flex flex-wrap gap-x-6 gap-y-2">
              {bid.contractId ? (
                <Link href={`/contracts/${bid.contractId}`} className="font-semibold text-brand-900 underline underline-offset-4 hover:text-brand-700">
                  {t("openContract")}
                </Link>
              ) : null}
              <Link href={`/jobs/${bid.jobId}/bids/${bid.id}`} className="font-medium text-brand-900 underline underline-offset-4 hover:text-brand-700">
                {m("messageClient")}
              </Link>
            </p>
          </>
        ) : canBid ? (
          <>
            {readinessNotice}
            {bidForm}
          </>
        ) : (
          <p className="text-stone-800">{notVerified ? t("onlyVerified") : t("jobNotOpen")}</p>
        )}
      </div>
    </section>
  );
}
