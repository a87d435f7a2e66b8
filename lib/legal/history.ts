import "server-only";
import { db } from "@/db/client";
import { legalAnnouncements } from "@/db/schema";
import { LEGAL_DOCUMENTS, LEGAL_VERSIONS, type LegalDocument } from "./versions";

export type VersionStatus = "replaced" | "current" | "upcoming";
export type HistoryEntry = { version: string; effectiveAt: Date; status: VersionStatus };

/**
 * Each document's versions that were ever in force or are announced, oldest first: the first
 * version, then the announced ones; the latest one whose date has come is the current one.
 */
export async function legalHistory(now = new Date()): Promise<Record<LegalDocument, HistoryEntry[]>> {
  const announced = await db.select().from(legalAnnouncements);
  const history = {} as Record<LegalDocument, HistoryEntry[]>;
  for (const document of LEGAL_DOCUMENTS) {
    const first = LEGAL_VERSIONS[document][0]!;
    const dated = [
      { version: first.version, effectiveAt: new Date(`${first.baselineFrom}T00:00:00Z`) },
      ...announced.filter((a) => a.document === document).map((a) => ({ version: a.version, effectiveAt: a.effectiveAt })),
    ].sort((a, b) => a.effectiveAt.getTime() - b.effectiveAt.getTime());
    const currentIndex = dated.findLastIndex((entry) => entry.effectiveAt <= now);
    history[document] = dated.map((entry, index) => ({
      ...entry,
      status: index === currentIndex ? "current" : index < currentIndex ? "replaced" : "upcoming",
    }));
  }
  return history;
}

/** One version of the terms as the versions page shows it, or null when never announced. */
export async function termsVersionEntry(version: string, now = new Date()): Promise<HistoryEntry | null> {
  return (await legalHistory(now)).terms.find((entry) => entry.version === version) ?? null;
}
