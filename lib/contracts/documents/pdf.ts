import { renderTextDocumentPdf } from "@/lib/pdf/text-document";
import { contractDocumentSha256 } from "./build";
import type { ContractDocument } from "./types";

/** The document as a downloadable PDF, with its version and the SHA-256 of its text on every page. */
export function renderContractDocumentPdf(doc: ContractDocument): Promise<Uint8Array> {
  const fr = doc.locale === "fr";
  return renderTextDocumentPdf({
    title: doc.title,
    subtitle: fr ? `Version ${doc.version} — texte faisant foi` : `Version ${doc.version} — translation, the French text is binding`,
    sections: doc.sections,
    footer: `${fr ? "Empreinte SHA-256\u00a0:" : "SHA-256:"} ${contractDocumentSha256(doc)}`,
    lang: doc.locale,
    author: "Compagnon",
  });
}

/** A file name for the download: "accord-de-confidentialite-nda-2026-11-fr.pdf". */
export function contractDocumentFileName(doc: ContractDocument): string {
  const stem = { nda: { fr: "accord-de-confidentialite", en: "non-disclosure-agreement" }, dpa: { fr: "accord-de-sous-traitance-rgpd", en: "data-processing-agreement" } }[doc.kind][doc.locale];
  return `${stem}-${doc.version}-${doc.locale}.pdf`;
}
