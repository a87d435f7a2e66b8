import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { ContractDocumentsList } from "@/components/contracts/ContractDocumentsList";
import type { ContractDocumentKind } from "@/db/schema";
import type { ContractView } from "@/lib/contracts/queries";
import type { handoverSummary } from "@/lib/handover/queries";

/**
 * The contract's documents with the handover pack once delivered (its PDF in the client's
 * language first), then the link to the handover and access register when the contract keeps one.
 */
export async function HandoverOnContract({ view, awaitingMe, handover }: { view: ContractView; awaitingMe: ContractDocumentKind[]; handover: Awaited<ReturnType<typeof handoverSummary>> }) {
  const [h, format] = await Promise.all([getTranslations("handover"), getFormatter()]);
  const other = handover.clientLocale === "fr" ? ("en" as const) : ("fr" as const);
  const delivered = handover.deliveredAt
    ? {
        deliveredOn: h("packDeliveredOn", { date: format.dateTime(handover.deliveredAt, { dateStyle: "long" }), name: view.contract.facts.expert.name }),
        pdf: [handover.clientLocale, other].map((lang) => ({ lang, label: h("pdfLink", { language: h(`language_${lang}`) }) })),
      }
    : null;
  return (
    <>
      <ContractDocumentsList view={view} awaitingMe={awaitingMe} handover={delivered} />
      {handover.register ? (
        <p>
          <Link href={`/contracts/${view.contract.id}/handover`} className="font-semibold underline">
            {h("openHandover")}
          </Link>
        </p>
      ) : null}
    </>
  );
}
