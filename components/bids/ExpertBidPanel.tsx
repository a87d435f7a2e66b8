import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { BidDetails, type BidView } from "./BidDetails";

interface ExpertBidPanelProps {
  bid: BidView | null;
  canBid: boolean;
  notVerified: boolean;
  bidForm: ReactNode;
  withdrawForm: ReactNode;
}

/** On a job page, for experts: their own bid, or the form to send one. */
export async function ExpertBidPanel({ bid, canBid, notVerified, bidForm, withdrawForm }: ExpertBidPanelProps) {
  const t = await getTranslations("bids");
  return (
    <section aria-labelledby="my-bid" className="rounded-lg border border-brand-100 bg-white p-6">
      <h2 id="my-bid" className="text-xl font-semibold">{bid ? t("myBid") : t("sendBid")}</h2>
      <div className="mt-4 flex flex-col gap-4">
        {bid ? (
          <>
            <BidDetails bid={bid} showNet />
            {bid.status === "submitted" ? withdrawForm : null}
          </>
        ) : canBid ? (
          bidForm
        ) : (
          <p className="text-stone-800">{notVerified ? t("onlyVerified") : t("jobNotOpen")}</p>
        )}
      </div>
    </section>
  );
}
