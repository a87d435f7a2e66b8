import { env } from "@/lib/env";
import { registrationText } from "@/lib/experts/legal-mentions";

/** Compagnon as the legal pages name it (LCEN art. 6 III), read from the `PLATFORM_*` configuration. */
export type Publisher = {
  legalName: string;
  legalForm: string;
  /** Share capital in whole euros or cents, formatted by the page. */
  shareCapitalCents: number;
  /** "912 345 675 RCS Paris" */
  registration: string;
  siren: string;
  vatNumber: string;
  address: string;
  phone: string;
  email: string;
  publicationDirector: string;
  host: { name: string; address: string; phone: string };
};

export function publisher(): Publisher {
  const e = env();
  return {
    legalName: e.PLATFORM_LEGAL_NAME,
    legalForm: e.PLATFORM_LEGAL_FORM,
    shareCapitalCents: e.PLATFORM_SHARE_CAPITAL_CENTS,
    registration: registrationText("rcs", e.PLATFORM_RCS_CITY, e.PLATFORM_SIREN) ?? e.PLATFORM_SIREN,
    siren: e.PLATFORM_SIREN,
    vatNumber: e.PLATFORM_VAT_NUMBER,
    address: `${e.PLATFORM_ADDRESS_LINE1}, ${e.PLATFORM_POSTAL_CODE} ${e.PLATFORM_CITY}, France`,
    phone: e.PLATFORM_PHONE,
    email: e.PLATFORM_CONTACT_EMAIL,
    publicationDirector: e.PLATFORM_PUBLICATION_DIRECTOR,
    host: { name: e.PLATFORM_HOST_NAME, address: e.PLATFORM_HOST_ADDRESS, phone: e.PLATFORM_HOST_PHONE },
  };
}
