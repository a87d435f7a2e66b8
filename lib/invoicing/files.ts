import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { db } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";
import { getFile, newStorageKey, putFile } from "@/lib/storage/files";
import type { InvoiceLanguage } from "./pdf/labels";
import { renderInvoicePdf } from "./render";

/**
 * Worker: renders an invoice's Factur-X PDF once and stores it; the row records the key and the
 * file's hash (the only change an invoice row ever gets). Returns what it did.
 */
export async function storeInvoicePdf(invoiceId: string): Promise<string> {
  const [invoice] = await db.select().from(invoices).where(eq(invoices.id, invoiceId));
  if (!invoice) return "unknown invoice";
  if (invoice.pdfKey) return "already stored";
  const bytes = await renderInvoicePdf(invoice.document, { createdAt: invoice.createdAt });
  const key = newStorageKey("invoice");
  await putFile(key, bytes);
  const sha = createHash("sha256").update(bytes).digest("hex");
  // Only a row with no file yet: two workers racing store one file each, the second is ignored.
  const updated = await db.execute(sql`update invoices set pdf_key = ${key}, pdf_sha256 = ${sha} where id = ${invoice.id} and pdf_key is null`);
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
  return renderInvoicePdf(invoice.document, { createdAt: invoice.createdAt });
}
