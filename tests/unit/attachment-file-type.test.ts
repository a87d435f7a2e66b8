import { describe, expect, it } from "vitest";
import { cleanFileName } from "@/lib/attachments/file-name";
import { detectAttachmentType, zipEntryNames } from "@/lib/attachments/file-type";
import { checkAttachment } from "@/lib/attachments/store";
import { MAX_ATTACHMENT_BYTES } from "@/lib/http/request-limits";
import { docxBytes, odsBytes, odtBytes, xlsxBytes, zipBytes } from "../helpers/zip";

const text = (s: string) => new TextEncoder().encode(s);

describe("attachment types, read from the bytes", () => {
  it.each([
    ["PDF", text("%PDF-1.7\n..."), "pdf"],
    ["PNG", new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), "png"],
    ["JPEG", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]), "jpg"],
    ["GIF", text("GIF89a..."), "gif"],
    ["WebP", text("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "), "webp"],
    ["DOCX", docxBytes(), "docx"],
    ["XLSX", xlsxBytes(), "xlsx"],
    ["ODT", odtBytes(), "odt"],
    ["ODS", odsBytes(), "ods"],
    ["a plain zip", zipBytes({ "notes.txt": "hello" }), "zip"],
  ])("recognises %s", (_what, bytes, extension) => {
    expect(detectAttachmentType(bytes)?.extension).toBe(extension);
  });

  it("refuses text, HTML, scripts and executables whatever their name, and a broken zip", () => {
    for (const bytes of [text("hello"), text("<html><script>alert(1)</script>"), text("#!/bin/sh\nrm -rf /"), text("MZ\u0090\u0000"), text("PK\u0003\u0004 not really a zip")]) {
      expect(detectAttachmentType(bytes)).toBeNull();
    }
    expect(zipEntryNames(text("PK\u0003\u0004 not really a zip"))).toBeNull();
  });

  it("a zip holding word/ files without [Content_Types].xml stays a zip", () => {
    expect(detectAttachmentType(zipBytes({ "word/document.xml": "<x/>" }))?.extension).toBe("zip");
  });
});

describe("checkAttachment", () => {
  it("takes no file, refuses a renamed text file and a file over 25 MB, and names the file by its real type", () => {
    expect(checkAttachment(null)).toEqual({ ok: true, file: null });
    expect(checkAttachment({ name: "facture.pdf", bytes: text("not a pdf at all") })).toEqual({ ok: false, error: "attachmentType" });
    const big = new Uint8Array(MAX_ATTACHMENT_BYTES + 1);
    big.set(text("%PDF-1.4"));
    expect(checkAttachment({ name: "gros.pdf", bytes: big })).toEqual({ ok: false, error: "attachmentTooLarge" });
    const atLimit = big.subarray(0, MAX_ATTACHMENT_BYTES);
    expect(checkAttachment({ name: "pile.pdf", bytes: atLimit })).toMatchObject({ ok: true, file: { name: "pile.pdf" } });
    expect(checkAttachment({ name: "rapport.pdf", bytes: docxBytes() })).toMatchObject({ ok: true, file: { name: "rapport.docx", type: { extension: "docx" } } });
  });

  it("cleans names: no path, no control or bidi characters", () => {
    expect(cleanFileName("../../etc/x\u202Efdp.exe", "pdf")).toBe("xfdp.pdf");
    expect(cleanFileName("C:\\Users\\a\\compte rendu.docx", "docx")).toBe("compte rendu.docx");
    expect(cleanFileName("...", "zip")).toBe("document.zip");
  });
});
