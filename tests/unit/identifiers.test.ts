import { describe, expect, it } from "vitest";
import { checkVatNumber, frenchVatNumber, isValidSiren, isValidSiret, luhnValid } from "@/lib/organizations/identifiers";

describe("French company identifiers", () => {
  it.each([
    ["732829320", true], // a real-format SIREN with a correct key
    ["812345676", true],
    ["812345677", false],
    ["12345678", false],
    ["81234567a", false],
  ])("SIREN %s valid: %s", (siren, expected) => {
    expect(isValidSiren(siren)).toBe(expected);
  });

  it.each([
    ["81234567600009", true],
    ["81234567600008", false],
    ["81234567700009", false], // the SIREN part is wrong
    ["8123456760000", false],
    ["35600000000048", true], // La Poste head office: Luhn holds
    ["35600000000001", true], // a La Poste establishment: not Luhn, but its digits add up to a multiple of 5
    ["35600000000000", false],
    ["81234567600001", false], // the digit-sum exception is La Poste's alone
  ])("SIRET %s valid: %s", (siret, expected) => {
    expect(isValidSiret(siret)).toBe(expected);
  });

  it("computes the French VAT key from the SIREN", () => {
    expect(frenchVatNumber("812345676")).toBe("FR19812345676");
    expect(frenchVatNumber("903123453")).toBe("FR30903123453");
    expect(frenchVatNumber("732829320")).toBe("FR44732829320");
  });

  it.each([
    ["FR19812345676", "812345676", "valid"],
    ["fr 19 812 345 676", "812345676", "valid"],
    ["FR20812345676", "812345676", "invalid_key"],
    ["FR30903123453", "812345676", "siren_mismatch"],
    ["FR1981234567", undefined, "invalid_format"],
    ["DE123456789", undefined, "valid"],
    ["XX123", undefined, "invalid_format"],
  ] as const)("VAT %s for SIREN %s: %s", (vat, siren, expected) => {
    expect(checkVatNumber(vat, siren)).toBe(expected);
  });

  it("Luhn rejects non-digits", () => {
    expect(luhnValid("")).toBe(false);
    expect(luhnValid("79927398713")).toBe(true);
    expect(luhnValid("7992739871x")).toBe(false);
  });
});
