import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { ContractDocumentKind } from "@/db/schema";
import type { ContractView } from "@/lib/contracts/queries";

/** The delivered handover pack, listed with the documents: its PDF in the client's language first. */
export interface HandoverDocument {
  deliveredOn: string;
  pdf: { lang: "fr" | "en"; label: string }[];
}

/**
 * The contract's documents: who accepted each one and when, a link to read it, and its PDFs;
 * then the handover pack once delivered.
 * `awaitingMe`: the documents the viewer still has to accept (the page asks `awaitsAcceptance`).
 */
export async function ContractDocumentsList({ view, awaitingMe, handover = null }: { view: ContractView; awaitingMe: ContractDocumentKind[]; handover?: HandoverDocument | null }) {
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
        {handover ? (
          <li className="flex flex-col gap-3 rounded-lg border border-stone-200 bg-white p-4">
            <h3 className="font-semibold">{t("document_handover")}</h3>
            <p className="text-sm">{handover.deliveredOn}</p>
            <div className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
              <Link href={`/contracts/${view.contract.id}/handover`} className="font-semibold underline">
                {t("read")}
              </Link>
              {handover.pdf.map((pdf) => (
                <a key={pdf.lang} href={`/contracts/${view.contract.id}/handover/pdf?lang=${pdf.lang}`} className="underline" download>
                  {pdf.label}
                </a>
              ))}
            </div>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
