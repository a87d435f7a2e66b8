import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { verificationRequests } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { resetEnvCache } from "@/lib/env";
import { getVettingDetail, getVettingQueue } from "@/lib/experts/admin-queries";
import { updateExpertProfile } from "@/lib/experts/profile";
import { decideVerification } from "@/lib/experts/vetting";
import { approval, completeProfileInput, makeCompleteExpert } from "../../helpers/experts";
import { makeOrganization, makeUser } from "../../helpers/factories";
import { startFakeSirene } from "../../helpers/fake-sirene";

let sirene: Awaited<ReturnType<typeof startFakeSirene>>;

beforeAll(async () => {
  sirene = await startFakeSirene();
  sirene.add({ siren: "812345676", name: "LIBRE CONSEIL", legalCategory: "5498", naf: "62.02A" });
  sirene.add({ siren: "732829320", name: "ATELIER LEFEVRE" });
  sirene.add({ siren: "903123453", name: "ODOO ATELIER" });
  process.env.SIRENE_API_KEY = sirene.key;
  process.env.SIRENE_API_URL = sirene.url;
  resetEnvCache();
});
afterAll(async () => {
  delete process.env.SIRENE_API_KEY;
  delete process.env.SIRENE_API_URL;
  resetEnvCache();
  await sirene.close();
});

const approve = async (profileId: string) => {
  const result = await decideVerification(await makeUser("admin"), { profileId, decision: "approve", ...approval });
  expect(result.ok).toBe(true);
};

describe("the vetting desk's company checks (issue 12, item 3)", () => {
  it("shows Sirene's answer beside the declared data, checked when the expert saved", async () => {
    const admin = await makeUser("admin");
    const { profileId } = await makeCompleteExpert({ submit: true });
    const detail = await getVettingDetail(admin, profileId);
    expect(detail?.companyFlags.siret).toBe("81234567600009");
    expect(detail?.companyFlags.company).toMatchObject({
      status: "active",
      legalName: "LIBRE CONSEIL",
      legalForm: "SARL unipersonnelle (EURL)",
      nafCode: "62.02A",
      checkedAt: expect.any(Date),
    });
  });

  it("says not checked when Sirene could not be asked", async () => {
    delete process.env.SIRENE_API_KEY;
    resetEnvCache();
    try {
      const admin = await makeUser("admin");
      const { actor, profileId } = await makeCompleteExpert();
      expect((await updateExpertProfile(actor, { ...(await completeProfileInput()), siret: "73282932000033", vatRegime: "franchise", vatNumber: undefined })).ok).toBe(true);
      expect((await getVettingDetail(admin, profileId))?.companyFlags.company).toBeNull();
    } finally {
      process.env.SIRENE_API_KEY = sirene.key;
      resetEnvCache();
    }
  });

  it("flags an expert whose SIREN is already used by another expert or a client organisation, in the queue and the detail", async () => {
    const admin = await makeUser("admin");
    const first = await makeCompleteExpert({ submit: true });
    const second = await makeCompleteExpert({ submit: true });
    const organization = await makeOrganization(await makeUser("client"));
    const shared = (await getVettingDetail(admin, second.profileId))?.companyFlags.sharedWith ?? [];
    expect(shared).toEqual(
      expect.arrayContaining([
        { kind: "expert", id: first.profileId, name: "Sophie Bernard" },
        { kind: "organization", id: organization.id, name: organization.legalName },
      ]),
    );
    expect(shared.some((s) => s.id === second.profileId)).toBe(false);
    const queued = (await getVettingQueue(admin)).find((row) => row.id === first.profileId);
    expect(queued?.companyFlags.sharedWith).toEqual(expect.arrayContaining([expect.objectContaining({ id: second.profileId })]));
  });

  it("flags a verified expert who asks to switch to another account's SIRET, and a SIRET changed since the last decision", async () => {
    const admin = await makeUser("admin");
    const sophie = await makeCompleteExpert({ submit: true });
    await approve(sophie.profileId);
    // Karim is approved with his own company, then asks to switch to Sophie's SIRET.
    const karim = await makeCompleteExpert();
    const own = { ...(await completeProfileInput()), displayName: "Karim Haddad", siret: "90312345300008", vatRegime: "franchise" as const, vatNumber: undefined };
    expect((await updateExpertProfile(karim.actor, own)).ok).toBe(true);
    const { submitProfile } = await import("@/lib/experts/vetting");
    expect((await submitProfile(karim.actor)).ok).toBe(true);
    await approve(karim.profileId);
    const [decided] = await db.select().from(verificationRequests).where(eq(verificationRequests.profileId, karim.profileId));
    expect(decided?.decidedSiret).toBe("90312345300008");
    expect((await getVettingDetail(admin, karim.profileId))?.companyFlags).toMatchObject({ sharedWith: [], changedSince: null });

    expect((await updateExpertProfile(karim.actor, { ...own, siret: "81234567600009" })).ok).toBe(true);
    const flags = (await getVettingDetail(admin, karim.profileId))?.companyFlags;
    expect(flags?.siret).toBe("81234567600009");
    expect(flags?.sharedWith).toEqual(expect.arrayContaining([{ kind: "expert", id: sophie.profileId, name: "Sophie Bernard" }]));
    expect(flags?.changedSince).toEqual({ siret: "90312345300008", decidedAt: expect.any(Date) });
    const queued = (await getVettingQueue(admin)).find((row) => row.id === karim.profileId);
    expect(queued?.companyFlags.changedSince?.siret).toBe("90312345300008");
    expect(queued?.companyFlags.company?.legalName).toBe("LIBRE CONSEIL");
  });

  it("is for admins only", async () => {
    const { profileId } = await makeCompleteExpert({ submit: true });
    await expect(getVettingDetail(null, profileId)).rejects.toThrow(new PolicyError("unauthenticated"));
    for (const role of ["client", "expert", null] as const) {
      await expect(getVettingDetail(await makeUser(role), profileId)).rejects.toThrow(new PolicyError("forbidden"));
      await expect(getVettingQueue(await makeUser(role))).rejects.toThrow(new PolicyError("forbidden"));
    }
  });
});
