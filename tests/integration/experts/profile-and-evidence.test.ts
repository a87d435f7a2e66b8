import { readdir } from "node:fs/promises";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { evidenceFiles, expertProfiles, expertSkills } from "@/db/schema";
import { chooseRole } from "@/lib/accounts/choose-role";
import { PolicyError } from "@/lib/auth/policy";
import { deleteEvidence, getEvidenceForDownload, uploadEvidence } from "@/lib/experts/evidence";
import { MAX_EVIDENCE_BYTES } from "@/lib/experts/file-type";
import { updateExpertProfile } from "@/lib/experts/profile";
import { getMyExpertProfile } from "@/lib/experts/queries";
import { completeProfileInput, makeCompleteExpert, pdfBytes } from "../../helpers/experts";
import { makeUser } from "../../helpers/factories";

async function newExpert() {
  const actor = await makeUser(null);
  await chooseRole(actor, { role: "expert", name: "Thomas Leroy" });
  return { ...actor, role: "expert" as const };
}

describe("expert profile", () => {
  it("is created as a draft when the role is chosen, and lists what is missing", async () => {
    const expert = await newExpert();
    const mine = await getMyExpertProfile(expert);
    expect(mine?.profile).toMatchObject({ status: "draft", displayName: "Thomas Leroy", slug: expect.stringMatching(/^thomas-leroy-[0-9a-f]{6}$/) });
    expect(mine?.missing).toEqual(expect.arrayContaining(["headline", "bio", "skills", "siret", "evidenceUrssaf", "evidenceInsurance"]));
  });

  it("saves a complete profile with skills and references, then nothing is missing but evidence", async () => {
    const expert = await newExpert();
    const result = await updateExpertProfile(expert, await completeProfileInput());
    expect(result).toEqual({ ok: true, value: { status: "draft", pendingReview: [] } });
    const mine = await getMyExpertProfile(expert);
    expect(mine?.profile).toMatchObject({ dailyRateCents: 55_000, departments: ["69", "42"], siret: "81234567600009", vatNumber: "FR19812345676" });
    expect(mine?.skills.map((s) => [s.slug, s.level, s.years])).toEqual([
      ["nextcloud", 3, 8],
      ["wireguard", 2, 4],
    ]);
    expect(mine?.references).toHaveLength(1);
    expect(mine?.missing).toEqual(["evidenceRegistration", "evidenceUrssaf", "evidenceInsurance"]);
    expect(mine?.profile.searchText).toContain("Nextcloud");
  });

  it("refuses bad input field by field and changes nothing", async () => {
    const expert = await newExpert();
    const input = await completeProfileInput();
    const result = await updateExpertProfile(expert, {
      ...input,
      siret: "81234567600008",
      dailyRateEuros: 12,
      departments: ["69", "20"],
      links: { website: "javascript:alert(1)" },
      skills: [...(input.skills ?? []), { softwareId: input.skills?.[0]?.softwareId ?? "", level: 4, years: 2 }],
      references: Array.from({ length: 6 }, () => ({ clientType: "PME", project: "Un projet réel", year: 2024 })),
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fields).toMatchObject({
      siret: "siretChecksum",
      dailyRateEuros: "dailyRate",
      departments: "departements",
      "links.website": "url",
      "skills.2.level": "skillLevel",
      references: "tooManyReferences",
    });
    const mine = await getMyExpertProfile(expert);
    expect(mine?.profile.siret).toBeNull();
  });

  it("refuses anonymous visitors, clients and admins", async () => {
    const input = await completeProfileInput();
    await expect(updateExpertProfile(null, input)).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(updateExpertProfile(await makeUser("client"), input)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(updateExpertProfile(await makeUser("admin"), input)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(getMyExpertProfile(await makeUser("client"))).rejects.toThrow(new PolicyError("forbidden"));
  });

  it("keeps a verified profile verified when the SIRET or the legal form changes: the change waits for review", async () => {
    const { actor, profileId } = await makeCompleteExpert();
    await db.update(expertProfiles).set({ status: "verified", verifiedAt: new Date() }).where(eq(expertProfiles.id, profileId));
    const input = await completeProfileInput();
    expect(await updateExpertProfile(actor, { ...input, headline: "Nextcloud, VPN et sauvegardes" })).toEqual({ ok: true, value: { status: "verified", pendingReview: [] } });
    expect(await updateExpertProfile(actor, { ...input, legalForm: "sasu" })).toEqual({ ok: true, value: { status: "verified", pendingReview: ["legalForm"] } });
    expect((await getMyExpertProfile(actor))?.profile.legalForm).toBe("eurl");
  });
});

describe("evidence files", () => {
  it("stores a PDF under a server-generated name outside public/, readable by the owner and admins only", async () => {
    const expert = await newExpert();
    const uploaded = await uploadEvidence(expert, { kind: "insurance", file: { name: "../../../etc/attestation.pdf", bytes: pdfBytes() } });
    expect(uploaded.ok).toBe(true);
    if (!uploaded.ok) return;
    const [row] = await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, uploaded.value.id));
    expect(row).toMatchObject({ originalName: "attestation.pdf", mimeType: "application/pdf", storageKey: expect.stringMatching(/^evidence\/[0-9a-f-]{36}$/) });
    const stored = await readdir(path.join(process.env.COMPAGNON_DATA_DIR ?? "", "uploads", "evidence"));
    expect(stored).toContain(row?.storageKey.split("/")[1]);

    expect((await getEvidenceForDownload(expert, uploaded.value.id))?.bytes.toString()).toContain("%PDF-");
    expect(await getEvidenceForDownload(await makeUser("admin"), uploaded.value.id)).not.toBeNull();
    await expect(getEvidenceForDownload(await newExpert(), uploaded.value.id)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(getEvidenceForDownload(await makeUser("client"), uploaded.value.id)).rejects.toThrow(new PolicyError("forbidden"));
    await expect(getEvidenceForDownload(null, uploaded.value.id)).rejects.toThrow(new PolicyError("unauthenticated"));
  });

  it("refuses a renamed executable, a file over 10 MB, a missing file and an URSSAF certificate without date", async () => {
    const expert = await newExpert();
    const elf = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]);
    expect(await uploadEvidence(expert, { kind: "other", file: { name: "scan.pdf", bytes: elf } })).toEqual({ ok: false, error: "invalid", fields: { file: "fileType" } });
    const huge = new Uint8Array(MAX_EVIDENCE_BYTES + 1);
    huge.set(pdfBytes());
    expect(await uploadEvidence(expert, { kind: "other", file: { name: "big.pdf", bytes: huge } })).toEqual({ ok: false, error: "invalid", fields: { file: "fileTooLarge" } });
    expect(await uploadEvidence(expert, { kind: "other", file: null })).toMatchObject({ fields: { file: "fileRequired" } });
    expect(await uploadEvidence(expert, { kind: "urssaf", file: { name: "u.pdf", bytes: pdfBytes() } })).toEqual({ ok: false, error: "invalid", fields: { issuedOn: "urssafDate" } });
    const mine = await getMyExpertProfile(expert);
    expect(mine?.evidence).toEqual([]);
  });

  it("lets only the owner delete a file, and refuses clients uploading", async () => {
    const expert = await newExpert();
    const uploaded = await uploadEvidence(expert, { kind: "registration", file: { name: "kbis.pdf", bytes: pdfBytes() } });
    if (!uploaded.ok) throw new Error("upload failed");
    expect(await deleteEvidence(await newExpert(), { evidenceId: uploaded.value.id })).toEqual({ ok: false, error: "not_found" });
    await expect(uploadEvidence(await makeUser("client"), { kind: "other", file: { name: "a.pdf", bytes: pdfBytes() } })).rejects.toThrow(new PolicyError("forbidden"));
    expect(await deleteEvidence(expert, { evidenceId: uploaded.value.id })).toEqual({ ok: true, value: undefined });
    expect(await db.select().from(evidenceFiles).where(eq(evidenceFiles.id, uploaded.value.id))).toHaveLength(0);
  });

  it("keeps skills unique per profile", async () => {
    const { profileId } = await makeCompleteExpert();
    expect(await db.select().from(expertSkills).where(eq(expertSkills.profileId, profileId))).toHaveLength(2);
  });
});
