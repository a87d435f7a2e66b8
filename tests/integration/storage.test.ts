import { existsSync, statSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { uploadEvidence, getEvidenceForDownload } from "@/lib/experts/evidence";
import { deleteFile, getFile, newStorageKey, putFile } from "@/lib/storage/files";
import { makeCompleteExpert, pdfBytes } from "../helpers/experts";
import { startFakeS3 } from "../helpers/fake-s3";

let s3: Awaited<ReturnType<typeof startFakeS3>>;
beforeAll(async () => {
  s3 = await startFakeS3();
});
afterAll(async () => {
  for (const key of ["S3_BUCKET", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION"]) delete process.env[key];
  await s3.close();
});

describe("file storage", () => {
  it("keeps files on disk under server-generated keys, and refuses any other key", async () => {
    const key = newStorageKey("evidence");
    await putFile(key, pdfBytes("disk"));
    expect((await getFile(key)).toString()).toContain("disk");
    expect(existsSync(path.join(process.env.COMPAGNON_DATA_DIR ?? "", "uploads", key))).toBe(true);
    await deleteFile(key);
    await expect(getFile(key)).rejects.toThrow();
    await expect(putFile("../../etc/passwd", pdfBytes())).rejects.toThrow("Invalid storage key");
    await expect(getFile("evidence/../../secret")).rejects.toThrow("Invalid storage key");
  });

  it("the first file made the data folder private too: now only the uploads are (the embedded PostgreSQL's user must reach .data/postgres)", async () => {
    const parent = process.env.COMPAGNON_DATA_DIR ?? "";
    const dataDir = path.join(parent, "fresh-data");
    process.env.COMPAGNON_DATA_DIR = dataDir;
    try {
      const key = newStorageKey("evidence");
      await putFile(key, pdfBytes("fresh"));
      const mode = (file: string) => statSync(file).mode & 0o777;
      expect(mode(dataDir) & 0o005).toBe(0o005); // others may list and enter it, as PostgreSQL's user must
      expect(mode(path.join(dataDir, "uploads"))).toBe(0o700);
      expect(mode(path.join(dataDir, "uploads", "evidence"))).toBe(0o700);
      expect(mode(path.join(dataDir, "uploads", key))).toBe(0o600);
    } finally {
      process.env.COMPAGNON_DATA_DIR = parent;
    }
  });

  it("uses an S3-compatible bucket when S3_BUCKET is set, with signed requests", async () => {
    Object.assign(process.env, {
      S3_BUCKET: "compagnon-files",
      S3_ENDPOINT: s3.url,
      S3_ACCESS_KEY_ID: "AKIATEST",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_REGION: "fr-par",
    });
    const { actor } = await makeCompleteExpert();
    const uploaded = await uploadEvidence(actor, { kind: "certification", label: "RHCE", file: { name: "rhce.pdf", bytes: pdfBytes("in-s3") } });
    if (!uploaded.ok) throw new Error("upload failed");
    const stored = [...s3.objects.entries()].find(([, body]) => body.toString().includes("in-s3"));
    expect(stored?.[0]).toMatch(/^\/compagnon-files\/evidence\/[0-9a-f-]{36}$/);
    expect(s3.authorizations.at(-1)).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIATEST\/\d{8}\/fr-par\/s3\/aws4_request/);
    expect((await getEvidenceForDownload(actor, uploaded.value.id))?.bytes.toString()).toContain("in-s3");
    const key = stored?.[0].replace("/compagnon-files/", "") ?? "";
    await deleteFile(key);
    expect(s3.objects.has(stored?.[0] ?? "")).toBe(false);
  });
});
