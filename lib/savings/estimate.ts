import { savingsAssumptionKeys, type PaidServiceCategory, type SavingsAssumptionKey } from "@/db/schema/savings";

/** The replacement side's assumptions, in the order pages list them. */
export const ASSUMPTION_KEYS = savingsAssumptionKeys;

/**
 * The savings estimate, a pure function of the visitor's choice and the price data: what the
 * paid services cost today, and what their free-software replacement costs (hosting, one
 * installation, monthly support), month by month over three years. Integer cents excluding VAT.
 */

export const HORIZONS = [12, 36] as const;
/** Users up to this many: a small VPS; up to MEDIUM: a larger one; beyond: a dedicated server. */
export const SMALL_COMPANY_USERS = 10;
export const MEDIUM_COMPANY_USERS = 50;
/** Below this many accepted bids, an installation is priced from the estimate, not the market. */
export const MARKET_MINIMUM_BIDS = 5;

export interface PriceData {
  services: {
    slug: string;
    name: string;
    category: PaidServiceCategory;
    monthlyCentsPerUser: number;
    replacementSlugs: string[];
    source: string;
    pricedOn: string;
  }[];
  assumptions: Record<SavingsAssumptionKey, { cents: number; source: string; pricedOn: string }>;
  softwareNames: Record<string, string>;
  /** Median accepted installation bid per program, with how many bids it comes from. */
  marketInstallation: Record<string, { medianCents: number; bids: number }>;
}

export interface Selection {
  /** Users per paid service slug (only services used: at least 1 user). */
  users: Record<string, number>;
}

export type HostingTier = "small" | "medium" | "large";

export interface Horizon {
  months: number;
  licencesCents: number;
  hostingCents: number;
  installationCents: number;
  supportCents: number;
  freeCents: number;
  savingsCents: number;
}

export interface Estimate {
  lines: { slug: string; name: string; users: number; monthlyCents: number }[];
  replacements: { slug: string; name: string; installationCents: number; priced: "market" | "estimate"; bids: number }[];
  hostingTier: HostingTier;
  hostingMonthlyCents: number;
  licencesMonthlyCents: number;
  installationCents: number;
  supportMonthlyCents: number;
  horizons: Horizon[];
  /** Cumulated cost at the end of each month, 0 to 36 (the installation is paid at month 0). */
  cumulative: { month: number; todayCents: number; freeCents: number }[];
  /** First month whose cumulated free-software cost is at or below today's, if within 36. */
  breakEvenMonth: number | null;
}

export function hostingTierFor(users: number): HostingTier {
  if (users <= SMALL_COMPANY_USERS) return "small";
  return users <= MEDIUM_COMPANY_USERS ? "medium" : "large";
}

/** Null when no service is chosen. */
export function estimateSavings(selection: Selection, data: PriceData): Estimate | null {
  const lines = data.services
    .filter((service) => (selection.users[service.slug] ?? 0) > 0)
    .map((service) => {
      const users = selection.users[service.slug] ?? 0;
      return { slug: service.slug, name: service.name, users, monthlyCents: service.monthlyCentsPerUser * users, replacementSlugs: service.replacementSlugs };
    });
  if (lines.length === 0) return null;

  const replacementSlugs = [...new Set(lines.flatMap((line) => line.replacementSlugs))];
  const { assumptions } = data;
  const replacements = replacementSlugs.map((slug) => {
    const market = data.marketInstallation[slug];
    const fromMarket = market !== undefined && market.bids >= MARKET_MINIMUM_BIDS;
    return {
      slug,
      name: data.softwareNames[slug] ?? slug,
      installationCents: fromMarket ? market.medianCents : assumptions.installation_per_software.cents,
      priced: fromMarket ? ("market" as const) : ("estimate" as const),
      bids: market?.bids ?? 0,
    };
  });

  const hostingTier = hostingTierFor(Math.max(...lines.map((line) => line.users)));
  const hostingMonthlyCents = assumptions[`hosting_${hostingTier}_monthly`].cents;
  const licencesMonthlyCents = sum(lines.map((line) => line.monthlyCents));
  const installationCents = assumptions.installation_base.cents + sum(replacements.map((r) => r.installationCents));
  const supportMonthlyCents = assumptions.support_base_monthly.cents + assumptions.support_per_software_monthly.cents * replacements.length;

  const horizons = HORIZONS.map((months) => {
    const licencesCents = licencesMonthlyCents * months;
    const hostingCents = hostingMonthlyCents * months;
    const supportCents = supportMonthlyCents * months;
    const freeCents = hostingCents + installationCents + supportCents;
    return { months, licencesCents, hostingCents, installationCents, supportCents, freeCents, savingsCents: licencesCents - freeCents };
  });
  const lastMonth = HORIZONS[HORIZONS.length - 1] ?? 36;
  const cumulative = Array.from({ length: lastMonth + 1 }, (_, month) => ({
    month,
    todayCents: licencesMonthlyCents * month,
    freeCents: installationCents + (hostingMonthlyCents + supportMonthlyCents) * month,
  }));
  const breakEven = cumulative.find((point) => point.month > 0 && point.freeCents <= point.todayCents);

  return {
    lines: lines.map(({ slug, name, users, monthlyCents }) => ({ slug, name, users, monthlyCents })),
    replacements,
    hostingTier,
    hostingMonthlyCents,
    licencesMonthlyCents,
    installationCents,
    supportMonthlyCents,
    horizons,
    cumulative,
    breakEvenMonth: breakEven?.month ?? null,
  };
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
