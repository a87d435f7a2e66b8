import { getTranslations } from "next-intl/server";
import type { MilestoneStatus } from "@/db/schema";
import type { FundingReturn } from "@/lib/payments/contract-money";
import { Alert } from "@/components/ui/Alert";
import { PendingNotice } from "./PendingNotice";

interface FundingReturnNoticeProps {
  contractId: string;
  fundingParam: string | null;
  /** The payment named by the parameter, read from our rows (null when unknown). */
  funding: FundingReturn | null;
  milestones: { id: string; title: string; status: MilestoneStatus }[];
}

/**
 * What to say on the way back from Checkout. The redirect proves nothing: "funded" is said only
 * when the milestone row says so (a verified event wrote it); until then, "being confirmed".
 */
export async function FundingReturnNotice({ contractId, fundingParam, funding, milestones }: FundingReturnNoticeProps) {
  if (!fundingParam) return null;
  const t = await getTranslations("payments");
  if (fundingParam === "cancelled") return <Alert tone="info">{t("fundingCancelled")}</Alert>;
  const milestone = funding ? milestones.find((m) => m.id === funding.milestoneId) : undefined;
  if (!funding || !milestone) return null;
  if (milestone.status !== "pending") {
    return funding.status === "succeeded" ? <Alert tone="success">{t("fundingConfirmed", { title: milestone.title })}</Alert> : null;
  }
  if (funding.status === "processing" && funding.method === "sepa_debit") return <Alert tone="info">{t("sepaProcessing")}</Alert>;
  if (funding.status === "failed") return <Alert tone="error">{t("fundingFailed")}</Alert>;
  if (funding.status === "expired") return <Alert tone="warning">{t("fundingExpired")}</Alert>;
  return (
    <PendingNotice
      title={t("fundingPending")}
      detail={t("fundingPendingDetail")}
      href={`/contracts/${contractId}?funding=${funding.paymentId}`}
      refreshLabel={t("refresh")}
    />
  );
}
