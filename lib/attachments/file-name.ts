import { cleanIdentityText, IDENTITY_RAW_MAX } from "@/lib/text/identity";

/**
 * A display name safe to show and to put in a Content-Disposition header: no path, no control
 * or format characters (a right-to-left override could make "x\u202Efdp.exe" read "xexe.pdf"),
 * and the extension of the file's real type.
 */
export function cleanFileName(name: string, extension: string): string {
  const base = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1).slice(0, IDENTITY_RAW_MAX);
  const visible = cleanIdentityText(base.replace(/[\u0000-\u001f\u007f]/g, ""));
  const cleaned = [...visible.replace(/["<>|:*?]/g, "").replace(/^\.+/, "").trim()].slice(0, 120).join("");
  const stem = cleaned.replace(/\.[^.]*$/, "").trim() || "document";
  return `${stem}.${extension}`;
}

/** The Content-Disposition of a download: always an attachment, an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(storedName: string): string {
  // Names are cleaned at upload; files kept from before that are cleaned on the way out.
  const name = cleanIdentityText(storedName);
  const plain = name.replace(/[^\x20-\x7e]/g, "_").replace(/["\\]/g, "_");
  return `attachment; filename="${plain}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/** The headers of a private file's download: never rendered inline, never sniffed, never cached. */
export function downloadHeaders(file: { originalName: string; mimeType: string }, size: number): HeadersInit {
  return {
    "Content-Type": file.mimeType,
    "Content-Length": String(size),
    "Content-Disposition": attachmentDisposition(file.originalName),
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
}
