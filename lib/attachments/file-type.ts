/**
 * What a file really is, read from its bytes (magic numbers, and for the zip-based office
 * formats the names inside the archive); the name and the browser's claim are ignored.
 */
export type AttachmentType = { mime: string; extension: string };

const PDF: AttachmentType = { mime: "application/pdf", extension: "pdf" };
const PNG: AttachmentType = { mime: "image/png", extension: "png" };
const JPEG: AttachmentType = { mime: "image/jpeg", extension: "jpg" };
const GIF: AttachmentType = { mime: "image/gif", extension: "gif" };
const WEBP: AttachmentType = { mime: "image/webp", extension: "webp" };
const ZIP: AttachmentType = { mime: "application/zip", extension: "zip" };
const DOCX: AttachmentType = { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" };
const XLSX: AttachmentType = { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extension: "xlsx" };
const ODT: AttachmentType = { mime: "application/vnd.oasis.opendocument.text", extension: "odt" };
const ODS: AttachmentType = { mime: "application/vnd.oasis.opendocument.spreadsheet", extension: "ods" };

/** The `accept` attribute of the file inputs (a hint for the browser's picker; the server decides). */
export const ATTACHMENT_ACCEPT = ".pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.xlsx,.odt,.ods,.zip";

const startsWith = (bytes: Uint8Array, signature: number[], offset = 0) => signature.every((b, i) => bytes[offset + i] === b);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** The names of the entries of a zip archive, from its central directory (null when it is not a readable zip). */
export function zipEntryNames(bytes: Uint8Array): string[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 22 + 65,535 bytes (its comment).
  const floor = Math.max(0, bytes.byteLength - 22 - 0xffff);
  let end = -1;
  for (let i = bytes.byteLength - 22; i >= floor; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (at + 46 > bytes.byteLength || view.getUint32(at, true) !== 0x02014b50) return null;
    const nameLength = view.getUint16(at + 28, true);
    const extra = view.getUint16(at + 30, true);
    const comment = view.getUint16(at + 32, true);
    if (at + 46 + nameLength > bytes.byteLength) return null;
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)));
    at += 46 + nameLength + extra + comment;
  }
  return names;
}

/** An OpenDocument file starts with a stored `mimetype` entry holding its type. */
function openDocumentType(bytes: Uint8Array): AttachmentType | null {
  if (!startsWith(bytes, ascii("mimetype"), 30)) return null;
  const head = new TextDecoder().decode(bytes.subarray(38, 38 + 60));
  if (head.startsWith(ODT.mime)) return ODT;
  if (head.startsWith(ODS.mime)) return ODS;
  return null;
}

function zipType(bytes: Uint8Array): AttachmentType | null {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  const odf = openDocumentType(bytes);
  if (odf) return odf;
  if (names.includes("[Content_Types].xml")) {
    if (names.includes("word/document.xml")) return DOCX;
    if (names.includes("xl/workbook.xml")) return XLSX;
  }
  return ZIP;
}

/** The file's type when it is one we accept: PDF, PNG, JPEG, GIF, WebP, DOCX, XLSX, ODT, ODS or ZIP; null otherwise. */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF;
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return PNG;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return JPEG;
  if (startsWith(bytes, ascii("GIF87a")) || startsWith(bytes, ascii("GIF89a"))) return GIF;
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return WEBP;
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipType(bytes);
  return null;
}
