import type { ContractDocumentKind, ContractFacts } from "@/db/schema/contracts";

export type { ContractDocumentKind, ContractFacts };

/** The two languages the documents are written in. The French text is the binding one. */
export type DocumentLocale = "fr" | "en";

export interface DocumentSection {
  heading: string;
  paragraphs: string[];
}

/** A contract document as shown on the page, rendered as text for its hash, and as a PDF. */
export interface ContractDocument {
  kind: ContractDocumentKind;
  version: string;
  locale: DocumentLocale;
  title: string;
  sections: DocumentSection[];
}
