import type { ContractFacts, HandoverPack } from "@/db/schema";
import { formatDate, formatParisDay } from "@/lib/contracts/documents/format";
import type { DocumentLocale, DocumentSection } from "@/lib/contracts/documents/types";
import { translator } from "@/lib/i18n/translator";

/** What the document says of an access. */
export interface DocumentAccess {
  kind: string;
  label: string;
  holder: string;
  since: string;
  revokedAt: Date | null;
  revokedBy: string | null;
  toRevoke: boolean;
  decision: "revoked" | "kept" | null;
  decidedAt: Date | null;
  decidedBy: string | null;
}

/** The status line of an access: in use, revoked (when, by whom), kept by the client's decision. */
function accessStatus(a: DocumentAccess, locale: DocumentLocale): string {
  const t = translator(locale, "handover");
  const day = (d: Date) => formatParisDay(d.toISOString(), locale);
  if (a.revokedAt) return t("statusRevoked", { date: day(a.revokedAt), name: a.revokedBy ?? "—" });
  if (a.decision === "kept" && a.decidedAt) return t("statusKept", { date: day(a.decidedAt), name: a.decidedBy ?? "—" });
  if (a.toRevoke) return t("statusToRevoke");
  return t("statusActive");
}

function accessLine(a: DocumentAccess, locale: DocumentLocale): string {
  const t = translator(locale, "handover");
  return `${t(`kind_${a.kind}`)} — ${a.label}. ${t("heldBy", { holder: a.holder, date: formatDate(a.since, locale) })} ${accessStatus(a, locale)}`;
}

/**
 * The handover pack as a document, in one language: the architecture, the network diagram's
 * files, the backups and their restore procedure, the admin accounts, the update procedure, the
 * accesses to revoke with the client's answers, and the whole register. No secret is in it.
 */
export function handoverDocument(
  facts: ContractFacts,
  pack: Pick<HandoverPack, "architecture" | "backups" | "restoreProcedure" | "lastRestoreTestOn" | "adminAccounts" | "updateProcedure" | "deliveredAt">,
  accesses: DocumentAccess[],
  diagrams: string[],
  locale: DocumentLocale,
): { title: string; subtitle: string; sections: DocumentSection[] } {
  const t = translator(locale, "handover");
  const toRevoke = accesses.filter((a) => a.toRevoke);
  const sections: DocumentSection[] = [
    { heading: t("pdf.parties"), paragraphs: [t("pdf.partiesText", { client: facts.client.legalName, expert: facts.expert.name, job: facts.job.title.trim() }), t("pdf.noSecrets")] },
    { heading: t("architecture"), paragraphs: [pack.architecture] },
    { heading: t("pdf.diagram"), paragraphs: diagrams.length > 0 ? diagrams.map((name) => t("pdf.diagramFile", { name })) : [t("pdf.noDiagram")] },
    { heading: t("backups"), paragraphs: [pack.backups] },
    { heading: t("restoreProcedure"), paragraphs: [pack.restoreProcedure, t("pdf.lastRestoreTest", { date: formatDate(pack.lastRestoreTestOn, locale) })] },
    { heading: t("adminAccounts"), paragraphs: [pack.adminAccounts] },
    { heading: t("updateProcedure"), paragraphs: [pack.updateProcedure] },
    { heading: t("pdf.toRevoke"), paragraphs: toRevoke.length > 0 ? toRevoke.map((a) => accessLine(a, locale)) : [t("pdf.noneToRevoke")] },
    { heading: t("registerHeading"), paragraphs: accesses.length > 0 ? accesses.map((a) => accessLine(a, locale)) : [t("registerEmpty")] },
  ];
  return {
    title: t("pdf.title"),
    subtitle: t("pdf.subtitle", { job: facts.job.title.trim(), date: formatParisDay(pack.deliveredAt.toISOString(), locale) }),
    sections,
  };
}
