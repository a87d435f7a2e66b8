import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { expertProfiles } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { isAdmin } from "@/lib/auth/policy";
import { fail, ok, type Result } from "@/lib/result";
import { deleteFile, getFile, newStorageKey, putFile } from "@/lib/storage/files";
import { detectFileType, MAX_PHOTO_BYTES } from "./file-type";
import { lockOwnProfile } from "./profile";
import { isUuidLike } from "@/lib/ids";

export { MAX_PHOTO_BYTES };

/** The expert sets (or replaces) the profile photo: PNG or JPEG by content, 2 MB at most. */
export async function uploadPhoto(
  actor: Actor | null,
  file: { bytes: Uint8Array } | null,
): Promise<Result<void, "invalid" | "locked">> {
  const mime = file && file.bytes.byteLength > 0 ? detectFileType(file.bytes) : null;
  const error = !file || file.bytes.byteLength === 0 ? "fileRequired" : file.bytes.byteLength > MAX_PHOTO_BYTES ? "photoTooLarge" : mime === "image/png" || mime === "image/jpeg" ? null : "photoType";
  const replaced = await db.transaction(async (tx) => {
    const profile = await lockOwnProfile(tx, actor);
    if (error || !file || !mime) return fail("invalid", { photo: error ?? "photoType" });
    if (profile.status === "rejected" || profile.status === "suspended") return fail("locked");
    const key = newStorageKey("photo");
    await putFile(key, file.bytes);
    await tx.update(expertProfiles).set({ photoKey: key, photoMime: mime, updatedAt: new Date() }).where(eq(expertProfiles.id, profile.id));
    return ok(profile.photoKey);
  });
  if (!replaced.ok) return replaced;
  if (replaced.value) await deleteFile(replaced.value);
  return ok(undefined);
}

export async function removePhoto(actor: Actor | null): Promise<void> {
  const previous = await db.transaction(async (tx) => {
    const profile = await lockOwnProfile(tx, actor);
    await tx.update(expertProfiles).set({ photoKey: null, photoMime: null }).where(eq(expertProfiles.id, profile.id));
    return profile.photoKey;
  });
  if (previous) await deleteFile(previous);
}

/**
 * A profile photo for display: anyone sees it on a verified profile that shows it publicly;
 * the expert and admins always see it.
 */
export async function getPhoto(actor: Actor | null, profileId: string): Promise<{ bytes: Buffer; mime: string } | null> {
  if (!isUuidLike(profileId)) return null;
  const profile = await db.query.expertProfiles.findFirst({ where: eq(expertProfiles.id, profileId) });
  if (!profile?.photoKey || !profile.photoMime) return null;
  const isPublic = profile.status === "verified" && profile.publicFields.includes("photo");
  const allowed = isPublic || isAdmin(actor) || actor?.id === profile.userId;
  if (!allowed) return null;
  return { bytes: await getFile(profile.photoKey), mime: profile.photoMime };
}
