import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { evidenceFiles, expertProfiles, type EvidenceFile } from "@/db/schema";
import type { Actor } from "@/lib/auth/actor";
import { actsAsAdmin, PolicyError, requireUser } from "@/lib/auth/policy";
import { recordAudit } from "@/lib/audit/record";
import { fieldErrors } from "@/lib/actions/field-errors";
import { fail, ok, type Result } from "@/lib/result";
import { deleteFile, getFile, newStorageKey, putFile } from "@/lib/storage/files";
import { detectFileType, MAX_EVIDENCE_BYTES, safeDisplayName } from "./file-type";
import { lockOwnProfile } from "./profile";
import { evidenceUploadSchema, type EvidenceUploadInput } from "./schemas";
import { isUuidLike } from "@/lib/ids";

export type UploadEvidenceError = "invalid" | "locked";

/**
 * The expert uploads a piece of evidence: PDF, PNG or JPEG (checked by magic bytes), at most
 * 10 MB, stored under a server-generated key outside public/.
 */
export async function uploadEvidence(
  actor: Actor | null,
  input: EvidenceUploadInput,
): Promise<Result<{ id: string }, UploadEvidenceError>> {
  requireUser(actor);
  const parsed = evidenceUploadSchema.safeParse(input);
  const fields: Record<string, string> = parsed.success ? {} : fieldErrors(parsed.error);
  const file = input.file;
  let mime = null;
  if (!file || file.bytes.byteLength === 0) fields.file = "fileRequired";
  else if (file.bytes.byteLength > MAX_EVIDENCE_BYTES) fields.file = "fileTooLarge";
  else if (!(mime = detectFileType(file.bytes))) fields.file = "fileType";
  if (!parsed.success || Object.keys(fields).length > 0 || !file || !mime) return fail("invalid", fields);
  if (parsed.data.kind === "urssaf" && !parsed.data.issuedOn) return fail("invalid", { issuedOn: "urssafDate" });
  if (parsed.data.kind === "qualiopi") {
    const missing: Record<string, string> = {};
    if (!parsed.data.certificateNumber) missing.certificateNumber = "qualiopiNumber";
    if (!parsed.data.expiresOn) missing.expiresOn = "qualiopiExpiry";
    else if (parsed.data.expiresOn < new Date().toISOString().slice(0, 10)) missing.expiresOn = "qualiopiExpired";
    if (Object.keys(missing).length > 0) return fail("invalid", missing);
  }

  const key = newStorageKey("evidence");
  return db.transaction(async (tx) => {
    const profile = await lockOwnProfile(tx, actor);
    if (profile.status === "rejected" || profile.status === "suspended") return fail("locked");
    await putFile(key, file.bytes);
    try {
      const [row] = await tx
        .insert(evidenceFiles)
        .values({
          profileId: profile.id,
          kind: parsed.data.kind,
          label: parsed.data.label ?? null,
          originalName: safeDisplayName(file.name, mime),
          storageKey: key,
          mimeType: mime,
          sizeBytes: file.bytes.byteLength,
          issuedOn: parsed.data.issuedOn ?? null,
          certificateNumber: parsed.data.kind === "qualiopi" ? (parsed.data.certificateNumber ?? null) : null,
          expiresOn: parsed.data.kind === "qualiopi" ? (parsed.data.expiresOn ?? null) : null,
        })
        .returning({ id: evidenceFiles.id });
      if (!row) throw new Error("evidence insert returned nothing");
      await recordAudit(tx, {
        actorId: profile.userId,
        action: "expert.evidence_uploaded",
        subjectType: "expert_profile",
        subjectId: profile.id,
        data: { evidenceId: row.id, kind: parsed.data.kind },
      });
      return ok({ id: row.id });
    } catch (error) {
      await deleteFile(key);
      throw error;
    }
  });
}

/** The expert removes a file while the profile is not under review. */
export async function deleteEvidence(actor: Actor | null, input: { evidenceId: string }): Promise<Result<void, "not_found" | "locked">> {
  requireUser(actor);
  if (!isUuidLike(input.evidenceId)) return fail("not_found");
  const removed = await db.transaction(async (tx) => {
    const profile = await lockOwnProfile(tx, actor);
    if (profile.status === "submitted") return fail("locked");
    const [row] = await tx
      .delete(evidenceFiles)
      .where(and(eq(evidenceFiles.id, input.evidenceId), eq(evidenceFiles.profileId, profile.id)))
      .returning();
    return row ? ok(row) : fail("not_found");
  });
  if (!removed.ok) return removed;
  await deleteFile(removed.value.storageKey);
  return ok(undefined);
}

/** A file for download: only its owner and admins may have it. */
export async function getEvidenceForDownload(
  actor: Actor | null,
  evidenceId: string,
): Promise<{ file: EvidenceFile; bytes: Buffer } | null> {
  const user = requireUser(actor);
  if (!isUuidLike(evidenceId)) return null;
  const [row] = await db
    .select({ file: evidenceFiles, ownerId: expertProfiles.userId })
    .from(evidenceFiles)
    .innerJoin(expertProfiles, eq(expertProfiles.id, evidenceFiles.profileId))
    .where(eq(evidenceFiles.id, evidenceId));
  if (!row) return null;
  if (row.ownerId !== user.id && !actsAsAdmin(user)) throw new PolicyError("forbidden");
  return { file: row.file, bytes: await getFile(row.file.storageKey) };
}
