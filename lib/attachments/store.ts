import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { attachments } from "@/db/schema";
import { MAX_ATTACHMENT_BYTES } from "@/lib/http/request-limits";
import type { Result } from "@/lib/result";
import { deleteFile, newStorageKey, putFile } from "@/lib/storage/files";
import { cleanFileName } from "./file-name";
import { detectAttachmentType, type AttachmentType } from "./file-type";

/** A file as it arrived in a form. */
export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

/** A file that passed the checks: its cleaned name and its real type. */
export interface CheckedFile {
  name: string;
  bytes: Uint8Array;
  type: AttachmentType;
}

/** A checked file written to storage, not yet recorded. */
export interface StoredFile extends CheckedFile {
  storageKey: string;
}

/**
 * Checks an optional file: none is fine (null), otherwise at most 25 MB and of an accepted
 * type read from its bytes. The error is a `validation` key for the form's `file` field.
 */
export function checkAttachment(file: UploadedFile | null | undefined): { ok: true; file: CheckedFile | null } | { ok: false; error: "attachmentTooLarge" | "attachmentType" } {
  if (!file || file.bytes.byteLength === 0) return { ok: true, file: null };
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) return { ok: false, error: "attachmentTooLarge" };
  const type = detectAttachmentType(file.bytes);
  if (!type) return { ok: false, error: "attachmentType" };
  return { ok: true, file: { name: cleanFileName(file.name, type.extension), bytes: file.bytes, type } };
}

/**
 * Writes the file (when there is one) under a new random key first, then runs `record`, the use
 * case's transaction that inserts its row: no file is written while a transaction holds locks.
 * When `record` refuses or throws, the file is removed again.
 */
export async function withStoredFile<T, E extends string>(file: CheckedFile | null, record: (stored: StoredFile | null) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  if (!file) return record(null);
  const stored: StoredFile = { ...file, storageKey: newStorageKey("attachment") };
  await putFile(stored.storageKey, stored.bytes);
  const removeFile = () => deleteFile(stored.storageKey).catch((error: unknown) => console.error(`[attachments] could not remove ${stored.storageKey}`, error));
  try {
    const result = await record(stored);
    if (!result.ok) await removeFile();
    return result;
  } catch (error) {
    await removeFile();
    throw error;
  }
}

type Owner = { messageId: string } | { deliveryMilestoneId: string } | { disputeMessageId: string } | { handoverContractId: string };

/** Records a stored file as the attachment of its message, delivery, dispute message or handover pack. */
export async function insertAttachment(tx: Transaction, stored: StoredFile | null, owner: Owner, uploadedById: string): Promise<void> {
  if (!stored) return;
  await tx.insert(attachments).values({
    ...owner,
    uploadedById,
    originalName: stored.name,
    storageKey: stored.storageKey,
    mimeType: stored.type.mime,
    sizeBytes: stored.bytes.byteLength,
  });
}

/** What a page shows of an attachment: a link to the download route, its name and size. */
export interface AttachmentLink {
  id: string;
  name: string;
  sizeBytes: number;
  href: string;
}

/** The attachments of these owners, by owner id, oldest first. */
export async function attachmentsByOwner(executor: Executor, column: "messageId" | "deliveryMilestoneId" | "disputeMessageId" | "handoverContractId", ownerIds: string[]): Promise<Map<string, AttachmentLink[]>> {
  const byOwner = new Map<string, AttachmentLink[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await executor.select().from(attachments).where(inArray(attachments[column], ownerIds)).orderBy(attachments.createdAt);
  for (const row of rows) {
    const owner = row[column];
    if (!owner) continue;
    const list = byOwner.get(owner) ?? [];
    list.push({ id: row.id, name: row.originalName, sizeBytes: row.sizeBytes, href: `/api/attachments/${row.id}` });
    byOwner.set(owner, list);
  }
  return byOwner;
}
