import { eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { organizations } from "@/db/schema";
import { resetEnvCache } from "@/lib/env";
import { updateExpertProfile } from "@/lib/experts/profile";
import { createOrganization } from "@/lib/organizations/create-organization";
import { completeProfileInput } from "../../helpers/experts";
import { freshOrganizationInput, makeUser, validOrganizationInput } from "../../helpers/factories";
import { startFakeSirene } from "../../helpers/fake-sirene";

let sirene: Awaited<ReturnType<typeof startFakeSirene>>;
const ACTIVE = "73282932000009";
const CLOSED = "55210055400005";
const UNKNOWN = "90312345300008";

beforeAll(async () => {
  sirene = await startFakeSirene();
  sirene.add({ siren: "732829320", name: "ATELIER LEFEVRE" });
  sirene.add({ siren: "552100554", name: "ANCIENNE MENUISERIE", closed: true });
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
});

const orgsWithSiren = (siren: string) => db.select().from(organizations).where(eq(organizations.siren, siren));
const input = (registrationNumber: string) => ({ ...validOrganizationInput, registrationNumber, vatNumber: "" });

describe("a client organisation's company", () => {
  it("is created when Sirene says the company is active", async () => {
    const result = await createOrganization(await makeUser("client"), input(ACTIVE));
    expect(result).toMatchObject({ ok: true, value: { siren: "732829320", siret: ACTIVE } });
  });

  it("is refused when the company is closed, naming the field, and nothing is written", async () => {
    const result = await createOrganization(await makeUser("client"), input(CLOSED));
    expect(result).toEqual({ ok: false, error: "invalid", fields: { registrationNumber: "companyClosed" } });
    expect(await orgsWithSiren("552100554")).toHaveLength(0);
  });

  it("is refused when INSEE does not know the number", async () => {
    const result = await createOrganization(await makeUser("client"), input(UNKNOWN));
    expect(result).toEqual({ ok: false, error: "invalid", fields: { registrationNumber: "companyNotFound" } });
  });

  it("is created unchecked when the Sirene API is down or not configured (sign-up never blocked)", async () => {
    sirene.down(true);
    const first = freshOrganizationInput();
    expect((await createOrganization(await makeUser("client"), first)).ok).toBe(true);
    delete process.env.SIRENE_API_KEY;
    resetEnvCache();
    expect((await createOrganization(await makeUser("client"), freshOrganizationInput())).ok).toBe(true);
  });

  it("cannot get a second organisation for the same SIREN, even from another establishment", async () => {
    const siren = "732829320";
    const other = await makeUser("client");
    // The first test of this file created the Atelier Lefèvre's organisation.
    expect(await orgsWithSiren(siren)).toHaveLength(1);
    expect(await createOrganization(other, input("73282932000017"))).toEqual({ ok: false, error: "siren_taken" });
    expect(await createOrganization(other, input(siren))).toEqual({ ok: false, error: "siren_taken" });
    expect(await orgsWithSiren(siren)).toHaveLength(1);
  });

  it("creates one organisation when two people of the same company submit at once", async () => {
    delete process.env.SIRENE_API_KEY;
    resetEnvCache();
    const company = freshOrganizationInput();
    const [a, b] = [await makeUser("client"), await makeUser("client")];
    const results = await Promise.all([createOrganization(a, company), createOrganization(b, company)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.error === "siren_taken")).toHaveLength(1);
    expect(await orgsWithSiren(company.registrationNumber)).toHaveLength(1);
  });
});

describe("an expert's SIRET", () => {
  it("is refused when the business is closed, and accepted when it trades", async () => {
    const { chooseRole } = await import("@/lib/accounts/choose-role");
    const fresh = await makeUser(null);
    await chooseRole(fresh, { role: "expert", name: "Léa Martin" });
    const actor = { ...fresh, role: "expert" as const };
    const profile = { ...(await completeProfileInput()), vatRegime: "franchise" as const, vatNumber: undefined };
    expect(await updateExpertProfile(actor, { ...profile, siret: CLOSED })).toEqual({ ok: false, error: "invalid", fields: { siret: "companyClosed" } });
    expect(await updateExpertProfile(actor, { ...profile, siret: UNKNOWN })).toEqual({ ok: false, error: "invalid", fields: { siret: "companyNotFound" } });
    expect((await updateExpertProfile(actor, { ...profile, siret: ACTIVE })).ok).toBe(true);
    sirene.down(true);
    expect((await updateExpertProfile(actor, { ...profile, siret: "73282932000025" })).ok).toBe(true);
  });
});
