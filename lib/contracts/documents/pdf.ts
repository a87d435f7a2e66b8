import { renderTextDocumentPdf } from "@/lib/pdf/text-document";
import { contractDocumentSha256 } from "./build";
import { formatParisDay } from "./format";
import type { ContractDocument, DocumentLocale } from "./types";

/** One side's recorded acceptance of the document, as the PDF lists it. */
export interface DocumentAcceptanceLine {
  side: "client" | "expert";
  /** The party the side stands for: the client company, or the expert's organisation. */
  party: string;
  acceptance: { userName: string | null; acceptedAt: Date; version: string; contentSha256: string } | null;
}

/** "17:02" in Paris time. */
function parisTime(instant: Date): string {
  return new Intl.DateTimeFormat("fr-FR", { timeZone: "Europe/Paris", hour: "2-digit", minute: "2-digit" }).format(instant);
}

/**
 * The acceptances as a closing section of the PDF (not part of the hashed text): for each side,
 * who accepted, when (Paris time), which version, and the SHA-256 of the text they accepted.
 */
export function acceptanceSection(lines: DocumentAcceptanceLine[], locale: DocumentLocale): { heading: string; paragraphs: string[] } {
  const fr = locale === "fr";
  const paragraphs = lines.map(({ side, party, acceptance }) => {
    const who = `${side === "client" ? (fr ? "Client" : "Client") : fr ? "Prestataire" : "Provider"} (${party})`;
    if (!acceptance) return fr ? `${who}\u00a0: pas encore acceptée.` : `${who}: not accepted yet.`;
    const day = formatParisDay(acceptance.acceptedAt.toISOString(), locale);
    const time = parisTime(acceptance.acceptedAt);
    const name = acceptance.userName ?? "—";
    return fr
      ? `${who}\u00a0: acceptée par ${name} le ${day} à ${time} (heure de Paris), version ${acceptance.version}, empreinte SHA-256 ${acceptance.contentSha256}.`
      : `${who}: accepted by ${name} on ${day} at ${time} (Paris time), version ${acceptance.version}, SHA-256 ${acceptance.contentSha256}.`;
  });
  return { heading: fr ? "Acceptations enregistrées" : "Recorded acceptances", paragraphs };
}

/**
 * The document as a downloadable PDF, with its version and the SHA-256 of its (French, binding)
 * text on every page and, when given, the acceptances recorded so far at the end.
 */
export function renderContractDocumentPdf(doc: ContractDocument, options: { acceptances?: DocumentAcceptanceLine[]; bindingSha256?: string } = {}): Promise<Uint8Array> {
  const fr = doc.locale === "fr";
  const sections = options.acceptances ? [...doc.sections, acceptanceSection(options.acceptances, doc.locale)] : doc.sections;
  // A translation's footer names the hash of the French text, the one the parties accepted.
  const footer = options.bindingSha256 && !fr ? `SHA-256 of the binding French text: ${options.bindingSha256}` : `${fr ? "Empreinte SHA-256\u00a0:" : "SHA-256:"} ${options.bindingSha256 ?? contractDocumentSha256(doc)}`;
  return renderTextDocumentPdf({
    title: doc.title,
    subtitle: fr ? `Version ${doc.version} — texte faisant foi` : `Version ${doc.version} — translation, the French text is binding`,
    sections,
    footer,
    lang: doc.locale,
    author: "Compagnon",
  });
}

/** A file name for the download: "accord-de-confidentialite-nda-2026-11-fr.pdf". */
export function contractDocumentFileName(doc: ContractDocument): string {
  const stem = {
    nda: { fr: "accord-de-confidentialite", en: "non-disclosure-agreement" },
    dpa: { fr: "accord-de-sous-traitance-rgpd", en: "data-processing-agreement" },
    training_agreement: { fr: "convention-de-formation", en: "training-agreement" },
  }[doc.kind][doc.locale];
  return `${stem}-${doc.version}-${doc.locale}.pdf`;
}
