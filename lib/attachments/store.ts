import "server-only";
import { inArray } from "drizzle-orm";
import type { Executor, Transaction } from "@/db/client";
import { attachments } from "@/db/schema";
import { MAX_ATTACHMENT_BYTES } from "@/lib/http/request-limits";
import type { Result } from "@/lib/result";
import { deleteFile, newStorageKey, putFile } from "@/lib/storage/files";
import { cleanFileName } from "./file-name";
import { detectAttachmentType, type AttachmentType } from "./file-type";
import { carriesSecret } from "./secret-files";

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

/** How many files one form may carry, and how big. */
export interface FileLimits {
  maxFiles: number;
  maxBytesEach: number;
  /** All the files together: at most MAX_ATTACHMENT_BYTES, so that the request stays under the proxy's limit. */
  maxBytesTotal: number;
}

export type FilesError = "attachmentTooMany" | "attachmentEachTooLarge" | "attachmentsTooLarge" | "attachmentType" | "attachmentSecret";

/**
 * Checks the files of a form that takes several (empty file inputs ignored): how many, each one's
 * size, their total, each one's real type read from its bytes, and no visible secret (a private
 * key, an archive holding one). The error is a `validation` key for the form's file field.
 */
export function checkAttachments(files: UploadedFile[] | null | undefined, limits: FileLimits): { ok: true; files: CheckedFile[] } | { ok: false; error: FilesError } {
  const sent = (files ?? []).filter((file) => file.bytes.byteLength > 0);
  if (sent.length > limits.maxFiles) return { ok: false, error: "attachmentTooMany" };
  if (sent.some((file) => file.bytes.byteLength > limits.maxBytesEach)) return { ok: false, error: "attachmentEachTooLarge" };
  if (sent.reduce((total, file) => total + file.bytes.byteLength, 0) > Math.min(limits.maxBytesTotal, MAX_ATTACHMENT_BYTES)) return { ok: false, error: "attachmentsTooLarge" };
  const checked: CheckedFile[] = [];
  for (const file of sent) {
    const type = detectAttachmentType(file.bytes);
    if (!type) return { ok: false, error: "attachmentType" };
    if (carriesSecret(file.bytes)) return { ok: false, error: "attachmentSecret" };
    checked.push({ name: cleanFileName(file.name, type.extension), bytes: file.bytes, type });
  }
  return { ok: true, files: checked };
}

/**
 * Writes the files under new random keys first, then runs `record`, the use case's transaction
 * that inserts their rows: no file is written while a transaction holds locks. When `record`
 * refuses or throws, or a write fails half-way, the files written are removed again.
 */
export async function withStoredFiles<T, E extends string>(files: CheckedFile[], record: (stored: StoredFile[]) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  const stored: StoredFile[] = [];
  const removeFiles = () =>
    Promise.all(stored.map((file) => deleteFile(file.storageKey).catch((error: unknown) => console.error(`[attachments] could not remove ${file.storageKey}`, error))));
  try {
    for (const file of files) {
      const next: StoredFile = { ...file, storageKey: newStorageKey("attachment") };
      await putFile(next.storageKey, next.bytes);
      stored.push(next);
    }
    const result = await record(stored);
    if (!result.ok) await removeFiles();
    return result;
  } catch (error) {
    await removeFiles();
    throw error;
  }
}

/** `withStoredFiles` for a form with one optional file. */
export async function withStoredFile<T, E extends string>(file: CheckedFile | null, record: (stored: StoredFile | null) => Promise<Result<T, E>>): Promise<Result<T, E>> {
  return withStoredFiles(file ? [file] : [], (stored) => record(stored[0] ?? null));
}

type Owner =
  | { messageId: string }
  | { deliveryMilestoneId: string }
  | { disputeMessageId: string }
  | { handoverContractId: string }
  | { ticketId: string }
  | { ticketMessageId: string };

/** Records stored files as the attachments of their message, delivery, dispute message, handover pack, ticket or ticket message. */
export async function insertAttachments(tx: Transaction, stored: StoredFile[], owner: Owner, uploadedById: string): Promise<void> {
  if (stored.length === 0) return;
  await tx.insert(attachments).values(
    stored.map((file) => ({
      ...owner,
      uploadedById,
      originalName: file.name,
      storageKey: file.storageKey,
      mimeType: file.type.mime,
      sizeBytes: file.bytes.byteLength,
    })),
  );
}

/** `insertAttachments` for a form with one optional file. */
export async function insertAttachment(tx: Transaction, stored: StoredFile | null, owner: Owner, uploadedById: string): Promise<void> {
  await insertAttachments(tx, stored ? [stored] : [], owner, uploadedById);
}

/** What a page shows of an attachment: a link to the download route, its name and size. */
export interface AttachmentLink {
  id: string;
  name: string;
  sizeBytes: number;
  href: string;
}

/** The attachments of these owners, by owner id, oldest first. */
export async function attachmentsByOwner(executor: Executor, column: "messageId" | "deliveryMilestoneId" | "disputeMessageId" | "handoverContractId" | "ticketId" | "ticketMessageId", ownerIds: string[]): Promise<Map<string, AttachmentLink[]>> {
  const byOwner = new Map<string, AttachmentLink[]>();
  if (ownerIds.length === 0) return byOwner;
  const rows = await executor.select().from(attachments).where(inArray(attachments[column], ownerIds)).orderBy(attachments.createdAt, attachments.originalName);
  for (const row of rows) {
    const owner = row[column];
    if (!owner) continue;
    const list = byOwner.get(owner) ?? [];
    list.push({ id: row.id, name: row.originalName, sizeBytes: row.sizeBytes, href: `/api/attachments/${row.id}` });
    byOwner.set(owner, list);
  }
  return byOwner;
}
