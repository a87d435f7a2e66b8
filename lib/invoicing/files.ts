import "server-only";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invoicePendingFiles, invoices, type Invoice } from "@/db/schema";
import { getFile, newStorageKey, putFile } from "@/lib/storage/files";
import { sha256Hex } from "./chain";
import type { InvoiceLanguage } from "./pdf/labels";
import { renderInvoicePdf } from "./render";

/**
 * Worker: stores an invoice's PDF (Factur-X) and XML once, as sealed at issue (the pending
 * files, checked against the row's hashes), as write-once objects where the storage can; the
 * row records the keys (the only change an invoice row ever gets). Documents issued before the
 * chain have no pending files: their PDF is rendered now and its hash recorded, as before.
 * Returns what it did.
 */
export async function storeInvoicePdf(invoiceId: string): Promise<string> {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) return "unknown invoice";
  if (invoice.pdfKey) return "already stored";
  const [pending] = await db.select().from(invoicePendingFiles).where(eq(invoicePendingFiles.invoiceId, invoice.id));
  if (!pending) return storeUnsealedPdf(invoice);
  if (sha256Hex(pending.pdf) !== invoice.pdfSha256 || sha256Hex(pending.xml) !== invoice.xmlSha256) {
    throw new Error(`invoice ${invoice.number}: the pending files do not match the hashes sealed at issue`);
  }
  const pdfKey = newStorageKey("invoice");
  const xmlKey = newStorageKey("invoice");
  await putFile(pdfKey, pending.pdf, { retain: true });
  await putFile(xmlKey, pending.xml, { retain: true });
  return db.transaction(async (tx) => {
    // Only a row with no file yet: two workers racing store their files, the second is ignored.
    const updated = await tx.execute(sql`update invoices set pdf_key = ${pdfKey}, xml_key = ${xmlKey} where id = ${invoice.id} and pdf_key is null`);
    await tx.delete(invoicePendingFiles).where(eq(invoicePendingFiles.invoiceId, invoice.id));
    return updated.count === 1 ? "stored" : "already stored";
  });
}

async function storeUnsealedPdf(invoice: Invoice): Promise<string> {
  const bytes = await renderInvoicePdf(invoice.document, { createdAt: invoice.createdAt });
  const key = newStorageKey("invoice");
  await putFile(key, bytes, { retain: true });
  const updated = await db.execute(sql`update invoices set pdf_key = ${key}, pdf_sha256 = ${sha256Hex(bytes)} where id = ${invoice.id} and pdf_key is null`);
  return updated.count === 1 ? "stored" : "already stored";
}

/**
 * The invoice's PDF: the stored file, or (before the worker ran) a fresh rendering of the same
 * snapshot. "fr-en": a copy with English labels beside the French ones, rendered on demand from
 * the same snapshot (same Factur-X XML); the stored French file stays the original.
 */
export async function invoicePdfBytes(invoice: Invoice, language: InvoiceLanguage = "fr"): Promise<Uint8Array> {
  if (language === "fr-en") return renderInvoicePdf(invoice.document, { createdAt: invoice.createdAt, language });
  if (invoice.pdfKey) return getFile(invoice.pdfKey);
  const [pending] = await db.select({ pdf: invoicePendingFiles.pdf }).from(invoicePendingFiles).where(eq(invoicePendingFiles.invoiceId, invoice.id));
  if (pending) return pending.pdf;
  return renderInvoicePdf(invoice.document, { createdAt: invoice.createdAt });
}
