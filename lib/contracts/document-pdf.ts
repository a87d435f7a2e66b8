import type { ContractDocumentKind } from "@/db/schema";
import { buildContractDocument, contractDocumentSha256 } from "./documents/build";
import { contractDocumentFileName, renderContractDocumentPdf } from "./documents/pdf";
import type { DocumentLocale } from "./documents/types";
import type { ContractView } from "./queries";

/**
 * One of a contract's documents as a PDF, in French (binding) or English: its text, the SHA-256
 * of the French text on every page, and each side's recorded acceptance (who, when, version, hash).
 */
export async function contractDocumentPdf(view: ContractView, kind: ContractDocumentKind, locale: DocumentLocale): Promise<{ bytes: Uint8Array; fileName: string }> {
  const { facts } = view.contract;
  const document = buildContractDocument(kind, facts, locale);
  const binding = locale === "fr" ? document : buildContractDocument(kind, facts, "fr");
  const entry = view.documents.find((d) => d.kind === kind);
  const acceptances = (["client", "expert"] as const).map((side) => ({
    side,
    party: side === "client" ? facts.client.legalName : facts.expert.name,
    acceptance: entry?.accepted[side] ?? null,
  }));
  const bytes = await renderContractDocumentPdf(document, { acceptances, bindingSha256: contractDocumentSha256(binding) });
  return { bytes, fileName: contractDocumentFileName(document) };
}
