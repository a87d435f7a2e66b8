import { cleanFileName } from "@/lib/attachments/file-name";

export { MAX_EVIDENCE_BYTES, MAX_PHOTO_BYTES } from "@/lib/http/request-limits";

export type AcceptedMime = "application/pdf" | "image/png" | "image/jpeg";

const signatures: { mime: AcceptedMime; bytes: number[] }[] = [
  { mime: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { mime: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

/** The file's real type from its first bytes (magic numbers); the name and the browser's claim are ignored. */
export function detectFileType(bytes: Uint8Array): AcceptedMime | null {
  return signatures.find((s) => s.bytes.every((b, i) => bytes[i] === b))?.mime ?? null;
}

export const extensionFor: Record<AcceptedMime, string> = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
};

/** A display name safe to show and to send (see cleanFileName), with the extension of the file's real type. */
export function safeDisplayName(name: string, mime: AcceptedMime): string {
  return cleanFileName(name, extensionFor[mime]);
}
