import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { handoverPacks } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { attachmentsByOwner } from "@/lib/attachments/store";
import { loadContractFor } from "@/lib/contracts/access";
import type { DocumentLocale } from "@/lib/contracts/documents/types";
import { renderTextDocumentPdf } from "@/lib/pdf/text-document";
import { fail, ok, type Result } from "@/lib/result";
import { handoverDocument } from "./document";
import { accessRows, clientLocale } from "./queries";

/**
 * The delivered handover pack as a PDF, for the contract's parties and admins, in the client's
 * language unless another is asked for; drawn from the register as it stands now, so the
 * client's answers appear in it.
 */
export async function handoverPdf(actor: Actor | null, contractId: string, wanted: DocumentLocale | null): Promise<Result<{ bytes: Uint8Array; fileName: string }, "not_found">> {
  const { contract } = await loadContractFor(db, actor, contractId);
  const [pack] = await db.select().from(handoverPacks).where(eq(handoverPacks.contractId, contract.id));
  if (!pack) return fail("not_found");
  const locale = wanted ?? (await clientLocale(contract));
  const [accesses, files] = await Promise.all([accessRows(contract.id), attachmentsByOwner(db, "handoverContractId", [contract.id])]);
  const document = handoverDocument(contract.facts, pack, accesses, (files.get(contract.id) ?? []).map((f) => f.name), locale);
  const bytes = await renderTextDocumentPdf({
    ...document,
    footer: locale === "fr" ? `Contrat Compagnon ${contract.id}` : `Compagnon contract ${contract.id}`,
    lang: locale,
    author: contract.facts.expert.name,
    createdAt: pack.deliveredAt,
  });
  return ok({ bytes, fileName: `${locale === "fr" ? "dossier-de-remise" : "handover-pack"}-${locale}.pdf` });
}
