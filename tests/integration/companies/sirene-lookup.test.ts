import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { companyChecks } from "@/db/schema";
import { checkCompany, storedCompanyChecks } from "@/lib/companies/check";
import { resetEnvCache } from "@/lib/env";
import { startFakeSirene } from "../../helpers/fake-sirene";

let sirene: Awaited<ReturnType<typeof startFakeSirene>>;

beforeAll(async () => {
  sirene = await startFakeSirene();
  sirene.add({ siren: "732829320", name: "ATELIER LEFEVRE", legalCategory: "5710", naf: "62.02A" });
  sirene.add({ siren: "552100554", name: "ANCIENNE MENUISERIE", closed: true, legalCategory: "5499", naf: "16.23Z" });
});
afterAll(async () => {
  delete process.env.SIRENE_API_KEY;
  delete process.env.SIRENE_API_URL;
  resetEnvCache();
  await sirene.close();
});
beforeEach(() => {
  process.env.SIRENE_API_KEY = sirene.key;
  process.env.SIRENE_API_URL = sirene.url;
  resetEnvCache();
  sirene.down(false);
  sirene.hang(false);
});

const stored = async (identifier: string) => (await db.select().from(companyChecks).where(eq(companyChecks.identifier, identifier)))[0];

describe("checkCompany against the Sirene API", () => {
  it("reads an active establishment by SIRET, with its key in INSEE's header, and stores the answer", async () => {
    const before = sirene.requests.length;
    const company = await checkCompany("73282932000009");
    expect(company).toMatchObject({
      status: "active",
      legalName: "ATELIER LEFEVRE",
      address: "12 RUE DES LILAS 69003 LYON",
      legalCategory: "5710",
      legalForm: "Société par actions simplifiée (SAS)",
      nafCode: "62.02A",
    });
    expect(company.checkedAt).toBeInstanceOf(Date);
    expect(sirene.requests.slice(before)).toEqual([{ path: "/api-sirene/3.11/siret/73282932000009", key: sirene.key }]);
    expect(await stored("73282932000009")).toMatchObject({ status: "active", legalName: "ATELIER LEFEVRE" });
  });

  it("reuses a stored answer younger than a day, and asks again after", async () => {
    await checkCompany("73282932000017");
    const before = sirene.requests.length;
    await checkCompany("73282932000017");
    expect(sirene.requests.length).toBe(before);
    await checkCompany("73282932000017", { now: new Date(Date.now() + 25 * 3_600_000) });
    expect(sirene.requests.length).toBe(before + 1);
  });

  it("reads a legal unit by SIREN", async () => {
    expect(await checkCompany("732829320")).toMatchObject({ status: "active", legalName: "ATELIER LEFEVRE", address: null, nafCode: "62.02A" });
    expect(sirene.requests.at(-1)?.path).toBe("/api-sirene/3.11/siren/732829320");
  });

  it("says closed for a closed establishment or a ceased legal unit", async () => {
    expect(await checkCompany("55210055400005")).toMatchObject({ status: "closed", legalName: "ANCIENNE MENUISERIE", legalForm: "Société à responsabilité limitée (SARL)" });
    expect(await checkCompany("552100554")).toMatchObject({ status: "closed" });
    expect((await stored("552100554"))?.status).toBe("closed");
  });

  it("says not_found for a number INSEE does not know, and stores it", async () => {
    expect(await checkCompany("90312345300008")).toMatchObject({ status: "not_found", legalName: null });
    expect((await stored("90312345300008"))?.status).toBe("not_found");
  });

  it("says not_checked when the API is down, stores nothing, and keeps an older answer", async () => {
    sirene.down(true);
    expect(await checkCompany("73282932000025")).toMatchObject({ status: "not_checked", checkedAt: null });
    expect(await stored("73282932000025")).toBeUndefined();
    sirene.down(false);
    await checkCompany("73282932000025");
    sirene.down(true);
    const later = await checkCompany("73282932000025", { now: new Date(Date.now() + 48 * 3_600_000) });
    expect(later).toMatchObject({ status: "active", legalName: "ATELIER LEFEVRE" });
  });

  it("gives up after the timeout when the API does not answer", async () => {
    sirene.hang(true);
    const started = Date.now();
    expect((await checkCompany("73282932000033", { timeoutMs: 300 })).status).toBe("not_checked");
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("says not_checked without calling anyone when no key is configured, or with a refused key", async () => {
    delete process.env.SIRENE_API_KEY;
    resetEnvCache();
    const before = sirene.requests.length;
    expect((await checkCompany("73282932000041")).status).toBe("not_checked");
    expect(sirene.requests.length).toBe(before);
    process.env.SIRENE_API_KEY = "wrong-key";
    resetEnvCache();
    expect((await checkCompany("73282932000041")).status).toBe("not_checked");
  });

  it("serves pages from the stored answers only", async () => {
    await checkCompany("73282932000058");
    const before = sirene.requests.length;
    const map = await storedCompanyChecks(["73282932000058", "11111111111111"]);
    expect([...map.keys()]).toEqual(["73282932000058"]);
    expect(sirene.requests.length).toBe(before);
  });
});
