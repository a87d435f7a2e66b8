import type { VatRegime, VatTreatment } from "@/db/schema";
import { STANDARD_VAT_BPS } from "./limits";

/**
 * EU member states (ISO 3166-1 alpha-2) for the place of supply of services. Monaco is treated as
 * France (the French VAT territory includes it: art. 7 of the Franco-Monegasque convention of 1963).
 */
const EU_MEMBER_STATES = new Set(["AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK"]);
const FRENCH_VAT_TERRITORY = new Set(["FR", "MC"]);

/** The client as the VAT rules see it: where it is established and its intra-community VAT number. */
export interface VatBuyer {
  country: string;
  vatNumber: string | null;
}

/**
 * How French VAT applies to a service an expert sells to a client organisation (every client is a
 * business: an organisation with a registration number).
 *
 * - Under the franchise en base (or no regime declared): no VAT, art. 293 B du CGI, wherever the client is.
 * - A VAT-registered expert and a client in France (or Monaco): French VAT at 20 %.
 * - A client in another EU member state with an intra-community VAT number: the service is taxed
 *   where the client is established (art. 259-1° du CGI, art. 44 of directive 2006/112/EC) and the
 *   client accounts for the VAT there (art. 283-2 du CGI, art. 196 of the directive): reverse charge.
 * - A client in another EU member state without a VAT number is not shown to be a taxable person:
 *   French VAT, as for a private person (art. 259-2° du CGI).
 * - A client outside the EU: the service is taxed where the client is established (art. 259-1°),
 *   outside the scope of French VAT.
 */
export function vatTreatmentFor(regime: VatRegime | null | undefined, buyer: VatBuyer | null | undefined): VatTreatment {
  if (regime !== "vat_registered") return "franchise";
  if (!buyer || FRENCH_VAT_TERRITORY.has(buyer.country)) return "standard";
  if (EU_MEMBER_STATES.has(buyer.country)) return buyer.vatNumber ? "reverse_charge" : "standard";
  return "outside_scope";
}

/** The rate a treatment charges, in basis points: 20 % for standard, none otherwise. */
export function vatRateBpsOf(treatment: VatTreatment): number {
  return treatment === "standard" ? STANDARD_VAT_BPS : 0;
}

/** A contract's treatment, kept in its facts since it was; older contracts: standard with a rate, franchise without. */
export function contractVatTreatment(contract: { vatRateBps: number; facts: { vatTreatment?: VatTreatment } }): VatTreatment {
  return contract.facts.vatTreatment ?? (contract.vatRateBps > 0 ? "standard" : "franchise");
}
