import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContractDocumentKind } from "@/db/schema";
import type { ContractView } from "@/lib/contracts/queries";

/**
 * The contract's documents: who accepted each one and when, a link to read it, and its PDFs.
 * `awaitingMe`: the documents the viewer still has to accept (the page asks `awaitsAcceptance`).
 */
export async function ContractDocumentsList({ view, awaitingMe }: { view: ContractView; awaitingMe: ContractDocumentKind[] }) {
  const [t, format] = await Promise.all([getTranslations("contracts"), getFormatter()]);
  const base = `/contracts/${view.contract.id}/documents`;
  return (
    <section aria-labelledby="contract-documents" className="flex flex-col gap-3">
      <h2 id="contract-documents" className="text-xl font-semibold">
        {view.documentsPending ? t("documentsHeading") : t("documentsAcceptedHeading")}
      </h2>
      <ul className="grid gap-4 md:grid-cols-2">
        {view.documents.map((document) => (
          <li key={document.kind} className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
            <h3 className="font-semibold">{t(`document_${document.kind}`)}</h3>
            <ul className="flex flex-col gap-1 text-sm">
              {(["client", "expert"] as const).map((side) => {
                const accepted = document.accepted[side];
                return (
                  <li key={side}>
                    {t("sideStatus", {
                      side: t(`side_${side}`),
                      status: accepted
                        ? t("acceptedBy", { name: accepted.userName ?? "—", date: format.dateTime(accepted.acceptedAt, { dateStyle: "long", timeStyle: "short" }) })
                        : t("notYetAccepted"),
                    })}
                  </li>
                );
              })}
            </ul>
            <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
              <Link href={`${base}/${document.kind}`} className="font-semibold underline">
                {awaitingMe.includes(document.kind) ? t("readAndAccept") : t("read")}
              </Link>
              <a href={`${base}/${document.kind}/pdf?lang=fr`} className="underline" download>
                {t("pdfFrench")}
              </a>
              <a href={`${base}/${document.kind}/pdf?lang=en`} className="underline" download>
                {t("pdfEnglish")}
              </a>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
