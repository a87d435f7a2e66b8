import { index, integer, jsonb, pgEnum, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { invoices } from "./invoices";

/**
 * Where a document stands with the Plateforme Agréée: queued (intent recorded, not yet sent or
 * sent without an answer), submitted (the PA holds a flow for it), failed (the PA refused the
 * submission or every attempt failed: an admin may retry), not_transmitted (no PA configured,
 * or the buyer has no electronic address; the document stays downloadable).
 */
export const einvoiceState = pgEnum("einvoice_state", ["queued", "submitted", "failed", "not_transmitted"]);

/** One row per invoice or credit note: its flow, keyed by a tracking id that never changes. */
export const einvoiceTransmissions = pgTable(
  "einvoice_transmissions",
  {
    invoiceId: uuid("invoice_id")
      .primaryKey()
      .references(() => invoices.id, { onDelete: "restrict" }),
    /** Sent as the flow's trackingId: the same on every attempt, so a retry after a crash finds the flow instead of sending a second one. */
    trackingId: text("tracking_id").notNull().unique(),
    state: einvoiceState("state").notNull().default("queued"),
    /** "no_pa" | "buyer_no_address" when not transmitted. */
    skipReason: text("skip_reason"),
    flowId: text("flow_id"),
    /** The latest lifecycle status (XP Z12-012 code, 200 Déposée … 213 Rejetée) and when the PA dated it. */
    lifecycleCode: integer("lifecycle_code"),
    lifecycleAt: timestamp("lifecycle_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("einvoice_transmissions_state_idx").on(t.state)],
);

/** Every lifecycle status received for a document, in the PA's time; a replay changes nothing. */
export const einvoiceStatusEvents = pgTable(
  "einvoice_status_events",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    invoiceId: uuid("invoice_id")
      .notNull()
      .references(() => invoices.id, { onDelete: "restrict" }),
    code: integer("code").notNull(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull(),
    /** The PA flow that carried it (the submission's acknowledgement, or a lifecycle flow). */
    flowId: text("flow_id"),
    reason: text("reason"),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("einvoice_status_events_once").on(t.invoiceId, t.code, t.occurredAt)],
);

/** The directory's answer per SIREN (electronic invoicing address, BT-49/BT-34), cached; null: not registered. */
export const einvoiceAddresses = pgTable("einvoice_addresses", {
  siren: text("siren").primaryKey(),
  address: text("address"),
  lookedUpAt: timestamp("looked_up_at", { withTimezone: true }).notNull().defaultNow(),
});

/** How far the lifecycle flows have been read (the search's updatedAfter), one row. */
export const einvoicePollCursor = pgTable("einvoice_poll_cursor", {
  id: text("id").primaryKey(),
  updatedAfter: timestamp("updated_after", { withTimezone: true }).notNull(),
});

export type EinvoiceTransmission = typeof einvoiceTransmissions.$inferSelect;

/**
 * What an e-report carries: `payment`, the payment data of a service invoice whose VAT is due on
 * receipt ("encaissement": date and amount received, per VAT rate); `transaction`, the data of an
 * invoice that is not e-invoiced (a buyer abroad or without SIREN: B2C or international).
 */
export const einvoiceReportKind = pgEnum("einvoice_report_kind", ["payment", "transaction"]);
/**
 * How it travels: `lifecycle`, a CDAR status 212 "Encaissée" about an e-invoiced document (B2B in
 * France); `ereporting`, an e-reporting flow (flux 10: B2C or international).
 */
export const einvoiceReportChannel = pgEnum("einvoice_report_channel", ["lifecycle", "ereporting"]);

/** One day and VAT rate of an aggregated transactions report: what was invoiced, excluding VAT, and its VAT (cents; a credit note counts negative). */
export interface EreportingAggregateLine {
  day: string;
  rateBps: number;
  basisCents: number;
  vatCents: number;
  documents: number;
}

/** A period's transaction data: B2C sales summed per day and rate (flux 10.3), international B2B documents listed one by one (flux 10.1). */
export interface EreportingPeriodData {
  /** The seller as its documents name it. */
  sellerName: string;
  days: EreportingAggregateLine[];
  invoiceIds: string[];
}

/**
 * One e-report per document and kind, sent once (trackingId = the row's id), every attempt counted;
 * or (invoiceId null) one aggregated transactions report per seller and period (flux 10.3/10.1:
 * B2C and international transactions, summed per day and VAT rate), sent once when the period closes.
 */
export const einvoiceReports = pgTable(
  "einvoice_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The document (payment data); null for an aggregated period report. */
    invoiceId: uuid("invoice_id").references(() => invoices.id, { onDelete: "restrict" }),
    kind: einvoiceReportKind("kind").notNull(),
    /** A period report: the seller (SIREN) and the period it covers (YYYY-MM-DD, both included), with its data. */
    sellerSiren: text("seller_siren"),
    periodStart: text("period_start"),
    periodEnd: text("period_end"),
    periodData: jsonb("period_data").$type<EreportingPeriodData>(),
    channel: einvoiceReportChannel("channel").notNull(),
    /** The day the payment was received (payment) or the invoice issued (transaction), YYYY-MM-DD. */
    occurredOn: text("occurred_on").notNull(),
    /** Amount received or invoiced, VAT included, and its VAT, integer cents (negative for a refund). */
    amountCents: integer("amount_cents").notNull(),
    vatCents: integer("vat_cents").notNull(),
    vatRateBps: integer("vat_rate_bps").notNull(),
    state: einvoiceState("state").notNull().default("queued"),
    skipReason: text("skip_reason"),
    flowId: text("flow_id"),
    /** The PA's acknowledgement of the flow: Ok or Error (with its reason in lastError). */
    ackStatus: text("ack_status"),
    /** When it was first sent: the date of the status message (a retry sends the same file). */
    sentAt: timestamp("sent_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("einvoice_reports_once").on(t.invoiceId, t.kind),
    unique("einvoice_reports_period_once").on(t.sellerSiren, t.kind, t.periodStart),
    index("einvoice_reports_state_idx").on(t.state),
  ],
);

export type EinvoiceReport = typeof einvoiceReports.$inferSelect;
