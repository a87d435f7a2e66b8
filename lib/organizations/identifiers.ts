/** French company identifiers: SIREN (9 digits), SIRET (14 digits), intra-EU VAT number. */

/** Strips the spaces, dots and dashes people type in identifiers. */
export function compactIdentifier(value: string): string {
  return value.replace(/[\s.\-]/g, "").toUpperCase();
}

/** Luhn checksum, as INSEE uses it for SIREN and SIRET. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

export function isValidSiren(siren: string): boolean {
  return /^\d{9}$/.test(siren) && luhnValid(siren);
}

/** Many of La Poste's establishments break Luhn: INSEE accepts them when their digits add up to a multiple of 5. */
const LA_POSTE_SIREN = "356000000";

export function isValidSiret(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  if (!isValidSiren(siret.slice(0, 9))) return false;
  if (luhnValid(siret)) return true;
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const sum = [...siret].reduce((total, digit) => total + Number(digit), 0);
    return sum % 5 === 0;
  }
  return false;
}

/** The 2-digit key of a French VAT number: (12 + 3 × (SIREN mod 97)) mod 97. */
export function frenchVatKey(siren: string): string {
  const key = (12 + 3 * (Number(siren) % 97)) % 97;
  return String(key).padStart(2, "0");
}

export function frenchVatNumber(siren: string): string {
  return `FR${frenchVatKey(siren)}${siren}`;
}

export type VatCheck = "valid" | "invalid_format" | "invalid_key" | "siren_mismatch";

/**
 * Checks an intra-EU VAT number. French numbers (FR + 2-character key + SIREN) have their
 * numeric key verified, and must belong to `siren` when given. Other member states: format only.
 */
export function checkVatNumber(raw: string, siren?: string): VatCheck {
  const vat = compactIdentifier(raw);
  if (vat.startsWith("FR")) {
    const match = /^FR([0-9A-HJ-NP-Z]{2})(\d{9})$/.exec(vat);
    if (!match) return "invalid_format";
    const [, key, vatSiren] = match as unknown as [string, string, string];
    if (!isValidSiren(vatSiren)) return "invalid_format";
    if (/^\d{2}$/.test(key) && key !== frenchVatKey(vatSiren)) return "invalid_key";
    if (siren && vatSiren !== siren) return "siren_mismatch";
    return "valid";
  }
  return /^(AT|BE|BG|CY|CZ|DE|DK|EE|EL|ES|FI|HR|HU|IE|IT|LT|LU|LV|MT|NL|PL|PT|RO|SE|SI|SK|XI)[0-9A-Z+*]{2,12}$/.test(vat)
    ? "valid"
    : "invalid_format";
}
