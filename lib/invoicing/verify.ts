import "server-only";
import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "@/db/client";
import { invoicePendingFiles, invoiceSeries, invoices, type Invoice } from "@/db/schema";
import { getFile } from "@/lib/storage/files";
import { chainHash, sha256Hex } from "./chain";

export interface VerifyReport {
  series: number;
  documents: number;
  /** Documents issued before the chain existed (no chain hash): numbering and PDF checked only. */
  unsealed: number;
  /** One line per break, naming the document. */
  problems: string[];
}

/**
 * Recomputes every series' hash chain, checks the numbering has no gap and matches its counter,
 * and re-hashes every stored file (PDF and XML) against the hash sealed at issue. What
 * `npm run invoices:verify` runs; an empty `problems` means the trail is intact.
 */
export async function verifyInvoices(db: Executor): Promise<VerifyReport> {
  const counters = await db.select().from(invoiceSeries);
  const keys = new Map(counters.map((row) => [`${row.key}\u0000${row.year}`, row.lastNumber] as [string, number | null]));
  const seriesOf = await db.selectDistinct({ key: invoices.seriesKey, year: invoices.year }).from(invoices);
  for (const row of seriesOf) if (!keys.has(`${row.key}\u0000${row.year}`)) keys.set(`${row.key}\u0000${row.year}`, null);
  const report: VerifyReport = { series: keys.size, documents: 0, unsealed: 0, problems: [] };
  for (const [id, counter] of [...keys].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [key = "", year = ""] = id.split("\u0000");
    await verifySeries(db, key, Number(year), counter, report);
  }
  return report;
}

async function verifySeries(db: Executor, key: string, year: number, counter: number | null, report: VerifyReport) {
  const label = `series ${key} ${year}`;
  const documents = await db.select().from(invoices).where(and(eq(invoices.seriesKey, key), eq(invoices.year, year))).orderBy(asc(invoices.sequence));
  let previous = "";
  let sealedSeen = false;
  documents.forEach((row, index) => {
    if (row.sequence !== index + 1) report.problems.push(`${label}: number ${index + 1} is missing (next is ${row.number})`);
  });
  const last = documents.at(-1)?.sequence ?? 0;
  if (counter === null) report.problems.push(`${label}: no numbering counter for its ${documents.length} document(s)`);
  else if (counter !== last) report.problems.push(`${label}: the counter is at ${counter} but the last document is number ${last}`);
  for (const row of documents) {
    report.documents++;
    if (row.chainHash === null) {
      report.unsealed++;
      if (sealedSeen) report.problems.push(`${row.number}: has no chain hash, after sealed documents`);
    } else {
      sealedSeen = true;
      if (!row.pdfSha256 || !row.xmlSha256) report.problems.push(`${row.number}: sealed without its file hashes`);
      else if (chainHash(previous, { ...row, pdfSha256: row.pdfSha256, xmlSha256: row.xmlSha256 }) !== row.chainHash) {
        report.problems.push(`${row.number}: chain broken (the row was changed, or a document before it was changed or removed)`);
      }
      previous = row.chainHash;
    }
    for (const problem of await fileProblems(db, row)) report.problems.push(`${row.number}: ${problem}`);
  }
}

async function fileProblems(db: Executor, row: Invoice): Promise<string[]> {
  const problems: string[] = [];
  const check = async (what: string, key: string | null, expected: string | null, pendingBytes: Buffer | undefined) => {
    if (!expected) return; // documents issued before the chain have no XML; a PDF not rendered yet has no hash
    let bytes: Buffer | undefined = pendingBytes;
    if (key) {
      try {
        bytes = await getFile(key);
      } catch (error) {
        problems.push(`${what} file ${key} cannot be read (${error instanceof Error ? error.message : String(error)})`);
        return;
      }
    }
    if (!bytes) problems.push(`${what} file is neither stored nor pending`);
    else if (sha256Hex(bytes) !== expected) problems.push(`${what} file does not match its SHA-256 (altered)`);
  };
  const pending = row.pdfKey && row.xmlKey ? undefined : (await db.select().from(invoicePendingFiles).where(eq(invoicePendingFiles.invoiceId, row.id)))[0];
  await check("PDF", row.pdfKey, row.pdfSha256, pending?.pdf);
  await check("XML", row.xmlKey, row.xmlSha256, pending?.xml);
  return problems;
}
