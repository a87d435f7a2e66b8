import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmActionForm } from "@/components/contracts/ConfirmActionForm";
import { ContractDocumentText } from "@/components/contracts/ContractDocumentText";
import { Alert } from "@/components/ui/Alert";
import { buildContractDocument, isContractDocumentKind } from "@/lib/contracts/documents/build";
import { awaitsAcceptance } from "@/lib/contracts/queries";
import { acceptDocumentAction } from "../../actions";
import { loadContractPage } from "../../load-contract";
import { searchParamsOf, type PageSearchParams } from "@/lib/http/search-params";

export async function generateMetadata({ params }: { params: Promise<{ kind: string }> }): Promise<Metadata> {
  const { kind } = await params;
  const t = await getTranslations("contracts");
  return { title: isContractDocumentKind(kind) ? t(`document_${kind}`) : t("pageTitle") };
}

/** One contract document, readable in French (binding) or English, with the acceptance form. */
export default async function ContractDocumentPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string; kind: string }>;
  searchParams: PageSearchParams;
}) {
  const [{ id, kind }, { lang }] = await Promise.all([params, searchParams.then(searchParamsOf)]);
  if (!isContractDocumentKind(kind)) notFound();
  const view = await loadContractPage(id, `/contracts/${id}/documents/${kind}`);
  const entry = view.documents.find((d) => d.kind === kind);
  if (!entry) notFound();
  const [t, uiLocale] = await Promise.all([getTranslations("contracts"), getLocale()]);
  // French is the binding text; an English reader starts on the translation.
  const locale = lang === "en" || lang === "fr" ? lang : uiLocale === "en" ? "en" : "fr";
  const document = buildContractDocument(kind, view.contract.facts, locale);
  const base = `/contracts/${id}/documents/${kind}`;
  return (
    <div className="flex flex-col gap-6">
      <Link href={`/contracts/${id}`} className="self-start underline">
        {t("backToContract")}
      </Link>
      <nav aria-label={t("languageNav")} className="flex flex-wrap gap-x-4 gap-y-2 text-sm">
        <Link href={`${base}?lang=fr`} aria-current={locale === "fr" ? "page" : undefined} className="underline aria-[current=page]:font-semibold" lang="fr" hrefLang="fr">
          Version française (fait foi)
        </Link>
        <Link href={`${base}?lang=en`} aria-current={locale === "en" ? "page" : undefined} className="underline aria-[current=page]:font-semibold" lang="en" hrefLang="en">
          English translation
        </Link>
        <a href={`${base}/pdf?lang=${locale}`} className="underline" download>
          {t("downloadPdf")}
        </a>
      </nav>
      <ContractDocumentText document={document} />
      <section aria-labelledby="document-acceptance" className="flex max-w-3xl flex-col gap-3 border-t border-stone-300 pt-6">
        <h2 id="document-acceptance" className="text-xl font-semibold">
          {t("acceptanceHeading")}
        </h2>
        {awaitsAcceptance(view, kind) ? (
          <ConfirmActionForm
            confirmLabel={t(`confirm_${kind}`, { party: view.side === "client" ? view.contract.facts.client.legalName : view.contract.facts.expert.name })}
            buttonLabel={t("acceptButton")}
            hidden={{ contractId: id, kind }}
            action={acceptDocumentAction}
          />
        ) : (
          <Alert tone="info">
            {view.side === "admin"
              ? t("adminReadOnly")
              : entry.accepted[view.side]
                ? t("youAccepted")
                : t("noLongerAcceptable")}
          </Alert>
        )}
      </section>
    </div>
  );
}
