/**
 * Compagnon's legal identity, printed on every invoice (as the seller of its commission, and as
 * the third party issuing the experts' invoices under their billing mandate). In a demo or a test
 * the `PLATFORM_*` variables are usually unset: documents then carry a clearly fictional demo
 * identity that is still well formed (SIREN with a valid key, the matching VAT number, a
 * real-looking address), never zeros or brackets. A production start refuses it (see
 * production-checks.ts). The legal notice, the privacy policy and the terms read the same
 * identity, with the contact, the publication director and the hosting provider (LCEN art. 6).
 * Imports nothing but the plain identifier checks: the launcher runs this before anything else.
 */
import { frenchVatNumber, isValidSiren } from "../organizations/identifiers";

export const DEMO_MARK = "(démonstration)";

/** Used for every `PLATFORM_*` variable left unset. */
export const DEMO_PLATFORM_IDENTITY = {
  PLATFORM_LEGAL_NAME: `Compagnon SAS ${DEMO_MARK}`,
  PLATFORM_LEGAL_FORM: "SAS",
  PLATFORM_SIREN: "912345675",
  PLATFORM_VAT_NUMBER: "FR65912345675",
  PLATFORM_ADDRESS_LINE1: "8 passage des Imprimeurs",
  PLATFORM_POSTAL_CODE: "75011",
  PLATFORM_CITY: "Paris",
  PLATFORM_RCS_CITY: "Paris",
  PLATFORM_SHARE_CAPITAL_CENTS: "1000000",
  /** 01 99 00 xx xx: a range the ARCEP keeps for fiction, so nobody is called by mistake. */
  PLATFORM_PHONE: "+33 1 99 00 12 34",
  /** The electronic point of contact of the legal notice (users and authorities, DSA art. 11 and 12). */
  PLATFORM_CONTACT_EMAIL: "contact@compagnon.example",
  PLATFORM_PUBLICATION_DIRECTOR: `Camille Martin ${DEMO_MARK}, présidente`,
  PLATFORM_HOST_NAME: `Hébergeur Exemple SAS ${DEMO_MARK}`,
  PLATFORM_HOST_ADDRESS: "2 rue des Serveurs, 59100 Roubaix, France",
  PLATFORM_HOST_PHONE: "+33 1 99 00 56 78",
} as const;

export type PlatformVariable = keyof typeof DEMO_PLATFORM_IDENTITY;
export const PLATFORM_VARIABLES = Object.keys(DEMO_PLATFORM_IDENTITY) as PlatformVariable[];

/** Values the app shipped as defaults before the demo identity: refused wherever they appear. */
export const OLD_PLACEHOLDERS = ["000000000", "FR00000000000", "1 rue de l’Exemple", "1 rue de l'Exemple"];

/**
 * What is wrong with an identity as a whole (each variable given, demo value or not): the checks
 * the demo identity passes too. One line per problem.
 */
export function platformIdentityProblems(identity: Record<PlatformVariable, string>): string[] {
  const problems: string[] = [];
  for (const name of PLATFORM_VARIABLES) {
    const value = identity[name];
    if (OLD_PLACEHOLDERS.includes(value)) problems.push(`${name} is still the placeholder ${value}: set Compagnon's real one, printed on invoices`);
    else if (/[[\]<>{}]/.test(value)) problems.push(`${name} is a placeholder (${value}): set Compagnon's real one, printed on invoices`);
  }
  const siren = identity.PLATFORM_SIREN;
  if (!isValidSiren(siren) || /^0+$/.test(siren)) {
    if (!OLD_PLACEHOLDERS.includes(siren)) problems.push(`PLATFORM_SIREN is not a valid SIREN (${siren}): 9 digits with a valid check key`);
  } else if (identity.PLATFORM_VAT_NUMBER.replace(/\s/g, "") !== frenchVatNumber(siren) && !OLD_PLACEHOLDERS.includes(identity.PLATFORM_VAT_NUMBER)) {
    problems.push(`PLATFORM_VAT_NUMBER (${identity.PLATFORM_VAT_NUMBER}) does not match PLATFORM_SIREN: it should be ${frenchVatNumber(siren)}`);
  }
  if (!/^\d{5}$/.test(identity.PLATFORM_POSTAL_CODE)) problems.push(`PLATFORM_POSTAL_CODE is not a French postal code (${identity.PLATFORM_POSTAL_CODE})`);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(identity.PLATFORM_CONTACT_EMAIL)) problems.push(`PLATFORM_CONTACT_EMAIL is not an email address (${identity.PLATFORM_CONTACT_EMAIL})`);
  else if (/@(example\.(com|org|net)|[^@]*\.example)$/i.test(identity.PLATFORM_CONTACT_EMAIL) && identity.PLATFORM_CONTACT_EMAIL !== DEMO_PLATFORM_IDENTITY.PLATFORM_CONTACT_EMAIL) {
    problems.push(`PLATFORM_CONTACT_EMAIL is a placeholder address (${identity.PLATFORM_CONTACT_EMAIL}): set the mailbox that answers users and authorities`);
  }
  for (const name of ["PLATFORM_PHONE", "PLATFORM_HOST_PHONE"] as const) {
    if (!/^\+?[\d\s().-]{8,20}$/.test(identity[name])) problems.push(`${name} is not a telephone number (${identity[name]})`);
  }
  if (!/^[1-9]\d*$/.test(identity.PLATFORM_SHARE_CAPITAL_CENTS)) {
    problems.push(`PLATFORM_SHARE_CAPITAL_CENTS is not a positive whole number of cents (${identity.PLATFORM_SHARE_CAPITAL_CENTS}): 1000000 for 10 000 €`);
  }
  return problems;
}

/** The identity with the demo values filled in for the unset variables (an empty value is unset). */
export function platformIdentityFrom(raw: Record<string, string | undefined>): Record<PlatformVariable, string> {
  return Object.fromEntries(PLATFORM_VARIABLES.map((name) => [name, raw[name]?.trim() || DEMO_PLATFORM_IDENTITY[name]])) as Record<PlatformVariable, string>;
}
