import "server-only";
import { eq, inArray } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { billingMandates, expertProfiles, expertTaxDetails, payoutAccounts, users, type LegalForm } from "@/db/schema";
import type { MissingSellerData } from "./missing-data";
import { activityByExpert, yearTotals, type QuarterActivity, type YearActivity } from "./activity";


/** Micro-entrepreneurs and EI are individuals (natural persons); companies are entities. */
export function isIndividual(legalForm: LegalForm | null): boolean {
  return legalForm === null || legalForm === "micro_entrepreneur" || legalForm === "ei";
}

/** One reportable seller of a year: who they are, how they were paid, what they did, what is missing. */
export interface ReportableSeller {
  userId: string;
  email: string;
  locale: "fr" | "en";
  kind: "individual" | "entity";
  legalName: string;
  legalForm: LegalForm | null;
  siren: string | null;
  vatNumber: string | null;
  address: { lines: string[]; postalCode: string; city: string; country: "FR" } | null;
  firstName: string | null;
  lastName: string | null;
  birthDate: string | null;
  birthCity: string | null;
  /** IBAN when the expert gave it, else the payout account reference (Stripe connected account). */
  financialAccount: { type: "IBAN" | "Other"; identifier: string } | null;
  quarters: YearActivity;
  totals: QuarterActivity;
  missing: MissingSellerData[];
}

/**
 * Every expert paid in a Paris calendar year (a release in the ledger), with the identity the
 * declaration needs as it is today and what is missing. Sorted by legal name. No policy here:
 * callers (the admin page, the export, the seller's own copy, the January emails) check it.
 */
export async function reportableSellers(executor: Executor, year: number, expertUserId?: string): Promise<ReportableSeller[]> {
  const activity = await activityByExpert(executor, year, expertUserId);
  const ids = [...activity.keys()];
  if (ids.length === 0) return [];
  const rows = await executor
    .select({ user: users, profile: expertProfiles, mandate: billingMandates, tax: expertTaxDetails, payout: payoutAccounts })
    .from(users)
    .leftJoin(expertProfiles, eq(expertProfiles.userId, users.id))
    .leftJoin(billingMandates, eq(billingMandates.userId, users.id))
    .leftJoin(expertTaxDetails, eq(expertTaxDetails.userId, users.id))
    .leftJoin(payoutAccounts, eq(payoutAccounts.userId, users.id))
    .where(inArray(users.id, ids));
  const sellers = rows.map(({ user, profile, mandate, tax, payout }): ReportableSeller => {
    const quarters = activity.get(user.id)!;
    const legalForm = profile?.legalForm ?? null;
    const kind = isIndividual(legalForm) ? "individual" : "entity";
    const siren = profile?.siret ? profile.siret.replace(/\s/g, "").slice(0, 9) : null;
    const financialAccount = tax?.iban
      ? { type: "IBAN" as const, identifier: tax.iban }
      : payout
        ? { type: "Other" as const, identifier: payout.stripeAccountId }
        : null;
    const seller: Omit<ReportableSeller, "missing"> = {
      userId: user.id,
      email: user.email,
      locale: user.locale === "en" ? "en" : "fr",
      kind,
      legalName: mandate?.legalName ?? user.name ?? user.email,
      legalForm,
      siren,
      vatNumber: profile?.vatRegime === "vat_registered" && profile.vatNumber ? profile.vatNumber : null,
      address: mandate
        ? { lines: [mandate.addressLine1, mandate.addressLine2].filter((l): l is string => Boolean(l)), postalCode: mandate.postalCode, city: mandate.city, country: "FR" }
        : null,
      firstName: tax?.firstName ?? null,
      lastName: tax?.lastName ?? null,
      birthDate: tax?.birthDate ?? null,
      birthCity: tax?.birthCity ?? null,
      financialAccount,
      quarters,
      totals: yearTotals(quarters),
    };
    return { ...seller, missing: missingData(seller) };
  });
  return sellers.sort((a, b) => a.legalName.localeCompare(b.legalName, "fr"));
}

function missingData(seller: Omit<ReportableSeller, "missing">): MissingSellerData[] {
  const missing: MissingSellerData[] = [];
  if (!seller.legalForm) missing.push("legalForm");
  if (!seller.siren) missing.push("siren");
  if (!seller.address) missing.push("address");
  if (seller.kind === "individual") {
    if (!seller.firstName) missing.push("firstName");
    if (!seller.lastName) missing.push("lastName");
    if (!seller.birthDate) missing.push("birthDate");
  }
  if (!seller.financialAccount) missing.push("financialAccount");
  return missing;
}
