import "server-only";
import type { Actor } from "@/lib/auth/actor";
import { loadContractFor } from "@/lib/contracts/access";
import { contractDocumentPdf } from "@/lib/contracts/document-pdf";
import { getContractView } from "@/lib/contracts/queries";
import type { DocumentLocale } from "@/lib/contracts/documents/types";
import { db } from "@/db/client";
import { renderTableDocumentPdf } from "@/lib/pdf/table-document";
import { renderTextDocumentPdf } from "@/lib/pdf/text-document";
import { fail, ok, type Result } from "@/lib/result";
import { getTrainingView } from "../attendees";
import { attendanceSheet, completionCertificate } from "./sheets";

export type TrainingDocumentRequest =
  | { doc: "agreement" }
  | { doc: "attendance"; sessionId: string }
  | { doc: "certificate"; attendeeId: string };

export type TrainingDocumentError = "not_found" | "not_delivered";

/** Sessions whose milestone reached one of these were delivered: certificates can be issued once all were. */
const DELIVERED = new Set(["delivered", "released", "split"]);

function slug(text: string): string {
  const folded = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  return folded.slice(0, 40) || "stagiaire";
}

/**
 * One of a training contract's documents as a PDF, for its parties and admins: the training
 * agreement, a session's attendance sheet, or an attendee's certificate of completion (only once
 * every session was delivered). French by default, English as a translation.
 */
export async function trainingDocumentPdf(
  actor: Actor | null,
  contractId: string,
  request: TrainingDocumentRequest,
  locale: DocumentLocale,
): Promise<Result<{ bytes: Uint8Array; fileName: string }, TrainingDocumentError>> {
  const view = await getTrainingView(actor, contractId);
  if (!view) return fail("not_found");
  const { contract } = await loadContractFor(db, actor, contractId);
  const fr = locale === "fr";
  // The agreement is one of the contract's accepted documents: its PDF carries the hash and the acceptances.
  if (request.doc === "agreement") return ok(await contractDocumentPdf(await getContractView(actor, contractId), "training_agreement", locale));
  if (request.doc === "attendance") {
    const session = view.sessions.find((s) => s.id === request.sessionId);
    if (!session) return fail("not_found");
    const input = attendanceSheet(contract.facts, { date: session.date, slot: session.slot }, session.position, view.attendees.map((a) => a.fullName), locale);
    const bytes = await renderTableDocumentPdf(input);
    return ok({ bytes, fileName: `${fr ? "feuille-emargement-session" : "attendance-sheet-session"}-${session.position + 1}-${locale}.pdf` });
  }
  const attendee = view.attendees.find((a) => a.id === request.attendeeId);
  if (!attendee) return fail("not_found");
  if (!view.sessions.every((s) => DELIVERED.has(s.milestoneStatus))) return fail("not_delivered");
  const certificate = completionCertificate(contract.facts, attendee.fullName, locale);
  const bytes = await renderTextDocumentPdf({ ...certificate, footer: fr ? `Contrat Compagnon ${contract.id}` : `Compagnon contract ${contract.id}`, lang: locale, author: contract.facts.expert.name });
  return ok({ bytes, fileName: `${fr ? "attestation-fin-de-formation" : "certificate-of-completion"}-${slug(attendee.fullName)}-${locale}.pdf` });
}
