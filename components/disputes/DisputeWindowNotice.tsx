import { getFormatter, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/Alert";
import type { DisputeCase } from "@/lib/disputes/queries";

/** Where an open dispute stands: the expert's response window, and who said they have nothing to add. */
export async function DisputeWindowNotice({ found }: { found: DisputeCase }) {
  const [t, format] = await Promise.all([getTranslations("disputes"), getFormatter()]);
  const { dispute } = found;
  if (dispute.status !== "open") return null;
  const bothReady = Boolean(dispute.clientReadyAt && dispute.expertReadyAt);
  const sides = [dispute.clientReadyAt ? t("side_client") : null, dispute.expertReadyAt ? t("side_expert") : null].filter(Boolean).join(", ");
  return (
    <Alert tone={found.mayDecide ? "info" : "warning"}>
      <p>{bothReady ? t("bothReady") : found.mayDecide ? t("windowOver") : t("windowOpen", { date: format.dateTime(found.dueAt, { dateStyle: "long", timeStyle: "short" }) })}</p>
      <p className="mt-1">{t("readyState", { sides: sides || t("readyNobody") })}</p>
    </Alert>
  );
}
