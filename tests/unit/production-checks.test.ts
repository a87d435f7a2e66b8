import { describe, expect, it } from "vitest";
import { DEMO_PLATFORM_IDENTITY, platformIdentityProblems } from "@/lib/config/platform-identity";
import { checkProductionConfig, shannonEntropy } from "@/lib/config/production-checks";
import { isValidSiren, frenchVatNumber } from "@/lib/organizations/identifiers";
import { productionIdentity } from "@/tests/helpers/platform-identity";

const good = {
  DATABASE_URL: "postgres://compagnon_app:pw@db.internal:5432/compagnon",
  DATABASE_OWNER_URL: "postgres://compagnon:pw@db.internal:5432/compagnon",
  APP_URL: "https://compagnon.example.fr",
  AUTH_SECRET: "k3J9vQ2mXa7LpR0sT8uWz1yB4cD6eF5gH+/=",
  RESEND_API_KEY: "re_123",
  STRIPE_SECRET_KEY: "sk_live_123",
  ...productionIdentity,
};

describe("checkProductionConfig", () => {
  it("accepts a complete configuration without warnings", () => {
    expect(checkProductionConfig(good)).toEqual({ problems: [], warnings: [] });
  });

  it("warns when the app would connect as the owner of its tables (no DATABASE_OWNER_URL)", () => {
    expect(checkProductionConfig({ ...good, DATABASE_OWNER_URL: undefined }).warnings).toEqual([expect.stringMatching(/^DATABASE_OWNER_URL is not set: .*TRUNCATE invoices.*compagnon_app/)]);
  });

  it("refuses an empty environment with one line per missing variable and placeholder", () => {
    const { problems } = checkProductionConfig({});
    expect(problems.map((line) => line.split(" ")[0])).toEqual([
      "DATABASE_URL",
      "APP_URL",
      "AUTH_SECRET",
      "PLATFORM_LEGAL_NAME",
      "PLATFORM_LEGAL_FORM",
      "PLATFORM_SIREN",
      "PLATFORM_VAT_NUMBER",
      "PLATFORM_ADDRESS_LINE1",
      "PLATFORM_POSTAL_CODE",
      "PLATFORM_CITY",
      "PLATFORM_RCS_CITY",
      "PLATFORM_SHARE_CAPITAL_CENTS",
      "PLATFORM_PHONE",
      "PLATFORM_CONTACT_EMAIL",
      "PLATFORM_PUBLICATION_DIRECTOR",
      "PLATFORM_HOST_NAME",
      "PLATFORM_HOST_ADDRESS",
      "PLATFORM_HOST_PHONE",
    ]);
  });

  it.each([
    ["PLATFORM_CONTACT_EMAIL", "[adresse e-mail de contact]", /PLATFORM_CONTACT_EMAIL is a placeholder/],
    ["PLATFORM_CONTACT_EMAIL", DEMO_PLATFORM_IDENTITY.PLATFORM_CONTACT_EMAIL, /PLATFORM_CONTACT_EMAIL is the demo address/],
    ["PLATFORM_CONTACT_EMAIL", "contact@example.com", /PLATFORM_CONTACT_EMAIL is a placeholder address/],
    ["PLATFORM_CONTACT_EMAIL", "not-an-address", /PLATFORM_CONTACT_EMAIL is not an email address/],
    ["PLATFORM_PUBLICATION_DIRECTOR", "[Prénom Nom]", /PLATFORM_PUBLICATION_DIRECTOR is a placeholder/],
    ["PLATFORM_HOST_NAME", DEMO_PLATFORM_IDENTITY.PLATFORM_HOST_NAME, /PLATFORM_HOST_NAME is the demo identity/],
    ["PLATFORM_HOST_ADDRESS", "<adresse>", /PLATFORM_HOST_ADDRESS is a placeholder/],
    ["PLATFORM_PHONE", "[numéro]", /PLATFORM_PHONE is a placeholder/],
    ["PLATFORM_HOST_PHONE", "call us", /PLATFORM_HOST_PHONE is not a telephone number/],
  ])("refuses %s = %s for the legal notice", (name, value, message) => {
    expect(checkProductionConfig({ ...good, [name]: value }).problems).toEqual(expect.arrayContaining([expect.stringMatching(message)]));
  });

  it("treats an empty value (KEY= in .env) as unset", () => {
    expect(checkProductionConfig({ ...good, DATABASE_URL: "", RESEND_API_KEY: "" })).toEqual({
      problems: [expect.stringMatching(/^DATABASE_URL is not set/)],
      warnings: [expect.stringMatching(/^RESEND_API_KEY is not set/)],
    });
  });

  it.each([
    ["short", "s3cr3t-but-short", /too short \(16 characters, at least 32\)/],
    ["32 × a", "a".repeat(32), /too predictable \(1 distinct characters\)/],
    ["a repeated pattern", "abcd".repeat(10), /too predictable \(4 distinct characters\)/],
    ["low entropy", `${"a".repeat(40)}bcdefghijk`, /too predictable/],
  ])("refuses an AUTH_SECRET that is %s", (_name, secret, message) => {
    expect(checkProductionConfig({ ...good, AUTH_SECRET: secret }).problems).toEqual([expect.stringMatching(message)]);
  });

  it("accepts the secrets `openssl rand` makes", () => {
    for (const secret of ["3q2+7w8xN0vY5bZ4mKcP1sRt6uW9eL+gHhJiDoFaQkE=", "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"]) {
      expect(checkProductionConfig({ ...good, AUTH_SECRET: secret }).problems).toEqual([]);
    }
  });

  it("refuses an APP_URL that is not https, unless ALLOW_INSECURE_APP_URL=1", () => {
    expect(checkProductionConfig({ ...good, APP_URL: "http://192.168.1.20:3000" }).problems).toEqual([
      "APP_URL must start with https:// (it is http://192.168.1.20:3000); for a trial on a local network, set ALLOW_INSECURE_APP_URL=1",
    ]);
    expect(checkProductionConfig({ ...good, APP_URL: "http://192.168.1.20:3000", ALLOW_INSECURE_APP_URL: "1" }).problems).toEqual([]);
    expect(checkProductionConfig({ ...good, APP_URL: "compagnon.example.fr" }).problems).toEqual(["APP_URL is not a valid URL: compagnon.example.fr"]);
    expect(checkProductionConfig({ ...good, APP_URL: "ftp://x.example", ALLOW_INSECURE_APP_URL: "1" }).problems).toHaveLength(1);
  });

  it("refuses the identity placeholders of lib/env.ts and anything bracketed", () => {
    const placeholders = {
      ...good,
      PLATFORM_SIREN: "000000000",
      PLATFORM_VAT_NUMBER: "FR00000000000",
      PLATFORM_ADDRESS_LINE1: "1 rue de l'Exemple",
      PLATFORM_LEGAL_NAME: "[Raison sociale]",
      PLATFORM_CITY: "<ville>",
    };
    expect(checkProductionConfig(placeholders).problems.map((line) => line.split(" ")[0])).toEqual([
      "PLATFORM_LEGAL_NAME",
      "PLATFORM_SIREN",
      "PLATFORM_VAT_NUMBER",
      "PLATFORM_ADDRESS_LINE1",
      "PLATFORM_CITY",
    ]);
    expect(checkProductionConfig({ ...good, PLATFORM_ADDRESS_LINE1: "1 rue de l’Exemple" }).problems).toHaveLength(1);
  });

  it("refuses a SIREN with a wrong check key, a VAT number of another SIREN, a bad postal code or share capital", () => {
    const bad = { ...good, PLATFORM_SIREN: "812345677", PLATFORM_POSTAL_CODE: "Lyon", PLATFORM_SHARE_CAPITAL_CENTS: "10 000 €" };
    expect(checkProductionConfig(bad).problems).toEqual([
      "PLATFORM_SIREN is not a valid SIREN (812345677): 9 digits with a valid check key",
      "PLATFORM_POSTAL_CODE is not a French postal code (Lyon)",
      expect.stringMatching(/^PLATFORM_SHARE_CAPITAL_CENTS is not a positive whole number of cents/),
    ]);
    expect(checkProductionConfig({ ...good, PLATFORM_VAT_NUMBER: "FR15901234567" }).problems).toEqual([
      "PLATFORM_VAT_NUMBER (FR15901234567) does not match PLATFORM_SIREN: it should be FR19812345676",
    ]);
  });

  it("refuses the demo identity, even when every variable is set to it", () => {
    expect(checkProductionConfig({ ...good, ...DEMO_PLATFORM_IDENTITY }).problems).toEqual([
      "PLATFORM_LEGAL_NAME is the demo identity (Compagnon SAS (démonstration)): set Compagnon's real one",
      "PLATFORM_PUBLICATION_DIRECTOR is the demo identity (Camille Martin (démonstration), présidente): set Compagnon's real one",
      "PLATFORM_HOST_NAME is the demo identity (Hébergeur Exemple SAS (démonstration)): set Compagnon's real one",
      "PLATFORM_CONTACT_EMAIL is the demo address (contact@compagnon.example): set the mailbox that answers users and authorities",
    ]);
  });

  it("warns, without refusing, when no mail provider or Stripe key is set", () => {
    const { problems, warnings } = checkProductionConfig({ ...good, RESEND_API_KEY: undefined, STRIPE_SECRET_KEY: undefined });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^RESEND_API_KEY is not set: no email is sent/), expect.stringMatching(/^STRIPE_SECRET_KEY/)]);
  });
});

describe("the demo identity", () => {
  it("is well formed and clearly fictional: valid SIREN key, matching VAT number, no zeros or brackets", () => {
    expect(platformIdentityProblems(DEMO_PLATFORM_IDENTITY)).toEqual([]);
    expect(isValidSiren(DEMO_PLATFORM_IDENTITY.PLATFORM_SIREN)).toBe(true);
    expect(DEMO_PLATFORM_IDENTITY.PLATFORM_VAT_NUMBER).toBe(frenchVatNumber(DEMO_PLATFORM_IDENTITY.PLATFORM_SIREN));
    expect(DEMO_PLATFORM_IDENTITY.PLATFORM_LEGAL_NAME).toContain("(démonstration)");
  });
});

describe("shannonEntropy", () => {
  it("is 0 for one repeated character and log2(n) for n equally frequent ones", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
  });
});
