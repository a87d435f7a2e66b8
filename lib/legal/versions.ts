import type { LegalDocument } from "@/db/schema";
import { parisDay } from "@/lib/dates";
import { MANDATE_VERSION, MANDATE_VERSION_2 } from "@/lib/invoicing/mandate-text";

export type { LegalDocument };
export const LEGAL_DOCUMENTS: readonly LegalDocument[] = ["terms", "privacy", "mandate"];

/** Days between the announcement of a new version and its effect: 30 when the fees change. */
export const NOTICE_DAYS = 15;
export const FEES_NOTICE_DAYS = 30;

export type LegalVersion = {
  version: string;
  /** The first version of a document: in force from this day, accepted with the account itself. */
  baselineFrom?: string;
  /** What changed, shown in the announcement email and on the acceptance page. */
  changes?: { fr: string; en: string };
};

/**
 * Every version of the legal documents whose text ships with the code (components/legal/texts.tsx
 * maps each to its text). A version other than the first takes effect only once an admin
 * announced it (legal_announcements), at least 15 days ahead (30 when the fees change).
 */
export const LEGAL_VERSIONS: Record<LegalDocument, readonly LegalVersion[]> = {
  terms: [
    { version: "1", baselineFrom: "2026-11-28" },
    {
      version: "2",
      changes: {
        fr: "Nouveaux articles sur la modération des contenus (16), le classement des résultats (17) et la contestation des décisions (18) ; les versions des CGU sont désormais numérotées et toute modification est annoncée 15 jours à l’avance (30 jours pour la commission).",
        en: "New articles on content moderation (16), how results are ordered (17) and contesting decisions (18); the Terms now carry version numbers and every change is announced 15 days ahead (30 days for the commission).",
      },
    },
    {
      version: "3",
      changes: {
        fr: "Article 17 (classement des résultats) : le client peut trier les propositions reçues par note moyenne de l’expert (ou par date de début), et un avis retiré par une décision de modération n’est compté dans aucune note. La commission ne change pas.",
        en: "Article 17 (how results are ordered): a client may sort the bids received by the expert’s average rating (or by start date), and a review removed by a moderation decision counts in no rating. The commission does not change.",
      },
    },
  ],
  privacy: [
    { version: "1", baselineFrom: "2026-12-05" },
    {
      version: "2",
      changes: {
        fr: "Nouvelle section sur les signalements, les décisions de modération et les réclamations (données enregistrées, base juridique, durée de conservation) ; la politique est désormais numérotée et toute nouvelle version est annoncée 15 jours à l’avance.",
        en: "New section on notices, moderation decisions and complaints (data recorded, legal basis, retention); the policy now carries version numbers and every new version is announced 15 days ahead.",
      },
    },
  ],
  mandate: [
    { version: MANDATE_VERSION, baselineFrom: "2026-12-01" },
    {
      version: MANDATE_VERSION_2,
      changes: {
        fr: "Le mandat couvre aussi la transmission de vos factures électroniques par la plateforme agréée, avec les données de transaction et de paiement (e-reporting), et la réception de leurs statuts (réforme de la facturation électronique). La commission ne change pas.",
        en: "The mandate also covers sending your electronic invoices through the approved platform (Plateforme Agréée), with the transaction and payment data (e-reporting), and receiving their statuses (the e-invoicing reform). The commission does not change.",
      },
    },
  ],
};

export function findVersion(document: LegalDocument, version: string): LegalVersion | null {
  return LEGAL_VERSIONS[document].find((v) => v.version === version) ?? null;
}

/**
 * The earliest effective date allowed for an announcement made at `now`: whole days from today in
 * Paris (the day at 00:00 UTC, as `effectiveOn` is stored). The notice is owed to the people bound
 * by the earlier version: before the platform has any account but its admins' (`nobodyBound`), a
 * new version may take effect today, so the first users accept the latest terms.
 */
export function earliestEffectiveDate(now: Date, changesFees: boolean, nobodyBound = false): Date {
  const days = nobodyBound ? 0 : changesFees ? FEES_NOTICE_DAYS : NOTICE_DAYS;
  const day = new Date(`${parisDay(now)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day;
}
