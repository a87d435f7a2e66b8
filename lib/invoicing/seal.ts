import "server-only";
import { randomUUID } from "node:crypto";
import type { Transaction } from "@/db/client";
import { invoicePendingFiles, invoices } from "@/db/schema";
import { chainHash, previousChainHash, sha256Hex, type ChainedFields } from "./chain";
import { buildFacturXXml, renderInvoicePdf } from "./render";

type NewInvoice = typeof invoices.$inferInsert;
type Unsealed = Omit<ChainedFields, "id" | "createdAt" | "pdfSha256" | "xmlSha256">;

/**
 * Inserts an issued document with its files' hashes and its chain hash, and keeps the exact
 * files for the worker to store (render_invoice). Call it right after `allocateNumber`, in the
 * same transaction: the series row lock serialises the chain. Renders the PDF here, so the hash
 * sealed is that of the bytes stored and served.
 */
export async function insertSealedInvoice(tx: Transaction, row: Unsealed & Omit<NewInvoice, keyof ChainedFields>): Promise<string> {
  const id = randomUUID();
  // Whole seconds: the PDF metadata keeps no more.
  const createdAt = new Date(Math.floor(Date.now() / 1000) * 1000);
  const xml = Buffer.from(buildFacturXXml(row.document), "utf8");
  const pdf = Buffer.from(await renderInvoicePdf(row.document, { createdAt }));
  const sealed = { ...row, id, createdAt, pdfSha256: sha256Hex(pdf), xmlSha256: sha256Hex(xml) };
  const previous = await previousChainHash(tx, row.seriesKey, row.year, row.sequence);
  await tx.insert(invoices).values({ ...sealed, chainHash: chainHash(previous, sealed) });
  await tx.insert(invoicePendingFiles).values({ invoiceId: id, pdf, xml });
  return id;
}
