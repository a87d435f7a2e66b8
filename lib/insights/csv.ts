import { toCsv, type CsvCell } from "@/lib/export/csv";
import type { Actor } from "@/lib/auth/actor";
import { liquidityBreakdown, liquidityByMonth, moneyByMonth, supplySnapshot, trustByMonth } from "./marketplace";
import type { Period } from "./period";

export const INSIGHT_DATASETS = ["money", "liquidity", "breakdown", "supply", "trust"] as const;
export type InsightDataset = (typeof INSIGHT_DATASETS)[number];

const count = (value: number | null): CsvCell => (value === null ? "" : String(value).replace(".", ","));

/** One table of /admin/insights as a CSV (the same figures); admins only. */
export async function insightsCsv(actor: Actor | null, dataset: InsightDataset, period: Period): Promise<string> {
  if (dataset === "money") {
    const rows = await moneyByMonth(actor, period);
    return toCsv(
      ["mois", "finance_ttc", "libere_ttc", "rembourse_ttc", "commission_ht", "taux_de_commission_pct"],
      rows.map((r) => [r.month, { amount: r.fundedCents }, { amount: r.releasedCents }, { amount: r.refundedCents }, { amount: r.commissionExVatCents }, r.takeRateBps === null ? "" : { rateBps: r.takeRateBps }]),
    );
  }
  if (dataset === "liquidity") {
    const rows = await liquidityByMonth(actor, period);
    return toCsv(
      ["mois", "besoins_publies", "premiere_offre_sous_48h", "heures_medianes_premiere_offre", "offres", "contrats", "jours_medians_jusqu_au_contrat"],
      rows.map((r) => [r.month, count(r.published), count(r.firstBidWithin48h), count(r.medianHoursToFirstBid), count(r.bids), count(r.contracts), count(r.medianDaysToContract)]),
    );
  }
  if (dataset === "breakdown") {
    const rows = await liquidityBreakdown(actor, period);
    return toCsv(
      ["regroupement", "cle", "besoins_publies", "premiere_offre_sous_48h", "offres", "contrats"],
      rows.map((r) => [r.by === "kind" ? "type" : "famille", r.key, count(r.published), count(r.firstBidWithin48h), count(r.bids), count(r.contracts)]),
    );
  }
  if (dataset === "supply") {
    const supply = await supplySnapshot(actor);
    return toCsv(
      ["indicateur", "valeur"],
      [
        ...supply.byStatus.map((row): CsvCell[] => [`experts_${row.status}`, count(row.experts)]),
        ["profils_en_attente", count(supply.vettingQueue.waiting)],
        ["attente_mediane_jours", count(supply.vettingQueue.medianDays)],
        ["attente_max_jours", count(supply.vettingQueue.oldestDays)],
        ["urssaf_expirant_sous_30_jours", count(supply.urssafExpiringIn30Days)],
        ["verifies_sans_offre_60_jours", count(supply.verifiedWithoutBidIn60Days)],
      ],
    );
  }
  const rows = await trustByMonth(actor, period);
  return toCsv(
    ["mois", "jalons_finances", "litiges_ouverts", "jours_medians_de_reglement", "avis", "note_moyenne"],
    rows.map((r) => [r.month, count(r.fundedMilestones), count(r.disputesOpened), count(r.medianDaysToSettle), count(r.reviews), count(r.averageRating)]),
  );
}
