import { describe, expect, it } from "vitest";
import { checkProductionConfig, shannonEntropy } from "@/lib/config/production-checks";

const good = {
  DATABASE_URL: "postgres://compagnon_app:pw@db.internal:5432/compagnon",
  DATABASE_OWNER_URL: "postgres://compagnon:pw@db.internal:5432/compagnon",
  APP_URL: "https://compagnon.example.fr",
  AUTH_SECRET: "k3J9vQ2mXa7LpR0sT8uWz1yB4cD6eF5gH+/=",
  RESEND_API_KEY: "re_123",
  STRIPE_SECRET_KEY: "sk_live_123",
  PLATFORM_LEGAL_NAME: "Compagnon SAS",
  PLATFORM_SIREN: "812345676",
  PLATFORM_VAT_NUMBER: "FR19812345676",
  PLATFORM_ADDRESS_LINE1: "12 rue des Lilas",
  PLATFORM_POSTAL_CODE: "69003",
  PLATFORM_CITY: "Lyon",
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
      "PLATFORM_SIREN",
      "PLATFORM_VAT_NUMBER",
      "PLATFORM_ADDRESS_LINE1",
    ]);
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

  it("warns, without refusing, when no mail provider or Stripe key is set", () => {
    const { problems, warnings } = checkProductionConfig({ ...good, RESEND_API_KEY: undefined, STRIPE_SECRET_KEY: undefined });
    expect(problems).toEqual([]);
    expect(warnings).toEqual([expect.stringMatching(/^RESEND_API_KEY is not set: no email is sent/), expect.stringMatching(/^STRIPE_SECRET_KEY/)]);
  });
});

describe("shannonEntropy", () => {
  it("is 0 for one repeated character and log2(n) for n equally frequent ones", () => {
    expect(shannonEntropy("aaaa")).toBe(0);
    expect(shannonEntropy("abcd")).toBe(2);
  });
});
