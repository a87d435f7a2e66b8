import { describe, expect, it } from "vitest";
import { detectFileType, safeDisplayName } from "@/lib/experts/file-type";

const bytes = (...values: number[]) => new Uint8Array(values);

describe("evidence file checks", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", () => {
    expect(detectFileType(new TextEncoder().encode("%PDF-1.7\n"))).toBe("application/pdf");
    expect(detectFileType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0))).toBe("image/png");
    expect(detectFileType(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe("image/jpeg");
  });

  it("refuses a renamed executable, a script and an empty file", () => {
    expect(detectFileType(bytes(0x7f, 0x45, 0x4c, 0x46, 2, 1))).toBeNull(); // ELF
    expect(detectFileType(bytes(0x4d, 0x5a, 0x90, 0))).toBeNull(); // Windows PE ("MZ")
    expect(detectFileType(new TextEncoder().encode("#!/bin/sh\nrm -rf /"))).toBeNull();
    expect(detectFileType(bytes())).toBeNull();
  });

  it("keeps only a harmless display name, with the real extension", () => {
    expect(safeDisplayName("../../etc/passwd", "application/pdf")).toBe("passwd.pdf");
    expect(safeDisplayName("C:\\Users\\x\\attestation urssaf.exe", "application/pdf")).toBe("attestation urssaf.pdf");
    expect(safeDisplayName('a"b\r\n<c>.png', "image/png")).toBe("abc.png");
    expect(safeDisplayName("....", "image/jpeg")).toBe("document.jpg");
  });

  it("drops bidi overrides and zero-width characters, keeps accents and emoji", () => {
    // U+202E displays what follows right to left: "facture\u202Efdp.exe" reads "factureexe.pdf".
    expect(safeDisplayName("é\u202Egnp.png", "image/png")).toBe("égnp.png");
    expect(safeDisplayName("facture\u202Efdp.exe", "application/pdf")).toBe("facturefdp.pdf");
    expect(safeDisplayName("rapport\u200B\u2066final\u2069.pdf", "application/pdf")).toBe("rapportfinal.pdf");
    expect(safeDisplayName("Attestation été 👩\u200D💻.pdf", "application/pdf")).toBe("Attestation été 👩\u200D💻.pdf");
    expect(safeDisplayName(`${"a".repeat(200)}.pdf`, "application/pdf")).toBe(`${"a".repeat(120)}.pdf`);
  });
});
