import { date, index, integer, jsonb, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
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
    pdfSha256: text("pdf_sha256"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("invoices_number_unique").on(t.number),
    uniqueIndex("invoices_series_sequence").on(t.seriesKey, t.year, t.sequence),
    index().on(t.expertUserId, t.issueDate),
    index().on(t.organizationId, t.issueDate),
    index().on(t.issueDate),
    index().on(t.milestoneId),
  ],
);

export type Invoice = typeof invoices.$inferSelect;
export type InvoiceRole = (typeof invoiceRole.enumValues)[number];
export type BillingMandate = typeof billingMandates.$inferSelect;
