import { createHash } from "node:crypto";
import type { ContractFacts } from "@/db/schema/contracts";
import { dpaEn } from "./dpa-en";
import { dpaFr } from "./dpa-fr";
import { ndaEn } from "./nda-en";
import { ndaFr } from "./nda-fr";
import { TRAINING_AGREEMENT_VERSION, trainingAgreement } from "@/lib/training/documents/agreement";
import type { ContractDocument, ContractDocumentKind, DocumentLocale } from "./types";

/** Versions of the wording. Change one whenever its text changes, even by a word. */
export const NDA_VERSION = "nda-2026-11";
export const DPA_VERSION = "dpa-2026-11";
export const CONTRACT_DOCUMENT_VERSIONS: Record<ContractDocumentKind, string> = { nda: NDA_VERSION, dpa: DPA_VERSION, training_agreement: TRAINING_AGREEMENT_VERSION };

/** The training agreement states the VAT rate frozen with the training terms (none on contracts formed before it was kept). */
const training = (locale: DocumentLocale) => (facts: ContractFacts) => trainingAgreement(facts, facts.training?.vatRateBps ?? 0, locale);

const writers = {
  nda: { fr: ndaFr, en: ndaEn },
  dpa: { fr: dpaFr, en: dpaEn },
  training_agreement: { fr: training("fr"), en: training("en") },
} as const;

/** Whether a URL segment names a contract document ("nda", "dpa", "training_agreement"). */
export function isContractDocumentKind(value: string): value is ContractDocumentKind {
  return Object.hasOwn(CONTRACT_DOCUMENT_VERSIONS, value);
}

/**
 * One of the contract's documents, generated from the facts frozen when the contract was formed.
 * The French text is binding; the English one is a translation and says so. A DPA exists only
 * when the expert may reach personal data, a training agreement only for a training contract:
 * asking for one otherwise is a programming error.
 */
export function buildContractDocument(kind: ContractDocumentKind, facts: ContractFacts, locale: DocumentLocale): ContractDocument {
  if (kind === "dpa" && !facts.personalData) throw new Error("No data processing agreement: the contract involves no personal data");
  if (kind === "training_agreement" && !facts.training) throw new Error("No training agreement: not a training contract");
  const { title, sections } = writers[kind][locale](facts);
  return { kind, version: CONTRACT_DOCUMENT_VERSIONS[kind], locale, title, sections };
}

/**
 * The document as plain text: title, version, then each heading followed by its paragraphs,
 * separated by blank lines, in Unicode NFC with "\n" line ends. This is the text that is hashed.
 */
export function contractDocumentText(doc: ContractDocument): string {
  const blocks = [`${doc.title}\n${doc.locale === "fr" ? "Version\u00a0:" : "Version:"} ${doc.version}`];
  for (const section of doc.sections) blocks.push(section.heading, ...section.paragraphs);
  return `${blocks.map((b) => b.replace(/\r\n?/g, "\n").trim()).join("\n\n")}\n`.normalize("NFC");
}

/** Hex SHA-256 of contractDocumentText(doc): kept with each acceptance as proof of the exact text. */
export function contractDocumentSha256(doc: ContractDocument): string {
  return createHash("sha256").update(contractDocumentText(doc), "utf8").digest("hex");
}
