import { customType, date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import type { InvoiceDocument } from "./invoice-document";
import { users } from "./auth";
import { contractMilestones, contracts } from "./contracts";
import { organizations } from "./organizations";
import { transfers } from "./payments";

/** The expert's billing mandate (mandat de facturation): Compagnon issues invoices in its name. */
export const billingMandates = pgTable("billing_mandates", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "restrict" }),
  version: text("version").notNull(),
  textSha256: text("text_sha256").notNull(),
  /** The seller identity printed on invoices: legal name and business address (the profile has no address). */
  legalName: text("legal_name").notNull(),
  addressLine1: text("address_line1").notNull(),
  addressLine2: text("address_line2"),
  postalCode: text("postal_code").notNull(),
  city: text("city").notNull(),
  acceptedAt: timestamp("accepted_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Gap-free counters, one per series and year; incremented in the transaction that issues. */
export const invoiceSeries = pgTable(
  "invoice_series",
  {
    key: text("key").notNull(),
    year: integer("year").notNull(),
    lastNumber: integer("last_number").notNull(),
  },
  (t) => [primaryKey({ columns: [t.key, t.year] })],
);

export const invoiceKind = pgEnum("invoice_kind", ["invoice", "credit_note"]);
/** service: expert → client (self-billed); commission: Compagnon → expert. */
export const invoiceRole = pgEnum("invoice_role", ["service", "commission"]);

/** Issued invoices and credit notes: never edited nor deleted (a trigger refuses it), kept ten years. */
export const invoices = pgTable(
  "invoices",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: invoiceKind("kind").notNull(),
    role: invoiceRole("role").notNull(),
    number: text("number").notNull(),
    seriesKey: text("series_key").notNull(),
    year: integer("year").notNull(),
    sequence: integer("sequence").notNull(),
    issueDate: date("issue_date").notNull(),
    /** The expert for service invoices (the seller) and commission invoices (the buyer). */
    expertUserId: uuid("expert_user_id").references(() => users.id, { onDelete: "restrict" }),
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "restrict" }),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contracts.id, { onDelete: "restrict" }),
    milestoneId: uuid("milestone_id")
      .notNull()
      .references(() => contractMilestones.id, { onDelete: "restrict" }),
    transferId: uuid("transfer_id").references(() => transfers.id, { onDelete: "restrict" }),
    correctsInvoiceId: uuid("corrects_invoice_id"),
    exVatCents: integer("ex_vat_cents").notNull(),
    vatCents: integer("vat_cents").notNull(),
    inclVatCents: integer("incl_vat_cents").notNull(),
    /** Our payment reference (for the accountant's export). */
    paymentReference: text("payment_reference").notNull(),
    document: jsonb("document").$type<InvoiceDocument>().notNull(),
    /** The stored PDF (Factur-X), written once by the worker. */
    pdfKey: text("pdf_key"),
    /** SHA-256 (hex) of the PDF, fixed at issue (documents issued before the chain: set by the worker). */
    pdfSha256: text("pdf_sha256"),
    /** The stored Factur-X XML (CII), written once by the worker, and its SHA-256 fixed at issue. */
    xmlKey: text("xml_key"),
    xmlSha256: text("xml_sha256"),
    /**
     * SHA-256 over the previous document's chain hash in the same series and year and this row's
     * legal fields and file hashes (lib/invoicing/chain.ts); null for documents issued before the chain.
     */
    chainHash: text("chain_hash"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index().on(t.transferId),
    index().on(t.contractId),
    uniqueIndex("invoices_number_unique").on(t.number),
    uniqueIndex("invoices_series_sequence").on(t.seriesKey, t.year, t.sequence),
    index().on(t.expertUserId, t.issueDate),
    index().on(t.organizationId, t.issueDate),
    index().on(t.issueDate),
    index().on(t.milestoneId),
  ],
);

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => "bytea" });

/**
 * The exact files hashed at issue, kept until the worker has stored them (then deleted): what is
 * stored is byte for byte what the chain sealed, whatever version of the renderer runs later.
 */
export const invoicePendingFiles = pgTable("invoice_pending_files", {
  invoiceId: uuid("invoice_id")
    .primaryKey()
    .references(() => invoices.id, { onDelete: "restrict" }),
  pdf: bytea("pdf").notNull(),
  xml: bytea("xml").notNull(),
});

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceRole = (typeof invoiceRole.enumValues)[number];
export type BillingMandate = typeof billingMandates.$inferSelect;
