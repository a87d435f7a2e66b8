import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { expertProfiles } from "@/db/schema";
import { PolicyError } from "@/lib/auth/policy";
import { getPublicExpert } from "@/lib/experts/directory";
import { getPhoto, MAX_PHOTO_BYTES, removePhoto, uploadPhoto } from "@/lib/experts/photo";
import { makeCompleteExpert, pdfBytes } from "../../helpers/experts";
import { makeUser } from "../../helpers/factories";

const png = () => new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);

describe("expert photo", () => {
  it("accepts a PNG, refuses a PDF and an oversized image, and replaces the previous photo", async () => {
    const { actor, profileId } = await makeCompleteExpert();
    expect(await uploadPhoto(actor, { bytes: pdfBytes() })).toEqual({ ok: false, error: "invalid", fields: { photo: "photoType" } });
    const big = new Uint8Array(MAX_PHOTO_BYTES + 1);
    big.set(png());
    expect(await uploadPhoto(actor, { bytes: big })).toEqual({ ok: false, error: "invalid", fields: { photo: "photoTooLarge" } });
    expect(await uploadPhoto(actor, null)).toEqual({ ok: false, error: "invalid", fields: { photo: "fileRequired" } });
    expect(await uploadPhoto(actor, { bytes: png() })).toEqual({ ok: true, value: undefined });
    const first = (await db.select().from(expertProfiles).where(eq(expertProfiles.id, profileId)))[0]?.photoKey;
    await uploadPhoto(actor, { bytes: png() });
    const second = (await db.select().from(expertProfiles).where(eq(expertProfiles.id, profileId)))[0]?.photoKey;
    expect(second).not.toBe(first);
    expect((await getPhoto(actor, profileId))?.mime).toBe("image/png");
  });

  it("shows the photo publicly only on a verified profile that made it public", async () => {
    const { actor, profileId } = await makeCompleteExpert();
    await uploadPhoto(actor, { bytes: png() });
    expect(await getPhoto(null, profileId)).toBeNull();
    expect(await getPhoto(await makeUser("client"), profileId)).toBeNull();
    expect(await getPhoto(await makeUser("admin"), profileId)).not.toBeNull();
    await db.update(expertProfiles).set({ status: "verified", publicFields: ["photo"] }).where(eq(expertProfiles.id, profileId));
    expect(await getPhoto(null, profileId)).not.toBeNull();
    const slug = (await db.select().from(expertProfiles).where(eq(expertProfiles.id, profileId)))[0]?.slug ?? "";
    expect((await getPublicExpert(slug))?.photoUrl).toMatch(new RegExp(`^/api/experts/photo/${profileId}\\?v=\\d+$`));
    await db.update(expertProfiles).set({ publicFields: [] }).where(eq(expertProfiles.id, profileId));
    expect(await getPhoto(null, profileId)).toBeNull();
    await removePhoto(actor);
    expect(await getPhoto(actor, profileId)).toBeNull();
  });

  it("refuses clients and anonymous visitors", async () => {
    await expect(uploadPhoto(null, { bytes: png() })).rejects.toThrow(new PolicyError("unauthenticated"));
    await expect(uploadPhoto(await makeUser("client"), { bytes: png() })).rejects.toThrow(new PolicyError("forbidden"));
  });
});
