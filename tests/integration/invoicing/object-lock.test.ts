import { createHash } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { invoices } from "@/db/schema";
import { verifyInvoices } from "@/lib/invoicing/verify";
import { approveMilestone, markDelivered } from "@/lib/payments/delivery";
import { deleteFile, newStorageKey, putFile } from "@/lib/storage/files";
import { fundMilestone, makeActiveContract } from "../../helpers/contracts";
import { startFakeS3 } from "../../helpers/fake-s3";
import { runQueuedJobs } from "../../helpers/worker";

const S3_VARIABLES = ["S3_BUCKET", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_REGION", "S3_OBJECT_LOCK"];
let s3: Awaited<ReturnType<typeof startFakeS3>>;
beforeAll(async () => {
  s3 = await startFakeS3();
  Object.assign(process.env, { S3_BUCKET: "compagnon-invoices", S3_ENDPOINT: s3.url, S3_ACCESS_KEY_ID: "AKIATEST", S3_SECRET_ACCESS_KEY: "secret", S3_REGION: "fr-par" });
});
afterAll(async () => {
  for (const key of S3_VARIABLES) delete process.env[key];
  await s3.close();
});

async function releasedInvoice(): Promise<string> {
  const contract = await makeActiveContract({ bid: { total: "500", milestones: [{ title: "Tout", amount: "500", dueOn: "2027-05-01" }] } });
  const [milestoneId] = contract.milestoneIds as [string];
  await fundMilestone(contract.owner, milestoneId);
  expect((await markDelivered(contract.expert, { milestoneId, note: "Étape livrée et vérifiée ensemble." })).ok).toBe(true);
  expect((await approveMilestone(contract.owner, { milestoneId })).ok).toBe(true);
  await runQueuedJobs(["render_invoice"]);
  return milestoneId;
}

describe("invoice files on S3", () => {
  it("with S3_OBJECT_LOCK=1, writes each invoice PDF and XML under a compliance lock of ten years, with its Content-MD5", async () => {
    process.env.S3_OBJECT_LOCK = "1";
    const milestoneId = await releasedInvoice();
    const rows = await db.select().from(invoices).where(eq(invoices.milestoneId, milestoneId));
    const keys = rows.flatMap((row) => [row.pdfKey, row.xmlKey]).map((key) => `/compagnon-invoices/${key}`);
    expect(keys).toHaveLength(4);
    const tenYears = new Date();
    tenYears.setUTCFullYear(tenYears.getUTCFullYear() + 10);
    for (const key of keys) {
      const put = s3.puts.find((candidate) => candidate.key === key);
      expect(put?.headers["x-amz-object-lock-mode"]).toBe("COMPLIANCE");
      const until = Date.parse(String(put?.headers["x-amz-object-lock-retain-until-date"]));
      expect(Math.abs(until - tenYears.getTime())).toBeLessThan(120_000);
      expect(put?.headers["content-md5"]).toBe(createHash("md5").update(s3.objects.get(key)!).digest("base64"));
      // The lock headers are signed, so a proxy cannot strip them.
      expect(put?.headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-object-lock-mode;x-amz-object-lock-retain-until-date/);
    }
    // The bucket refuses deleting a locked file; verify reads the files back from S3.
    await expect(deleteFile(rows[0]!.pdfKey!)).rejects.toThrow(/HTTP 403/);
    expect((await verifyInvoices(db)).problems).toEqual([]);
  });

  it("without S3_OBJECT_LOCK, sends no lock header (a bucket without object lock would refuse it); other files never get one", async () => {
    delete process.env.S3_OBJECT_LOCK;
    const milestoneId = await releasedInvoice();
    const [row] = await db.select().from(invoices).where(eq(invoices.milestoneId, milestoneId));
    const put = s3.puts.find((candidate) => candidate.key === `/compagnon-invoices/${row!.pdfKey}`);
    expect(put?.headers["x-amz-object-lock-mode"]).toBeUndefined();
    expect(put?.headers["content-md5"]).toMatch(/^[A-Za-z0-9+/]{22}==$/);

    process.env.S3_OBJECT_LOCK = "1";
    const key = newStorageKey("photo");
    await putFile(key, new Uint8Array([1, 2, 3]));
    expect(s3.puts.find((candidate) => candidate.key === `/compagnon-invoices/${key}`)?.headers["x-amz-object-lock-mode"]).toBeUndefined();
  });
});
