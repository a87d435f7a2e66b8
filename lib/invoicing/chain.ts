import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq, lt } from "drizzle-orm";
import type { Transaction } from "@/db/client";
import { invoices, type Invoice } from "@/db/schema";

/**
 * The audit trail ("piste d'audit fiable") of issued documents: every invoice and credit note
 * carries the SHA-256 of its PDF and of its Factur-X XML, and a chain hash over the previous
 * document of the same series and year. Changing, removing or inserting a document, or a file,
 * breaks the chain from there on; `npm run invoices:verify` (verify.ts) recomputes it.
 *
 *   chain_hash(n) = SHA-256( "compagnon-invoice-chain-v1\n" + chain_hash(n-1) + "\n" + canonical(row n) )
 *
 * with chain_hash(0) = "" (the first number of a series and year) and canonical(row) the JSON of
 * the legal fields below, keys sorted at every level, no whitespace (stable across jsonb).
 */
export const CHAIN_VERSION = "compagnon-invoice-chain-v1";

export type ChainedFields = Pick<
  Invoice,
  | "id"
  | "kind"
  | "role"
  | "number"
  | "seriesKey"
  | "year"
  | "sequence"
  | "issueDate"
  | "expertUserId"
  | "organizationId"
  | "contractId"
  | "milestoneId"
  | "transferId"
  | "correctsInvoiceId"
  | "exVatCents"
  | "vatCents"
  | "inclVatCents"
  | "paymentReference"
  | "document"
  | "createdAt"
> & { pdfSha256: string; xmlSha256: string };

/** JSON with object keys sorted at every level; `undefined` members dropped as JSON.stringify does. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : canonicalJson(item))).join(",")}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, item]) => item !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(",")}}`;
}

export const sha256Hex = (bytes: Uint8Array | string) => createHash("sha256").update(bytes).digest("hex");

export function chainedFields(row: ChainedFields): ChainedFields {
  return {
    id: row.id,
    kind: row.kind,
    role: row.role,
    number: row.number,
    seriesKey: row.seriesKey,
    year: row.year,
    sequence: row.sequence,
    issueDate: row.issueDate,
    expertUserId: row.expertUserId,
    organizationId: row.organizationId,
    contractId: row.contractId,
    milestoneId: row.milestoneId,
    transferId: row.transferId,
    correctsInvoiceId: row.correctsInvoiceId,
    exVatCents: row.exVatCents,
    vatCents: row.vatCents,
    inclVatCents: row.inclVatCents,
    paymentReference: row.paymentReference,
    document: row.document,
    createdAt: row.createdAt,
    pdfSha256: row.pdfSha256,
    xmlSha256: row.xmlSha256,
  };
}

export function chainHash(previousChainHash: string, row: ChainedFields): string {
  return sha256Hex(`${CHAIN_VERSION}\n${previousChainHash}\n${canonicalJson(chainedFields(row))}`);
}

/**
 * The chain hash of the document before `sequence` in its series and year ("" for the first, or
 * when that document predates the chain). Call it after `allocateNumber`: the series row is then
 * locked by this transaction, so no other document of the series can be inserted meanwhile.
 */
export async function previousChainHash(tx: Transaction, seriesKey: string, year: number, sequence: number): Promise<string> {
  const [previous] = await tx
    .select({ sequence: invoices.sequence, chainHash: invoices.chainHash })
    .from(invoices)
    .where(and(eq(invoices.seriesKey, seriesKey), eq(invoices.year, year), lt(invoices.sequence, sequence)))
    .orderBy(desc(invoices.sequence))
    .limit(1);
  if (previous && previous.sequence !== sequence - 1) throw new Error(`Series ${seriesKey} ${year} misses number ${sequence - 1}`);
  return previous?.chainHash ?? "";
}
