import "server-only";
import { eq } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { billingMandates, einvoiceAddresses, expertProfiles, organizations, users, type Contract, type InvoiceParty, type VatTreatment } from "@/db/schema";
import { legalFormLabel } from "@/lib/contracts/documents/format";
import { env } from "@/lib/env";
import { isIndividualEntrepreneur, nameWithEi, registrationText } from "@/lib/experts/legal-mentions";
import { contractVatTreatment } from "@/lib/money/vat-treatment";

export function platformParty(): InvoiceParty {
  const e = env();
  return {
    name: e.PLATFORM_LEGAL_NAME,
    legalForm: e.PLATFORM_LEGAL_FORM,
    siren: e.PLATFORM_SIREN,
    siret: null,
    vatNumber: e.PLATFORM_VAT_NUMBER,
    addressLines: [e.PLATFORM_ADDRESS_LINE1],
    postalCode: e.PLATFORM_POSTAL_CODE,
    city: e.PLATFORM_CITY,
    country: "FR",
    email: null,
    registration: registrationText("rcs", e.PLATFORM_RCS_CITY, e.PLATFORM_SIREN),
    shareCapitalCents: e.PLATFORM_SHARE_CAPITAL_CENTS,
  };
}

/**
 * A French company's electronic invoicing address (BT-34/BT-49, scheme 0225) at issue: the PA
 * directory's answer as cached (read, never asked here: this runs in the issuing transaction),
 * else its SIREN, the directory's default addressing identifier. Null for a party without SIREN
 * (abroad, a private person): it is e-reported, not e-invoiced.
 */
export async function electronicAddressOf(tx: Transaction, party: InvoiceParty): Promise<string | null> {
  if (!party.siren || party.country !== "FR") return null;
  const [cached] = await tx.select({ address: einvoiceAddresses.address }).from(einvoiceAddresses).where(eq(einvoiceAddresses.siren, party.siren));
  return cached?.address ?? party.siren;
}

/** The client organisation as it is today (invoices freeze it in their snapshot). */
export async function organizationParty(tx: Transaction, organizationId: string): Promise<InvoiceParty> {
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!org) throw new Error(`No organisation ${organizationId}`);
  // SIREN and SIRET are French registers' numbers: an organisation established abroad is named by its VAT number.
  const french = org.country === "FR";
  return {
    name: org.legalName,
    legalForm: null,
    siren: french ? org.siren : null,
    siret: french ? org.siret : null,
    vatNumber: org.vatNumber,
    addressLines: [org.addressLine1, org.addressLine2].filter((line): line is string => Boolean(line)),
    postalCode: org.postalCode,
    city: org.city,
    country: org.country,
    email: null,
  };
}

/** The expert's own Plateforme Agréée, when they send their invoices through it (the profile's e-invoicing choice). */
export interface OwnPa {
  name: string;
  address: string | null;
}

/**
 * The expert as a seller: the identity given with the billing mandate, plus the profile's legal
 * data, and how VAT applies (the contract's treatment, fixed at formation).
 */
export async function expertParty(
  tx: Transaction,
  contract: Contract,
): Promise<{ party: InvoiceParty; vatTreatment: VatTreatment; vatOnDebits: boolean; ownPa: OwnPa | null } | null> {
  const [row] = await tx
    .select({ mandate: billingMandates, legalForm: expertProfiles.legalForm, tradeRegister: expertProfiles.tradeRegister, tradeRegisterPlace: expertProfiles.tradeRegisterPlace, shareCapitalCents: expertProfiles.shareCapitalCents, siret: expertProfiles.siret, vatNumber: expertProfiles.vatNumber, vatRegime: expertProfiles.vatRegime, vatOnDebits: expertProfiles.vatOnDebits, einvoicingChannel: expertProfiles.einvoicingChannel, ownPaName: expertProfiles.ownPaName, ownPaAddress: expertProfiles.ownPaAddress, email: users.email })
    .from(billingMandates)
    .innerJoin(expertProfiles, eq(expertProfiles.userId, billingMandates.userId))
    .innerJoin(users, eq(users.id, billingMandates.userId))
    .where(eq(billingMandates.userId, contract.expertUserId));
  if (!row) return null;
  const vatTreatment = contractVatTreatment(contract);
  const franchise = vatTreatment === "franchise";
  const siren = row.siret ? row.siret.slice(0, 9) : null;
  return {
    vatTreatment,
    // VAT on debits is the seller's own VAT: none to pay when the client accounts for it or none applies.
    vatOnDebits: vatTreatment === "standard" && row.vatOnDebits,
    ownPa: row.einvoicingChannel === "own_pa" && row.ownPaName ? { name: row.ownPaName, address: row.ownPaAddress } : null,
    party: {
      name: nameWithEi(row.mandate.legalName, row.legalForm),
      legalForm: legalFormLabel(row.legalForm, "fr"),
      siren,
      siret: row.siret,
      vatNumber: franchise ? null : row.vatNumber,
      addressLines: [row.mandate.addressLine1, row.mandate.addressLine2].filter((line): line is string => Boolean(line)),
      postalCode: row.mandate.postalCode,
      city: row.mandate.city,
      country: "FR",
      email: row.email,
      registration: registrationText(row.tradeRegister, row.tradeRegisterPlace, siren),
      shareCapitalCents: isIndividualEntrepreneur(row.legalForm) ? null : row.shareCapitalCents,
    },
  };
}
